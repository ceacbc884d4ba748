import Synchronization

/// A Mustache syntax error, with where it is.
public struct MustacheSyntaxError: Error, Sendable, Equatable {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String
}

/// The parsed form of a Mustache template: what the renderer walks.
indirect enum MustacheNode: Sendable {
  case text([UInt8])
  /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
  case variable(path: [TemplateKey], raw: Bool, line: Int)
  case section(path: [TemplateKey], inverted: Bool, children: [MustacheNode], line: Int)
  case partial(name: String, indentation: [UInt8], line: Int, column: Int)
  /// `{{<name}}…{{/name}}`: the blocks it overrides, and its indentation when standalone.
  case parent(name: String, indentation: [UInt8], blocks: [(String, MustacheSource)], line: Int, column: Int)
  /// `{{$name}}default{{/name}}`.
  case block(name: String, content: MustacheSource, reindent: [UInt8]?)
}

/// A piece of template source, kept as text because blocks and indented partials are
/// re-indented before they are parsed (as the Mustache spec defines it).
struct MustacheSource: Sendable, Hashable {
  /// Identifies the source for the cache of parsed variants, so a page's render never
  /// hashes template text.
  let identity: Int
  var bytes: [UInt8]
  var file: String
  /// The file line of the source's first line.
  var firstLine: Int
  /// The delimiters in effect where the source starts.
  var open: [UInt8]
  var close: [UInt8]

  static let defaultOpen: [UInt8] = Array("{{".utf8)
  static let defaultClose: [UInt8] = Array("}}".utf8)

  private static let counter = Atomic<Int>(0)

  init(bytes: [UInt8], file: String, firstLine: Int = 1, open: [UInt8] = defaultOpen, close: [UInt8] = defaultClose) {
    identity = Self.counter.add(1, ordering: .relaxed).newValue
    self.bytes = bytes
    self.file = file
    self.firstLine = firstLine
    self.open = open
    self.close = close
  }

  static func == (lhs: MustacheSource, rhs: MustacheSource) -> Bool { lhs.identity == rhs.identity }
  func hash(into hasher: inout Hasher) { hasher.combine(identity) }

  /// Each line that is not blank, prefixed with `prefix`.
  func indented(by prefix: [UInt8]) -> MustacheSource {
    guard !prefix.isEmpty else { return self }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + prefix.count * 8)
    var lineStart = true
    var index = 0
    while index < bytes.count {
      if lineStart {
        var end = index
        while end < bytes.count, bytes[end] == 32 || bytes[end] == 9 || bytes[end] == 13 { end += 1 }
        if end < bytes.count, bytes[end] != 10 { result += prefix }
        lineStart = false
      }
      result.append(bytes[index])
      if bytes[index] == 10 { lineStart = true }
      index += 1
    }
    var copy = self
    copy.bytes = result
    return copy
  }

  /// The source without the leading whitespace all its non-blank lines share, and that
  /// whitespace as it appeared on the first line.
  func dedented() -> (source: MustacheSource, removed: [UInt8]) {
    let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
    var common: [UInt8]?
    for line in lines {
      let indentation = Array(line.prefix { $0 == 32 || $0 == 9 })
      guard indentation.count < line.count, !(line.count == indentation.count + 1 && line.last == 13) else { continue }
      if let current = common {
        common = Array(zip(current, indentation).prefix { $0 == $1 }.map(\.0))
      } else {
        common = indentation
      }
    }
    guard let prefix = common, !prefix.isEmpty else { return (self, []) }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    for (number, line) in lines.enumerated() {
      if number > 0 { result.append(10) }
      result += line.starts(with: prefix) ? Array(line.dropFirst(prefix.count)) : Array(line)
    }
    var copy = self
    copy.bytes = result
    return (copy, prefix)
  }
}
