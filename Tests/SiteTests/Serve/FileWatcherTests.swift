import Foundation
import SiteServe
import TestSupport
import Testing

/// The watcher reports the files igfsite reads, never an editor's or sed's temporary file.
@Suite struct FileWatcherTests {
  @Test func temporaryFilesInContentAreNotChanges() async throws {
    let site = try FixtureSite(["content/2017/mag/m.md": Documents.meetingSummary()])
    let watcher = try FileWatcher(
      roots: [site.root.appendingPathComponent("content"), site.root.appendingPathComponent("templates")],
      siteRoot: site.root)
    defer { watcher.stop() }
    // What `sed -i` does: a temporary file beside the document, renamed over it.
    try site.write("edited", to: "content/2017/mag/sedqTszrD")
    try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/2017/mag/m.md"))
    try FileManager.default.moveItem(
      at: site.root.appendingPathComponent("content/2017/mag/sedqTszrD"),
      to: site.root.appendingPathComponent("content/2017/mag/m.md"))
    // Ends the stream if the change never comes, so the test fails instead of hanging.
    let timeout = Task {
      try await Task.sleep(for: .seconds(10))
      watcher.stop()
    }
    defer { timeout.cancel() }
    var seen = Set<String>()
    for await batch in watcher.changes {
      seen.formUnion(batch)
      if seen.contains("content/2017/mag/m.md") { break }
    }
    #expect(seen == ["content/2017/mag/m.md"])
  }
}
