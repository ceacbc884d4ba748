import Foundation

/// Reads the search index's parts from an output folder as the theme's script does, so
/// tests can search the index without a browser.
public struct SearchIndexReader {
  let folder: URL
  public let manifest: [String: Any]

  public init(output folder: URL) throws {
    self.folder = folder
    let arguments = try Self.call(try Self.read(folder, "search/index.js"), "manifest") as? [Any]
    manifest = arguments?.first as? [String: Any] ?? [:]
  }

  static func read(_ folder: URL, _ path: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
  }

  /// The argument of `IGFSITE_SEARCH.name(…)`: JSON, after a leading key or number for most parts.
  public static func call(_ script: String, _ name: String) throws -> Any {
    let prefix = "IGFSITE_SEARCH.\(name)("
    guard script.hasPrefix(prefix), script.hasSuffix(");\n") else { throw CocoaError(.fileReadCorruptFile) }
    let inner = String(script.dropFirst(prefix.count).dropLast(3))
    return try JSONSerialization.jsonObject(with: Data("[\(inner)]".utf8), options: [.fragmentsAllowed])
  }

  public var shardKeys: [String] { manifest["shards"] as? [String] ?? [] }

  /// The longest shard key that begins `word`.
  public func shardKey(of word: String) -> String? {
    let keys = Set(shardKeys)
    let scalars = Array(word.unicodeScalars)
    for length in stride(from: scalars.count, through: 0, by: -1) {
      var key = String.UnicodeScalarView()
      key.append(contentsOf: scalars.prefix(length))
      if keys.contains(String(key)) { return String(key) }
    }
    return nil
  }

  public static func fileName(of key: String) -> String {
    if key.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }) { return key.isEmpty ? "_" : key }
    return "x" + key.utf8.map { String(format: "%02x", $0) }.joined()
  }

  /// A shard's words, each with its three encoded lists (title, tags, body).
  public func shard(_ key: String) throws -> [String: [String]] {
    let arguments = try Self.call(try Self.read(folder, "search/w/\(Self.fileName(of: key)).js"), "shard") as? [Any]
    return arguments?.last as? [String: [String]] ?? [:]
  }

  /// The documents with `word` in the title, tags and body, by number.
  public func postings(of word: String) throws -> [[Int]] {
    guard let key = shardKey(of: word), let lists = try shard(key)[word] else { return [[], [], []] }
    return lists.map(Self.decode)
  }

  /// Document `number`'s fragment: `t` title, `u` URL, `k` kind, `c` cycle, `s` summary, `p` paragraphs.
  public func document(_ number: Int) throws -> [String: Any] {
    let arguments = try Self.call(try Self.read(folder, "search/d/\(number).js"), "doc") as? [Any]
    return arguments?.last as? [String: Any] ?? [:]
  }

  static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")

  public static func decode(_ text: String) -> [Int] {
    let digits = text.dropFirst().map { alphabet.firstIndex(of: $0) ?? 0 }
    var numbers: [Int] = []
    if text.first == "b" {
      for (cell, value) in digits.enumerated() {
        for bit in 0..<6 where value & (1 << bit) != 0 { numbers.append(cell * 6 + bit) }
      }
      return numbers
    }
    var previous = -1
    var value = 0
    for digit in digits {
      if digit >= 32 {
        value = value * 32 + digit - 32
        continue
      }
      previous += value * 32 + digit + 1
      numbers.append(previous)
      value = 0
    }
    return numbers
  }
}
