import Foundation

/// Follows every relative `href` and `src` of the HTML files of a built site, as a browser
/// opening the files from disk would, and lists the ones that lead nowhere (including
/// `#fragments` that name no `id` of their page).
public enum LinkChecker {
  public struct BrokenLink: Sendable, CustomStringConvertible {
    public var page: String
    public var link: String
    public var description: String { "\(page): \(link)" }
  }

  public static func brokenLinks(in root: URL) throws -> [BrokenLink] {
    let base = root.standardizedFileURL
    var broken: [BrokenLink] = []
    var idsByFile: [String: Set<String>] = [:]
    func ids(of file: URL) -> Set<String> {
      if let cached = idsByFile[file.path] { return cached }
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      let found = Set(matches(of: #"\sid="([^"]*)""#, in: text))
      idsByFile[file.path] = found
      return found
    }
    let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "html" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      let page = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
      for link in matches(of: #"\s(?:href|src)="([^"]*)""#, in: text) {
        let decoded = link.replacingOccurrences(of: "&amp;", with: "&")
        if decoded.contains(":") || decoded.hasPrefix("//") { continue }
        let parts = decoded.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        let target =
          path.isEmpty ? url : url.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if !exists || isDirectory.boolValue || !target.path.hasPrefix(base.path) {
          broken.append(BrokenLink(page: page, link: link))
        } else if let fragment, !fragment.isEmpty, target.pathExtension == "html",
          !ids(of: target).contains(fragment.removingPercentEncoding ?? fragment)
        {
          broken.append(BrokenLink(page: page, link: link))
        }
      }
    }
    return broken
  }

  static func matches(of pattern: String, in text: String) -> [String] {
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
    let range = NSRange(text.startIndex..., in: text)
    return expression.matches(in: text, range: range).compactMap { match in
      Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
  }
}
