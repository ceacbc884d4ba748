import Foundation
import SiteServe
import TestSupport
import Testing

/// Drafts stay private: the preview answers only its own host names and never another
/// site's page (DNS rebinding, cross-site requests). Inside the serialized preview suite:
/// servers on ephemeral ports are not started beside the load tests'.
extension PreviewServerTests {
  @Suite struct Hosts {
    @Test(arguments: [
      ("127.0.0.1:PORT", true), ("127.0.0.1", true), ("localhost:PORT", true), ("LOCALHOST:PORT", true),
      ("[::1]:PORT", true),
      ("[::1]", true), ("localhost:1", false), ("evil.example.com", false), ("evil.example.com:PORT", false),
      ("127.0.0.1.evil.example.com:PORT", false), ("[::2]:PORT", false), ("::1", false), ("preview.test:PORT", true),
      ("Preview.Test", true), ("", false),
    ])
    func hostPolicy(host: String, allowed: Bool) {
      let policy = HostPolicy(boundTo: "127.0.0.1", port: 8123, allowing: ["preview.test"])
      let header = host.replacingOccurrences(of: "PORT", with: "8123")
      #expect(policy.allows(host: header) == allowed, "\(header)")
    }

    @Test func theAddressItIsBoundToIsAllowedAndNoHostIsRefused() {
      let policy = HostPolicy(boundTo: "::1", port: 9000)
      #expect(policy.allows(host: "[::1]:9000"))
      #expect(!policy.allows(host: nil))
      #expect(HostPolicy(boundTo: "192.168.1.20", port: 9000).allows(host: "192.168.1.20:9000"))
      #expect(
        HostPolicy.isLoopback("127.0.0.1") && HostPolicy.isLoopback("localhost") && !HostPolicy.isLoopback("0.0.0.0"))
    }

    @Test(arguments: [
      (nil as String?, true), ("http://127.0.0.1:PORT", true), ("http://localhost:PORT", true),
      ("http://evil.example.com", false),
      ("http://127.0.0.1:1", false), ("null", false), ("https://127.0.0.1:PORT", false),
      ("http://localhost", false),
    ])
    func originPolicy(origin: String?, allowed: Bool) {
      let policy = HostPolicy(boundTo: "127.0.0.1", port: 8123)
      #expect(policy.allows(origin: origin?.replacingOccurrences(of: "PORT", with: "8123")) == allowed)
    }

    @Test func theServerRefusesOtherHostsAndOtherSitesPages() async throws {
      let preview = try await RunningPreview(
        ["content/2017/mag/m.md": Documents.meetingSummary()], allowedHosts: ["preview.test"])
      let port = preview.port
      let permissions =
        try FileManager.default.attributesOfItem(atPath: preview.server.folder.path)[.posixPermissions] as? Int
      #expect(permissions == 0o700, "the preview folder is the user's alone")

      // The first answer may be slow on a machine busy with the other suites.
      let own = try RawHTTP.request("GET", "/", port: port, timeout: 60)
      #expect(own.status == 200)
      #expect(own.headers["x-content-type-options"] == "nosniff")
      #expect(try RawHTTP.request("GET", "/", port: port, host: "localhost:\(port)").status == 200)
      #expect(try RawHTTP.request("GET", "/", port: port, host: "preview.test:\(port)").status == 200)

      let evil = try RawHTTP.request("GET", "/", port: port, host: "evil.example.com")
      #expect(evil.status == 403)
      #expect(evil.body.contains("this one was for \"evil.example.com\""))
      #expect(evil.body.contains("--allow-host NAME"))
      #expect(evil.headers["x-content-type-options"] == "nosniff")
      _ = try RawHTTP.request("GET", "/other", port: port, host: "evil.example.com")
      #expect(
        preview.messages.all.filter { $0.contains("Refused a request for \"evil.example.com\"") }.count == 1,
        "said once per name")
      #expect(try RawHTTP.request("GET", "/", port: port, host: .some(nil)).status == 403)

      // Another site's page: refused on pages and on the event stream; a navigation (no
      // Origin) and the preview's own pages are not.
      for path in ["/", "/__igfsite/events"] {
        let crossSite = try RawHTTP.request("GET", path, port: port, headers: ["Origin: http://evil.example.com"])
        #expect(crossSite.status == 403, "\(path)")
      }
      let sameSite = try RawHTTP.request("GET", "/", port: port, headers: ["Origin: http://127.0.0.1:\(port)"])
      #expect(sameSite.status == 200)
      await preview.stop()
    }

    @Test func aNonLoopbackAddressIsWarnedAbout() async throws {
      let preview = try await RunningPreview(["content/2017/mag/m.md": Documents.meetingSummary()], host: "0.0.0.0")
      #expect(
        preview.messages.all.contains {
          $0.contains("0.0.0.0 is not a loopback address") && $0.contains("drafts included")
        })
      await preview.stop()
    }
  }
}
