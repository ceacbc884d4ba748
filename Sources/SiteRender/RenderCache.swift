import Foundation
import SiteLink
import SiteModel

/// Pieces of the site-wide files kept between preview rebuilds, so that a change to one
/// document does not re-encode ten thousand: each cycle's part of `inventory.json`, each
/// document's search fragment and link, and the sitemap while no page or date changes. A
/// build uses one too, so that a cycle's part is encoded once for two files.
///
/// Search fragments and links are keyed by the document value itself (a changed document
/// is a new value), so they never go stale. A cycle's part is dropped whenever the cycle's own data
/// files are rendered again, which is exactly when it changes. Make a new cache when the
/// settings change: people's names and kind labels appear in the pieces. A build's cache
/// gives each cycle's part to its two files and then forgets it.
public final class RenderCache: @unchecked Sendable {
  private let lock = NSLock()
  private var cycles: [Int: [UInt8]] = [:]
  private var cycleLocks: [Int: NSLock] = [:]
  private var fragments: [DocumentID: (document: ParsedDocument, number: Int, file: OutputFile)] = [:]
  private var linkedDocuments: [ParsedDocument] = []
  private var links = DocumentLinks()
  private var sitemap: (pages: [SitemapPage], files: [OutputFile])?

  /// Counts the forgettings, so that a renderer of an older site (a preview follow-up
  /// still running) neither uses nor keeps a part a newer site's change made stale.
  private var epoch = 0
  private var forgottenAt: [Int: Int] = [:]
  private var allForgottenAt = 0

  /// Whether the cache serves one build rather than a preview's renderings: it then keeps
  /// no search fragments (the build would hold every one until it ends) and lets a cycle's
  /// part go once both of its files have taken it.
  private let forOneBuild: Bool
  private var keepsFragments: Bool { !forOneBuild }

  public init(forOneBuild: Bool = false) {
    self.forOneBuild = forOneBuild
  }

  /// The cache's state, taken by a renderer when it is made.
  var currentEpoch: Int { lock.withLock { epoch } }

  /// Forgets the cycles about to be rendered again; `nil` forgets every cycle.
  public func forgetCycles(_ years: Set<Int>?) {
    lock.withLock {
      epoch += 1
      if let years {
        for year in years {
          cycles[year] = nil
          forgottenAt[year] = epoch
        }
      } else {
        cycles = [:]
        allForgottenAt = epoch
      }
    }
  }

  /// A cycle's part of `inventory.json`, rendered once even when the cycle's own file and
  /// the site file ask for it at the same time (the second waits for the first).
  /// - Parameter since: the epoch of the asking renderer.
  func cycle(_ year: Int, since: Int, render: () -> [UInt8]) -> [UInt8] {
    let stale = lock.withLock { since < max(forgottenAt[year] ?? 0, allForgottenAt) }
    if stale { return render() }
    let cycleLock = lock.withLock { () -> NSLock in
      if let existing = cycleLocks[year] { return existing }
      let made = NSLock()
      cycleLocks[year] = made
      return made
    }
    return cycleLock.withLock {
      if let bytes = lock.withLock({ forOneBuild ? cycles.removeValue(forKey: year) : cycles[year] }) {
        return bytes
      }
      let bytes = render()
      lock.withLock { cycles[year] = bytes }
      return bytes
    }
  }

  /// Each document's search fragment, made again only for a document that changed or
  /// moved to another number. One lock for the whole list.
  func searchFragments(
    _ entries: [(number: Int, document: ParsedDocument)],
    make: ([(number: Int, document: ParsedDocument)]) -> [OutputFile]
  ) -> [OutputFile] {
    guard keepsFragments else { return make(entries) }
    var files: [OutputFile?] = lock.withLock {
      entries.map { number, document in
        guard let cached = fragments[document.id], cached.document === document, cached.number == number else {
          return nil
        }
        return cached.file
      }
    }
    let missing = entries.indices.filter { files[$0] == nil }
    let made = make(missing.map { entries[$0] })
    lock.withLock {
      for (position, file) in zip(missing, made) {
        files[position] = file
        fragments[entries[position].document.id] = (entries[position].document, entries[position].number, file)
      }
    }
    return files.compactMap { $0 }
  }

  /// The documents' and themes' links, made again only for the documents that changed
  /// since the last call, and dropped for documents gone (a theme link depends on its name
  /// alone, so links of themes no document names any more are harmless).
  func links(for documents: [ParsedDocument], make: ([ParsedDocument]) -> DocumentLinks) -> DocumentLinks {
    lock.withLock {
      if documents.count == linkedDocuments.count {
        let pairs = zip(documents, linkedDocuments).filter { $0 !== $1 }
        if !pairs.isEmpty {
          let made = make(pairs.map(\.0))
          // Only the documents' own links: pages find a document's link by its id alone.
          for gone in Set(pairs.map(\.1.id)).subtracting(pairs.map(\.0.id)) { links.documents[gone] = nil }
          links.documents.merge(made.documents) { _, new in new }
          links.themes.merge(made.themes) { old, _ in old }
        }
      } else {
        links = make(documents)
      }
      linkedDocuments = documents
      return links
    }
  }

  /// The sitemap's files, made again only when a page or a date changed.
  func sitemap(_ pages: [SitemapPage], render: () -> [OutputFile]) -> [OutputFile] {
    if let cached = lock.withLock({ sitemap }),
      cached.pages == pages
    {
      return cached.files
    }
    let files = render()
    lock.withLock { sitemap = (pages, files) }
    return files
  }
}
