import Foundation
import SiteLink
import SiteModel

/// Pieces of the site-wide files kept between preview rebuilds, so that a change to one
/// document does not re-encode ten thousand: each cycle's part of `inventory.json`, each
/// document's search entry and link, and the sitemap while no page or date changes.
///
/// Search entries are keyed by the document value itself (a changed document is a new
/// value), so they never go stale. A cycle's part is dropped whenever the cycle's own data
/// files are rendered again, which is exactly when it changes. Make a new cache when the
/// settings change: people's names and kind labels appear in the pieces.
public final class RenderCache: @unchecked Sendable {
  private let lock = NSLock()
  private var cycles: [Int: [UInt8]] = [:]
  private var cycleLocks: [Int: NSLock] = [:]
  private var linkedDocuments: [ParsedDocument] = []
  private var links = DocumentLinks()
  private var sitemap: (pages: [(path: PagePath, lastModified: CalendarDate?)], files: [OutputFile])?

  public init() {}

  /// Forgets the cycles about to be rendered again; `nil` forgets every cycle.
  public func forgetCycles(_ years: Set<Int>?) {
    lock.withLock {
      if let years { for year in years { cycles[year] = nil } } else { cycles = [:] }
    }
  }

  /// A cycle's part of `inventory.json`, rendered once even when the cycle's own file and
  /// the site file ask for it at the same time (the second waits for the first).
  func cycle(_ year: Int, render: () -> [UInt8]) -> [UInt8] {
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
