import Foundation
import SiteLink
import SiteModel
import SiteSupport
import SiteWrite

/// The files a preview session has written: the hash of each file's bytes and the files
/// each page produced, so an update rewrites only the files whose bytes differ and removes
/// the files of pages that are gone.
struct WrittenFiles: Sendable {
  private var hashes: [String: UInt64] = [:]
  private var owners: [SitePage: [String]] = [:]

  /// Takes what `other` knows of the site-wide data files (a follow-up wrote them).
  mutating func takeDataFiles(of other: WrittenFiles) {
    for (page, paths) in other.owners where page.isDataFile {
      let kept = Set(paths)
      for path in owners[page] ?? [] where !kept.contains(path) { hashes[path] = nil }
      owners[page] = paths
      for path in paths { hashes[path] = other.hashes[path] }
    }
  }

  /// Writes the files of `rendered` whose bytes changed and, given `allPages` (every page
  /// the site has now), removes the files of pages that are gone, but for those `keeping`
  /// (pages of documents that cannot be read just now).
  /// - Returns: the files written and removed, relative to the output folder.
  mutating func write(
    _ rendered: [(SitePage, [OutputFile])], allPages: [SitePage]?, keeping: Set<SitePage> = [],
    options: BuildOptions
  ) throws(DiagnosticsError) -> (written: [String], removed: [String]) {
    var changedFiles: [OutputFile] = []
    var hashes = self.hashes
    var owners = self.owners
    let newHashes = Parallel.map(rendered.flatMap(\.1), jobs: options.jobs) { ContentHash.of($0) }
    var position = 0
    // A page that now makes fewer files (the search index, when documents go) leaves some.
    var dropped = Set<String>()
    for (page, files) in rendered {
      let paths = files.map(\.path)
      if let before = owners[page], before != paths {
        dropped.formUnion(Set(before).subtracting(paths))
      }
      owners[page] = paths
      for file in files {
        let hash = newHashes[position]
        position += 1
        if hashes[file.path] != hash {
          changedFiles.append(file)
          hashes[file.path] = hash
        }
      }
    }
    // Every page of the site has been rendered at some point, so pages are gone only
    // when there are more rendered pages than pages.
    var removed: [String] = []
    if !dropped.isEmpty {
      dropped.subtract(owners.values.joined())
      removed = dropped.sorted()
    }
    if let allPages, owners.count > allPages.count {
      let now = Set(allPages)
      let gone = owners.keys.filter { !now.contains($0) && !keeping.contains($0) }
      var stale = Set(gone.flatMap { owners[$0] ?? [] })
      for page in gone { owners[page] = nil }
      stale.subtract(owners.values.joined())
      removed = Set(removed).union(stale).sorted()
    }
    try OutputFolder.update(options.output, write: changedFiles, remove: removed, displayPath: options.outputDisplay)
    for path in removed { hashes[path] = nil }
    self.hashes = hashes
    self.owners = owners
    return (changedFiles.map(\.path), removed)
  }
}
