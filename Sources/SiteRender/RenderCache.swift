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
/// settings change: people's names and kind labels appear in the pieces.
public final class RenderCache: @unchecked Sendable {
  private let lock = NSLock()
  private var cycles: [Int: [UInt8]] = [:]
  private var cycleLocks: [Int: NSLock] = [:]
  private var fragments: [DocumentID: (document: ParsedDocument, number: Int, file: OutputFile)] = [:]
  private var linkedDocuments: [ParsedDocument] = []
  private var links = DocumentLinks()
  private var sitemap: (pages: [(path: PagePath, lastModified: CalendarDate?)], files: [OutputFile])?

  /// Counts the forgettings, so that a renderer of an older site (a preview follow-up
  /// still running) neither uses nor keeps a part a newer site's change made stale.
  private var epoch = 0
  private var forgottenAt: [Int: Int] = [:]
  private var allForgottenAt = 0

  /// Whether search fragments are kept: only for a next rendering (the preview); a build
  /// would hold every fragment until it ends.
  private let keepsFragments: Bool

  public init(keepingSearchFragments: Bool = true) {
    keepsFragments = keepingSearchFragments
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
      if let bytes = lock.withLock({ cycles[year] }) { return bytes }
      let bytes = render()
      lock.withLock { cycles[year] = bytes }
      return bytes
    }
  }

  /// Each document's search fragment, made again only for a document that changed or
  /// moved to another number. One lock for the whole list.
  func searchFragments(
    _ documents: [ParsedDocument], make: ([(number: Int, document: ParsedDocument)]) -> [OutputFile]
  ) -> [OutputFile] {
    guard keepsFragments else { return make(documents.enumerated().map { ($0, $1) }) }
    var files: [OutputFile?] = lock.withLock {
      documents.enumerated().map { number, document in
        guard let cached = fragments[document.id], cached.document === document, cached.number == number else {
          return nil
        }
        return cached.file
      }
    }
    let missing = files.indices.filter { files[$0] == nil }.map { (number: $0, document: documents[$0]) }
    let made = make(missing)
    lock.withLock {
      for (entry, file) in zip(missing, made) {
        files[entry.number] = file
        fragments[entry.document.id] = (entry.document, entry.number, file)
      }
    }
    return files.compactMap { $0 }
  }

  /// The documents' and themes' links, made again only for the documents that changed
  /// since the last call (a theme link depends on its name alone, so links of themes no
  /// document names any more are harmless).
  func links(for documents: [ParsedDocument], make: ([ParsedDocument]) -> DocumentLinks) -> DocumentLinks {
    lock.withLock {
      if documents.count == linkedDocuments.count {
        let changed = zip(documents, linkedDocuments).compactMap { $0 === $1 ? nil : $0 }
        if !changed.isEmpty {
          let made = make(changed)
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
  func sitemap(_ pages: [(path: PagePath, lastModified: CalendarDate?)], render: () -> [OutputFile]) -> [OutputFile] {
    if let cached = lock.withLock({ sitemap }),
      cached.pages.elementsEqual(pages, by: { $0.path == $1.path && $0.lastModified == $1.lastModified })
    {
      return cached.files
    }
    let files = render()
    lock.withLock { sitemap = (pages, files) }
    return files
  }
}
