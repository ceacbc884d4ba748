import Foundation
import SiteModel
import SiteServe
import TestSupport
import Testing

/// The preview server, started in-process on a free port against a fixture site.
@Suite(.serialized) struct PreviewServerTests {
  /// A running preview of a fixture site; `stop()` ends it.
  final class RunningPreview: @unchecked Sendable {
    let site: FixtureSite
    let server: PreviewServer
    let task: Task<Void, any Error>
    let port: Int
    let messages: Messages

    final class Messages: @unchecked Sendable {
      private let lock = NSLock()
      private var lines: [String] = []
      func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
      }
      var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
      }
    }

    init(
      _ files: [String: String?], maximumListeners: Int = 256, host: String = "127.0.0.1", allowedHosts: [String] = []
    ) async throws {
      site = try FixtureSite(files)
      let messages = Messages()
      self.messages = messages
      server = PreviewServer(
        .init(
          layout: site.layout, host: host, port: 0, allowedHosts: allowedHosts, maximumListeners: maximumListeners,
          report: { messages.append($0) }))
      let (ready, readyContinuation) = AsyncStream.makeStream(of: URL.self)
      let server = self.server
      task = Task { try await server.run(handleSignals: false) { readyContinuation.yield($0) } }
      var iterator = ready.makeAsyncIterator()
      guard let url = await iterator.next() else { throw CocoaError(.fileReadUnknown) }
      port = url.port ?? 0
    }

    func stop() async {
      task.cancel()
      _ = try? await task.value
    }

    func get(_ path: String) throws -> RawHTTP.Response { try RawHTTP.request("GET", path, port: port) }

    /// Opens the reload stream and returns it once connected.
    func events() throws -> RawHTTP {
      let stream = try RawHTTP(port: port, timeout: 10)
      stream.send("GET /__igfsite/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
      var seen = ""
      _ = stream.read(until: ": connected", seen: &seen)
      return stream
    }
  }

  static let files: [String: String?] = [
    "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
    "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(),
    "content/2017/bpf/iot/proposal.md": Documents.bpfProposal(bpf: "iot", extra: "draft: true"),
  ]

  @Test func servesPagesWithTheReloadScriptAndDraftsOnly() async throws {
    let preview = try await RunningPreview(Self.files)
    defer { Task { await preview.stop() } }
    let home = try preview.get("/")
    #expect(home.status == 200)
    #expect(home.headers["content-type"] == "text/html; charset=utf-8")
    #expect(home.body.contains("<script src=\"/__igfsite/live.js\" data-version=\"1\"></script>\n</body>"))
    let draft = try preview.get("/2017/bpf/iot/proposal/")
    #expect(draft.status == 200)
    #expect(draft.body.contains("banner-draft"))
    #expect(try preview.get("/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")
    let folder = try preview.get("/2017")
    #expect(folder.status == 301)
    #expect(folder.headers["location"] == "/2017/")
    let missing = try preview.get("/no/such/page/")
    #expect(missing.status == 404)
    #expect(missing.body.contains("Page not found"))
    // The preview never touches output/, and the files it serves carry no script.
    #expect(!preview.site.exists("output"))
    let onDisk = try String(
      contentsOf: preview.server.folder.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(!onDisk.contains("__igfsite"))
    await preview.stop()
    #expect(
      !FileManager.default.fileExists(atPath: preview.server.folder.path), "the private folder is removed on stop")
  }

  @Test func previewFoldersOfKilledServersAreRemoved() async throws {
    let parent = PreviewServer.memoryBackedFolder()
    // PIDs are below 2^22 on Linux: this one belongs to no process.
    let stale = parent.appendingPathComponent("igfsite-preview-4194305-\(UUID().uuidString)")
    let notOurs = parent.appendingPathComponent("igfsite-preview-4194305-\(UUID().uuidString)")
    let running = parent.appendingPathComponent("igfsite-preview-\(getpid())-\(UUID().uuidString)")
    for folder in [stale, running] {
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
      FileManager.default.createFile(
        atPath: folder.appendingPathComponent(PreviewServer.markerName).path, contents: Data())
    }
    try FileManager.default.createDirectory(
      at: notOurs.appendingPathComponent("site"), withIntermediateDirectories: true)
    defer { for folder in [stale, notOurs, running] { try? FileManager.default.removeItem(at: folder) } }
    let preview = try await RunningPreview(Self.files)
    await preview.stop()
    #expect(!FileManager.default.fileExists(atPath: stale.path), "a killed server's folder is removed")
    #expect(FileManager.default.fileExists(atPath: running.path), "a running server's folder is kept")
    #expect(FileManager.default.fileExists(atPath: notOurs.path), "a folder without the marker is kept")
  }

  @Test func nothingOutsideTheFolderIsEverServed() async throws {
    let preview = try await RunningPreview(Self.files)
    defer { Task { await preview.stop() } }
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("igfsite-secret-\(UUID().uuidString)")
    try Data("top secret".utf8).write(to: outside)
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.createSymbolicLink(
      at: preview.server.folder.appendingPathComponent("site/leak.txt"), withDestinationURL: outside)
    let attempts = [
      "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
      "/assets/../../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd", "/etc/passwd",
      "/leak.txt", "/%252e%252e/etc/passwd", "/assets/%00style.css", "/..\\..\\etc\\passwd",
    ]
    for attempt in attempts {
      let response = try preview.get(attempt)
      #expect([400, 404].contains(response.status), "\(attempt) → \(response.status)")
      #expect(!response.body.contains("root:") && !response.body.contains("top secret"), "\(attempt) leaked")
    }
  }

  @Test func onlyGetAndHeadAreAllowed() async throws {
    let preview = try await RunningPreview(Self.files)
    defer { Task { await preview.stop() } }
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
      let response = try RawHTTP.request(method, "/", port: preview.port, headers: ["Content-Length: 0"])
      #expect(response.status == 405, "\(method)")
      #expect(response.headers["allow"] == "GET, HEAD")
    }
    let head = try RawHTTP.request("HEAD", "/", port: preview.port)
    #expect(head.status == 200)
    #expect(head.body.isEmpty)
    #expect(Int(head.headers["content-length"] ?? "") ?? 0 > 0)
  }

  @Test func anEditReloadsThePageAndAnErrorIsShownOnThePageAsItIsNow() async throws {
    let preview = try await RunningPreview(Self.files)
    defer { Task { await preview.stop() } }
    let path = "content/2017/bpf/local-content/proposal.md"
    let page = "/2017/bpf/local-content/proposal/"

    var events = try preview.events()
    try preview.site.write(
      Documents.bpfProposal().replacingOccurrences(of: "title: BPF on local-content", with: "title: Edited title"),
      to: path)
    var seen = ""
    #expect(events.read(until: "event: reload", seen: &seen), "no reload event after an edit")
    #expect(try preview.get(page).body.contains("<h1>Edited title</h1>"))
    #expect(!(try preview.get(page).body.contains("igfsite-overlay")))

    // A modalities error is the content of the preview: the page shows the edit and lists it.
    events = try preview.events()
    try preview.site.write(
      Documents.bpfProposal(submitted: "2017-03-25").replacingOccurrences(
        of: "title: BPF on local-content", with: "title: Late title"), to: path)
    seen = ""
    #expect(events.read(until: "event: reload", seen: &seen))
    let late = try preview.get(page).body
    #expect(late.contains("<h1>Late title</h1>"), "the page shows the document as it is now")
    #expect(late.contains("<h2 id=\"errors-heading\">Errors: igfsite build stops on these</h2>"))
    #expect(late.contains("content/2017/bpf/local-content/proposal.md:7:12"))
    #expect(late.contains("bpf-proposal.submission-deadline"))
    #expect(late.contains("The pages show the content as it is now."), "the overlay says the same as the page")
    #expect(!late.contains("last good build"))
    #expect(try preview.get("/").body.contains("id=\"igfsite-overlay\""), "the overlay is on every page")
    #expect(
      preview.messages.all.contains {
        $0.hasPrefix("Rebuilt after content/2017/bpf/local-content/proposal.md")
          && $0.contains("igfsite build stops on errors")
      })

    // Fixing it clears the problems.
    events = try preview.events()
    try preview.site.write(
      Documents.bpfProposal().replacingOccurrences(of: "title: BPF on local-content", with: "title: Fixed title"),
      to: path)
    seen = ""
    #expect(events.read(until: "event: reload", seen: &seen))
    let fixed = try preview.get(page).body
    #expect(fixed.contains("<h1>Fixed title</h1>"))
    #expect(!fixed.contains("igfsite-overlay") && !fixed.contains("errors-heading"))
  }

  /// The build a new reload stream opens with, as `event: version`.
  static func streamVersion(port: Int) throws -> String? {
    let stream = try RawHTTP(port: port, timeout: 10)
    stream.send("GET /__igfsite/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    var seen = ""
    guard stream.read(until: "event: version\ndata: ", seen: &seen), stream.read(until: "\n\n", seen: &seen) else {
      return nil
    }
    return seen.firstMatch(of: /event: version\ndata: (\d+)\n\n/).map { String($0.output.1) }
  }

  /// A page served just before a rebuild, whose stream connects just after it, would miss
  /// that rebuild's reload event: the stream opens with the build it is at, which the page
  /// compares with the one it was served from.
  @Test func aStreamOpenedAfterARebuildSaysThePageIsOlder() async throws {
    let preview = try await RunningPreview(Self.files)
    defer { Task { await preview.stop() } }
    let page = "/2017/bpf/local-content/proposal/"
    let served = try #require(try preview.get(page).body.firstMatch(of: /data-version="(\d+)"/)?.output.1)
    #expect(try Self.streamVersion(port: preview.port) == String(served))
    try preview.site.write(
      Documents.bpfProposal().replacingOccurrences(of: "title: BPF on local-content", with: "title: Rebuilt unseen"),
      to: "content/2017/bpf/local-content/proposal.md")
    var waited = 0
    while waited < 100, !(try preview.get(page).body.contains("<h1>Rebuilt unseen</h1>")) {
      try await Task.sleep(for: .milliseconds(50))
      waited += 1
    }
    let later = try #require(try Self.streamVersion(port: preview.port))
    #expect(later != String(served), "a page served before the rebuild would not know to reload")
    #expect(try preview.get(page).body.contains("data-version=\"\(later)\""))
  }

  /// The reload event waits only for the pages; the search index and feeds follow.
  @Test func theDataFilesFollowTheReloadEvent() async throws {
    let preview = try await RunningPreview(Self.files)
    defer { Task { await preview.stop() } }
    let events = try preview.events()
    try preview.site.write(
      Documents.bpfProposal().replacingOccurrences(of: "title: BPF on local-content", with: "title: Followed title"),
      to: "content/2017/bpf/local-content/proposal.md")
    var seen = ""
    #expect(events.read(until: "event: reload", seen: &seen))
    #expect(try preview.get("/2017/bpf/local-content/proposal/").body.contains("<h1>Followed title</h1>"))
    // The whole fixture's index is one shard (key "", file _.js).
    var waited = 0
    while waited < 100, !(try preview.get("/search/w/_.js").body.contains("\"followed\"")) {
      try await Task.sleep(for: .milliseconds(50))
      waited += 1
    }
    #expect(try preview.get("/search/w/_.js").body.contains("\"followed\""), "the search index follows")
    #expect(try preview.get("/2017/feed.xml").body.contains("Followed title"), "and the cycle's feed")
  }

  @Test func anUnreadableFrontMatterKeepsTheLastGoodPageAndSaysSo() async throws {
    let preview = try await RunningPreview(Self.files)
    defer { Task { await preview.stop() } }
    let path = "content/2017/bpf/local-content/proposal.md"
    let events = try preview.events()
    try preview.site.write("---\ntitle: [unclosed\n---\nText.\n", to: path)
    var seen = ""
    #expect(events.read(until: "event: reload", seen: &seen))
    let page = try preview.get("/2017/bpf/local-content/proposal/")
    #expect(page.status == 200, "the last good version of the page stays")
    #expect(page.body.contains("<h1>BPF on local-content</h1>"))
    #expect(page.body.contains("its page, if it had one, shows the last version that could be read"))
    #expect(
      preview.messages.all.contains {
        $0.contains("cannot be read, so their pages show the last version that could be")
      })
  }

  @Test func aNewDraftWithErrorsIsPreviewedWithItsProblemsFromTheStart() async throws {
    var files = Self.files
    files["content/2018/bpf/iot/proposal.md"] = """
      ---
      kind: bpf-proposal
      title: BPF on IoT
      cycle: 2018
      bpf: iot
      status: proposed
      submitted:
      meeting:
      facilitators:
      timeframe: one-year
      draft: true
      ---

      ## Proposed Theme/Issue

      [To be written: proposed theme/issue]
      """
    // A kind the schema does not know is rendered through too.
    files["content/2018/reports/misfiled.md"] = "---\nkind: reprot\ntitle: Misfiled\ncycle: 2018\n---\nText.\n"
    let preview = try await RunningPreview(files)
    defer { Task { await preview.stop() } }
    let misfiled = try preview.get("/2018/reports/misfiled/")
    #expect(misfiled.status == 200)
    #expect(misfiled.body.contains("unknown kind &quot;reprot&quot;"))
    let page = try preview.get("/2018/bpf/iot/proposal/")
    #expect(page.status == 200, "the draft is served at once")
    #expect(page.body.contains("banner-draft"))
    #expect(page.body.contains("Errors: igfsite build stops on these"))
    #expect(page.body.contains("<dt>Modalities</dt><dd>Problems, listed above</dd>"), "never Conforms with errors")
    #expect(page.body.contains("the field &quot;facilitators&quot; is empty"))
    #expect(page.body.contains("section &quot;Objectives/Goals&quot; is missing"))
    #expect(!page.body.contains("last good build") && !page.body.contains("cannot be rendered"))
    #expect(preview.messages.all.first?.hasPrefix("Rebuilt: ") == true, "\(preview.messages.all)")
  }

  @Test func aTemplateErrorShowsTheOverlayToo() async throws {
    let preview = try await RunningPreview(Self.files)
    defer { Task { await preview.stop() } }
    let events = try preview.events()
    try preview.site.write("{{<layout}}{{$content}}{{#broken}}{{/content}}{{/layout}}", to: "templates/themes.mustache")
    var seen = ""
    #expect(events.read(until: "event: reload", seen: &seen))
    let page = try preview.get("/themes/").body
    #expect(page.contains("igfsite-overlay"))
    #expect(page.contains("template syntax error"))
    #expect(page.contains("the site cannot be rendered, so this is the last good build"))
    #expect(
      preview.messages.all.contains {
        $0.contains("a settings file or template has errors; still serving the last good build")
      })
  }
}
