import Foundation
import SiteServe
import TestSupport
import Testing

/// A facilitator's laptop serves the preview to a browser, but a port on loopback is open to
/// every program on the machine: many reload subscribers, slow or idle clients, and
/// oversized requests are bounded and refused, and the server keeps answering.
/// `make load-test` adds wrk's 64 connections for 30 seconds. Nested in the preview's
/// serialized suite: the tests block on sockets, and two servers under load at once on two
/// cores starve each other.
extension PreviewServerTests {
  @Suite struct Load {
    @Test func reloadSubscribersAreBounded() async throws {
      let preview = try await RunningPreview(PreviewServerTests.files, maximumListeners: 256)
      var streams: [RawHTTP] = []
      for _ in 0..<256 { streams.append(try preview.events()) }
      let refused = try preview.get("/__igfsite/events")
      #expect(refused.status == 503)
      #expect(refused.body.contains("Too many preview pages are open"))
      #expect(try preview.get("/").status == 200, "pages are still served")
      streams.removeAll()
      await preview.stop()
    }

    @Test func oversizedHeadersAreRefused() async throws {
      let preview = try await RunningPreview(PreviewServerTests.files)
      let huge = "X-Padding: " + String(repeating: "a", count: 64 * 1024)
      let response = try RawHTTP.request("GET", "/", port: preview.port, headers: [huge])
      #expect(response.status != 200, "a 64 KiB header is not answered as a normal request")
      let many = (0..<500).map { "X-Header-\($0): value" }
      #expect(try RawHTTP.request("GET", "/", port: preview.port, headers: many).status != 200)
      #expect(try preview.get("/").status == 200, "the server still answers")
      await preview.stop()
    }

    @Test func requestBodiesAreRefusedUnread() async throws {
      let preview = try await RunningPreview(PreviewServerTests.files)
      let connection = try RawHTTP(port: preview.port)
      connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1073741824\r\n\r\n")
      connection.send(String(repeating: "x", count: 1_048_576))
      var seen = ""
      _ = connection.read(until: "no request bodies", seen: &seen)
      let response = RawHTTP.parse(seen)
      #expect(response.status == 413)
      #expect(response.headers["connection"] == "close")
      let chunked = try RawHTTP.request("GET", "/", port: preview.port, headers: ["Transfer-Encoding: chunked"])
      #expect(chunked.status == 413)
      #expect(try preview.get("/").status == 200)
      await preview.stop()
    }

    @Test func slowAndIdleClientsDoNotBlockOthers() async throws {
      let preview = try await RunningPreview(PreviewServerTests.files)
      // Half a request each, never finished (slowloris), and connections that send nothing.
      var slow: [RawHTTP] = []
      for index in 0..<200 {
        let connection = try RawHTTP(port: preview.port)
        if index.isMultiple(of: 2) { connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") }
        slow.append(connection)
      }
      let start = Date()
      for _ in 0..<20 { #expect(try preview.get("/assets/style.css").status == 200) }
      #expect(Date().timeIntervalSince(start) < 5, "twenty requests past 200 stalled connections")
      slow.removeAll()
      await preview.stop()
    }
  }
}
