/// A file of the generated site, relative to the site root (`2017/index.html`).
///
/// Every internal link igfsite writes is relative and names the file, so the site works
/// from any web server, under any sub-path and opened from the file system.
public struct PagePath: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let rawValue: String

  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  public var description: String { rawValue }

  public static func < (lhs: PagePath, rhs: PagePath) -> Bool { lhs.rawValue < rhs.rawValue }

  public static let home = PagePath("index.html")

  /// A cycle's inventory page (`2017/index.html`), for the cycles a site can have.
  public static func cycle(_ year: Int) -> PagePath {
    (1990...2100).contains(year) ? cyclePages[year - 1990] : PagePath("\(year)/index.html")
  }

  private static let cyclePages = (1990...2100).map { PagePath("\($0)/index.html") }

  /// `../` once per folder between this page and the site root.
  public var rootPrefix: String {
    String(repeating: "../", count: rawValue.utf8.count(where: { $0 == UInt8(ascii: "/") }))
  }

  /// A relative link from this page to `target`.
  public func href(to target: PagePath, fragment: String? = nil) -> String {
    let path = target == self ? lastComponent : rootPrefix + target.rawValue
    guard let fragment, !fragment.isEmpty else { return path }
    return "\(path)#\(fragment)"
  }

  /// A relative link from this page to a file of the site given by its root-relative path.
  public func href(toFile rootRelative: String) -> String { rootPrefix + rootRelative }

  var lastComponent: String {
    String(rawValue.split(separator: "/").last ?? Substring(rawValue))
  }

  /// The pretty, absolute URL of this page under `baseURL` (`https://…/2017/`), for
  /// canonical links, feeds and sitemaps.
  public func canonicalURL(base baseURL: String) -> String {
    let base = baseURL.utf8.last == UInt8(ascii: "/") ? baseURL : baseURL + "/"
    let bytes = rawValue.utf8
    let index = "index.html".utf8
    guard bytes.count >= index.count, bytes.suffix(index.count).elementsEqual(index) else { return base + rawValue }
    if bytes.count == index.count { return base }
    let beforeIndex = bytes.index(bytes.endIndex, offsetBy: -index.count)
    if bytes[bytes.index(before: beforeIndex)] == UInt8(ascii: "/") { return base + rawValue[..<beforeIndex] }
    return base + rawValue
  }
}
