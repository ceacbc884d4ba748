import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SiteModel

/// Answers the preview's requests: files of the private folder (with the reload script
/// and, while the content has errors, the problems overlay in every page), the reload event
/// stream, and nothing else: only GET and HEAD without a body, never a file outside the
/// folder, only for the preview's own host names and never for another site's page.
struct PreviewResponder: Sendable {
  let files: StaticFiles
  let state: PreviewState
  let hosts: HostPolicy

  func respond(to request: Request) async -> Response {
    let host = request.head.authority
    guard hosts.allows(host: host) else {
      let name = host.map(HostPolicy.name(of:))
      await state.refused(host: name)
      let asked = name.map { "\"\($0)\"" } ?? "no host name"
      return Self.text(
        .forbidden,
        "This preview answers only requests for \(hosts.described); this one was for \(asked). "
          + "To open the preview under another name, restart it with igfsite serve --allow-host NAME.\n")
    }
    guard hosts.allows(origin: request.headers[.origin]) else {
      return Self.text(.forbidden, "The preview does not answer requests sent by other sites' pages.\n")
    }
    if Self.hasBody(request) {
      // Never read: the connection is closed rather than drained.
      var headers = HTTPFields()
      headers[.connection] = "close"
      return Self.text(.contentTooLarge, "The preview takes no request bodies.\n", extra: headers)
    }
    guard request.method == .get || request.method == .head else {
      var headers = HTTPFields()
      headers[.allow] = "GET, HEAD"
      return Self.text(.methodNotAllowed, "Only GET and HEAD are supported.\n", extra: headers)
    }
    let path = request.uri.path
    if path == LiveReload.eventsPath { return await events() }
    if path == LiveReload.scriptPath {
      return Self.body(
        .ok, Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8", head: request.method == .head)
    }
    switch files.resolve(path) {
    case .badRequest:
      return Self.text(.badRequest, "Bad request: the path is not allowed.\n")
    case .redirect(let location):
      var headers = HTTPFields()
      headers[.location] = location
      return Self.text(.movedPermanently, "Moved to \(location)\n", extra: headers)
    case .notFound:
      let notFound = files.root.appendingPathComponent(PagePlan.notFound.rawValue)
      // The build is known before the file is read: a rebuild in between makes the page
      // look older than it is (one reload too many), never newer.
      let version = await state.version
      guard let data = try? Data(contentsOf: notFound) else { return Self.text(.notFound, "Not found\n") }
      return await page(.notFound, data, version: version, head: request.method == .head)
    case .file(let url):
      let type = StaticFiles.contentType(of: url)
      let version = type.hasPrefix("text/html") ? await state.version : 0
      guard let data = try? Data(contentsOf: url) else { return Self.text(.notFound, "Not found\n") }
      if type.hasPrefix("text/html") { return await page(.ok, data, version: version, head: request.method == .head) }
      return Self.body(.ok, data, type: type, head: request.method == .head)
    }
  }

  /// Every answer tells browsers not to guess another type than the one it gives.
  static let noSniff: HTTPField.Name = {
    guard let name = HTTPField.Name("X-Content-Type-Options") else { preconditionFailure("a valid header name") }
    return name
  }()

  static func hasBody(_ request: Request) -> Bool {
    if request.headers[.transferEncoding] != nil { return true }
    return Int(request.headers[.contentLength] ?? "0").map { $0 != 0 } ?? true
  }

  /// An HTML page with the reload script (and the problems overlay) added.
  private func page(_ status: HTTPResponse.Status, _ data: Data, version: Int, head: Bool) async -> Response {
    let problems = await state.problems
    let showing = await state.showing
    let html = LiveReload.inject(
      LiveReload.injection(problems: problems, showing: showing, version: version),
      into: String(decoding: data, as: UTF8.self))
    return Self.body(status, Data(html.utf8), type: "text/html; charset=utf-8", head: head)
  }

  /// Server-Sent Events: `event: reload` after every rebuild, a comment every 15 seconds so
  /// that a closed page's connection is noticed.
  private func events() async -> Response {
    guard let (id, stream, version) = await state.listen() else {
      return Self.text(.serviceUnavailable, "Too many preview pages are open.\n")
    }
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream"
    headers[.cacheControl] = "no-cache"
    headers[Self.noSniff] = "nosniff"
    let state = self.state
    let body = ResponseBody { writer in
      let (messages, sink) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
      let forward = Task {
        for await version in stream { sink.yield("event: reload\ndata: \(version)\n\n") }
        sink.finish()
      }
      let heartbeat = Task {
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(15))
          sink.yield(": still here\n\n")
        }
      }
      defer {
        forward.cancel()
        heartbeat.cancel()
        sink.finish()
        Task { await state.stopListening(id) }
      }
      try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\nevent: version\ndata: \(version)\n\n"))
      for await message in messages {
        try await writer.write(ByteBuffer(string: message))
      }
      try await writer.finish(nil)
    }
    return Response(status: .ok, headers: headers, body: body)
  }

  static func body(_ status: HTTPResponse.Status, _ data: Data, type: String, head: Bool) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = type
    headers[.contentLength] = String(data.count)
    headers[.cacheControl] = "no-store"
    headers[Self.noSniff] = "nosniff"
    return Response(
      status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
    var response = body(status, Data(text.utf8), type: "text/plain; charset=utf-8", head: false)
    response.headers.append(contentsOf: extra)
    return response
  }
}
