import Foundation

/// Maps request paths to files of the preview folder, and never to anything outside it:
/// `..` in any spelling, encoded or not, is refused, and a file whose real path (symbolic
/// links resolved) leaves the folder is treated as missing.
struct StaticFiles: Sendable {
  let root: URL
  private let realRoot: String

  init(root: URL) {
    self.root = root
    realRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
  }

  enum Resolution: Equatable {
    case file(URL)
    /// A folder asked for without its trailing slash: redirect so relative links work.
    case redirect(String)
    case notFound
    /// A path that tries to leave the folder, or is not a valid path at all.
    case badRequest
  }

  func resolve(_ rawPath: String) -> Resolution {
    let pathOnly =
      rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    guard let decoded = pathOnly.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
      return .badRequest
    }
    let components = decoded.split(separator: "/", omittingEmptySubsequences: true)
    if components.contains(where: { $0 == ".." || $0 == "." }) { return .badRequest }
    let relative = components.joined(separator: "/")
    var url = relative.isEmpty ? root : root.appendingPathComponent(relative)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
    if isDirectory.boolValue {
      guard decoded.hasSuffix("/") || relative.isEmpty else { return .redirect(pathOnly + "/") }
      url.appendPathComponent("index.html")
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        return .notFound
      }
    }
    let real = url.resolvingSymlinksInPath().path
    guard real.hasPrefix(realRoot + "/") else { return .notFound }
    return .file(URL(fileURLWithPath: real))
  }

  static func contentType(of url: URL) -> String {
    if url.lastPathComponent == "feed.xml" { return "application/atom+xml; charset=utf-8" }
    switch url.pathExtension.lowercased() {
    case "html", "htm": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js", "mjs": return "text/javascript; charset=utf-8"
    case "json": return "application/json"
    case "xml": return "application/xml; charset=utf-8"
    case "txt": return "text/plain; charset=utf-8"
    case "csv": return "text/csv; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "ico": return "image/x-icon"
    case "pdf": return "application/pdf"
    case "woff2": return "font/woff2"
    case "woff": return "font/woff"
    default: return "application/octet-stream"
    }
  }
}
