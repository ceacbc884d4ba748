/// A document's permanent identity: its path under `content/` without `.md`, such as
/// `2017/bpf/cybersecurity/proposal`. Other documents reference it by this id, and its page
/// lives at the same path, so ids must stay stable once published.
public struct DocumentID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  public let rawValue: String
  /// The cycle folder the document sits in (`2017`), when its first component is a year.
  public let cycleFolder: Int?
  /// Whether this is a cycle's landing text (`2017/_cycle`), published as part of the
  /// cycle's inventory page rather than as a page of its own.
  public let isCycleLanding: Bool

  public init(_ rawValue: String) {
    self.rawValue = rawValue
    var year = 0
    var digits = 0
    var slashes = 0
    var position = 0
    for byte in rawValue.utf8 {
      if byte == UInt8(ascii: "/") {
        slashes += 1
      } else if slashes == 0 {
        if byte >= 48, byte <= 57, position < 4 {
          year = year * 10 + Int(byte - 48)
          digits += 1
        } else {
          digits = -1
        }
      }
      position += 1
    }
    let isYear = digits == 4
    cycleFolder = isYear ? year : nil
    isCycleLanding = isYear && slashes == 1 && rawValue.hasSuffix("/_cycle")
  }

  public static func == (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.rawValue == rhs.rawValue }
  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The id of `content/<relativePath>`, or nil when the path does not end in `.md`.
  public init?(contentPath relativePath: String) {
    guard relativePath.hasSuffix(".md") else { return nil }
    self.init(String(relativePath.dropLast(3)))
  }

  public var description: String { rawValue }

  public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The path components (`2017`, `bpf`, …), empty ones kept. Split at the bytes of `/`:
  /// splitting the `String` read it as Characters, a grapheme check per letter.
  public var components: [Substring] {
    let utf8 = rawValue.utf8
    var parts: [Substring] = []
    var start = utf8.startIndex
    for index in utf8.indices where utf8[index] == UInt8(ascii: "/") {
      parts.append(rawValue[start..<index])
      start = utf8.index(after: index)
    }
    parts.append(rawValue[start...])
    return parts
  }

  /// The last path component: `proposal` for `2017/bpf/cybersecurity/proposal`.
  public var name: Substring {
    guard let slash = rawValue.utf8.lastIndex(of: UInt8(ascii: "/")) else { return rawValue[...] }
    return rawValue[rawValue.utf8.index(after: slash)...]
  }

  /// Where the document's page is written, relative to the site root.
  public var pagePath: PagePath { PagePath("\(rawValue)/index.html") }

  /// The page that shows the document: its own, or its cycle's inventory for a landing text.
  public var publishedPath: PagePath {
    if isCycleLanding, let year = cycleFolder { return PagePath("\(year)/index.html") }
    return pagePath
  }

  /// The source file, relative to the content folder.
  public var contentPath: String { "\(rawValue).md" }

  /// Resolves a link destination written in the document `source` (a relative path to
  /// another `.md` file, as a code-hosting site would follow it) to the id it names.
  /// Returns nil when the destination is not a relative `.md` path or climbs above
  /// `content/`.
  public static func resolve(markdownLink path: String, from source: DocumentID) -> DocumentID? {
    var link = path
    var sourceID = source.rawValue
    return link.withUTF8 { link -> DocumentID? in
      let count = link.count
      guard count > 3, link[count - 3] == UInt8(ascii: "."), link[count - 2] == UInt8(ascii: "m"),
        link[count - 1] == UInt8(ascii: "d"), link[0] != UInt8(ascii: "/"), !link.contains(UInt8(ascii: ":"))
      else { return nil }
      // The folder of the source, then each component of the link applied to it, as bytes
      // joined by `/`; `depth` counts the components, and `..` takes the last one off.
      var joined: [UInt8] = []
      joined.reserveCapacity(sourceID.utf8.count + count)
      var depth = 0
      sourceID.withUTF8 { source in
        guard let slash = source.lastIndex(of: UInt8(ascii: "/")) else { return }
        joined.append(contentsOf: source[..<slash])
        depth = 1 + source[..<slash].count { $0 == UInt8(ascii: "/") }
      }
      var start = 0
      for index in 0...count where index == count || link[index] == UInt8(ascii: "/") {
        let component = link[start..<index]
        start = index + 1
        let dots = component.allSatisfy { $0 == UInt8(ascii: ".") } ? component.count : 0
        if component.isEmpty || dots == 1 { continue }
        if dots == 2 {
          guard depth > 0 else { return nil }
          depth -= 1
          if let slash = joined.lastIndex(of: UInt8(ascii: "/")), depth > 0 {
            joined.removeSubrange(slash...)
          } else {
            joined.removeAll(keepingCapacity: true)
          }
        } else {
          if depth > 0 { joined.append(UInt8(ascii: "/")) }
          joined.append(contentsOf: component)
          depth += 1
        }
      }
      guard depth > 0 else { return nil }
      return DocumentID(String(decoding: joined.dropLast(3), as: UTF8.self))
    }
  }

  /// Problems with the id as a URL path component, or nil when it is fine. Ids are
  /// permanent URLs, so they are held to lowercase ASCII letters, digits and hyphens.
  public var namingProblem: String? {
    if Self.isWellNamed(rawValue) { return nil }
    for component in components {
      if component.isEmpty { return "it has an empty path component" }
      let allowedFirst = component.first.map { $0 == "_" || $0.isLowercaseASCIIAlphanumeric } ?? false
      if !allowedFirst || !component.allSatisfy({ $0.isLowercaseASCIIAlphanumeric || $0 == "-" || $0 == "_" }) {
        return "\"\(component)\" is not lowercase letters a–z, digits and hyphens"
      }
    }
    return nil
  }

  /// The common case, checked on bytes: every component starts with a-z, 0-9 or `_` and
  /// goes on with a-z, 0-9, `-` or `_`.
  private static func isWellNamed(_ id: String) -> Bool {
    var atStart = true
    for byte in id.utf8 {
      let isAlphanumeric = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
      if byte == UInt8(ascii: "/") {
        if atStart { return false }
        atStart = true
      } else if atStart {
        guard isAlphanumeric || byte == UInt8(ascii: "_") else { return false }
        atStart = false
      } else if !(isAlphanumeric || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")) {
        return false
      }
    }
    return !atStart
  }

  /// The id a badly named file would have once renamed: lowercase, accents removed,
  /// spaces and other separators turned into hyphens.
  public var suggestedRename: DocumentID {
    DocumentID(components.map { Slug.make(String($0), keepUnderscorePrefix: true) }.joined(separator: "/"))
  }
}

extension Character {
  var isLowercaseASCIIAlphanumeric: Bool {
    guard let ascii = asciiValue else { return false }
    return (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57)
  }
}
