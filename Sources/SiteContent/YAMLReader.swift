import CLibYAML
import Foundation
import SiteModel

/// Reads YAML into `YAMLNode`s whose positions are in the coordinates of the file the YAML
/// came from, and reports syntax errors as diagnostics at the offending line.
///
/// It drives libyaml (the parser Yams wraps) through its event API and types plain scalars
/// with `ScalarResolver`, which gives the values Yams' default resolver gives at a fraction of
/// the cost. Aliases are expanded within a budget, so a "billion laughs" document is
/// reported instead of filling memory, and nesting is bounded.
public struct YAMLReader: Sendable {
  /// Most values one YAML text may expand to, aliases included.
  public static let maximumValues = 100_000
  /// Deepest nesting of lists and mappings accepted.
  public static let maximumDepth = 64

  public var file: String
  /// File line of the YAML's first line.
  public var firstLine: Int
  /// The rule id syntax errors are reported under.
  public var rule: RuleID

  public init(file: String, firstLine: Int = 1, rule: RuleID = .yamlSyntax) {
    self.file = file
    self.firstLine = firstLine
    self.rule = rule
  }

  /// The root node, or a diagnostic saying why there is none. An empty text is an empty
  /// mapping.
  public func parse(_ yaml: some StringProtocol) -> Result<YAMLNode, Diagnostic> {
    var text = String(yaml)
    return text.withUTF8 { bytes in
      var builder = Builder(reader: self)
      return builder.parse(bytes)
    }
  }

  func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line + firstLine - 1, column: column)
  }

  func location(_ mark: yaml_mark_t) -> SourceLocation {
    location(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }
}

/// Builds the node tree from libyaml's events with an explicit stack.
private struct Builder {
  let reader: YAMLReader
  private var budget = YAMLReader.maximumValues
  private var anchors: [String: YAMLNode] = [:]

  /// A list or mapping being filled. A class, so that adding to it never copies its items.
  private final class Open {
    let isMap: Bool
    let location: SourceLocation
    let anchor: String?
    var items: [YAMLNode] = []
    var entries: [YAMLEntry] = []
    var pendingKey: (String, SourceLocation)?

    init(isMap: Bool, location: SourceLocation, anchor: String?) {
      self.isMap = isMap
      self.location = location
      self.anchor = anchor
    }
  }

  private var stack: [Open] = []
  private var root: YAMLNode?

  init(reader: YAMLReader) {
    self.reader = reader
  }

  private func problem(_ message: String, at location: SourceLocation, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, reader.rule, message, at: location, help: help)
  }

  mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode, Diagnostic> {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      return .failure(problem("YAML could not be read: out of memory", at: reader.location(line: 1, column: 1)))
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    var documents = 0
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(syntaxError(parser)) }
      defer { yaml_event_delete(&event) }
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return .success(root ?? YAMLNode(.map([]), at: reader.location(line: 1, column: 1)))
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          return .failure(
            problem(
              "YAML holds more than one document", at: reader.location(event.start_mark),
              help: "front matter ends at the first \"---\" line; remove the extra \"---\""))
        }
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
        let location = reader.location(event.start_mark)
        let anchor = Self.name(scalar.anchor)
        // A mapping's key is kept as its text: its typed value is not read, unless an
        // anchor lets an alias reuse it.
        let isKey = stack.last.map { $0.isMap && $0.pendingKey == nil } ?? false
        let value: YAMLValue
        if let tag = scalar.tag {
          value = Self.tagged(text, tag: String(cString: tag), plain: scalar.style == YAML_PLAIN_SCALAR_STYLE)
        } else if scalar.plain_implicit == 1, !isKey || anchor != nil {
          value = ScalarResolver.value(of: text)
        } else {
          value = .string(text)
        }
        if let failure = add(YAMLNode(value, at: location), anchor: anchor, keyText: text) {
          return .failure(failure)
        }
      case YAML_SEQUENCE_START_EVENT:
        let collection = Open(
          isMap: false, location: reader.location(event.start_mark), anchor: Self.name(event.data.sequence_start.anchor)
        )
        if let failure = open(collection) { return .failure(failure) }
      case YAML_MAPPING_START_EVENT:
        let collection = Open(
          isMap: true, location: reader.location(event.start_mark), anchor: Self.name(event.data.mapping_start.anchor))
        if let failure = open(collection) { return .failure(failure) }
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let finished = stack.popLast() else { continue }
        let node = YAMLNode(finished.isMap ? .map(finished.entries) : .list(finished.items), at: finished.location)
        if let failure = add(node, anchor: finished.anchor, keyText: nil) { return .failure(failure) }
      case YAML_ALIAS_EVENT:
        let name = Self.name(event.data.alias.anchor) ?? ""
        guard let target = anchors[name] else {
          return .failure(problem("the alias *\(name) names no anchor", at: reader.location(event.start_mark)))
        }
        let size = Self.count(target, limit: budget + 1)
        budget -= size - 1
        var copy = target
        copy.location = reader.location(event.start_mark)
        if let failure = add(copy, anchor: nil, keyText: copy.scalarText) { return .failure(failure) }
      default:
        continue
      }
    }
  }

  private mutating func open(_ collection: Open) -> Diagnostic? {
    guard stack.count < YAMLReader.maximumDepth else {
      return problem(
        "YAML is nested more than \(YAMLReader.maximumDepth) levels deep", at: collection.location,
        help: "flatten the structure")
    }
    stack.append(collection)
    return nil
  }

  /// Adds a finished node to the collection being built (or makes it the root).
  private mutating func add(_ node: YAMLNode, anchor: String?, keyText: String?) -> Diagnostic? {
    budget -= 1
    guard budget >= 0 else {
      return problem(
        "YAML expands to more than \(YAMLReader.maximumValues) values", at: node.location,
        help: "remove repeated aliases (*name); front matter should be a short list of fields")
    }
    if let anchor { anchors[anchor] = node }
    guard let top = stack.last else {
      root = node
      return nil
    }
    guard top.isMap else {
      top.items.append(node)
      return nil
    }
    if let (key, keyLocation) = top.pendingKey {
      top.entries.append(YAMLEntry(key: key, keyLocation: keyLocation, value: node))
      top.pendingKey = nil
      return nil
    }
    guard let key = keyText, node.list == nil, node.entries == nil else {
      return problem(
        "a mapping key must be plain text", at: node.location,
        help: "write the key as a single word followed by a colon")
    }
    if let first = top.entries.first(where: { $0.key == key }) {
      return problem(
        "the key \"\(key)\" appears more than once (first on line \(first.keyLocation.line))", at: node.location,
        help: "keep one of them")
    }
    top.pendingKey = (key, node.location)
    return nil
  }

  /// Values a node holds, counting up to `limit`.
  private static func count(_ node: YAMLNode, limit: Int) -> Int {
    var total = 1
    var pending = [node]
    while let current = pending.popLast(), total < limit {
      switch current.value {
      case .list(let items):
        total += items.count
        pending += items
      case .map(let entries):
        total += entries.count
        pending += entries.map(\.value)
      default:
        continue
      }
    }
    return total
  }

  private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  /// A scalar with an explicit tag (`!!str 2017`): as Yams, a quoted value stays text.
  private static func tagged(_ text: String, tag: String, plain: Bool) -> YAMLValue {
    switch tag {
    case "tag:yaml.org,2002:null": return .null
    case "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp":
      return plain ? ScalarResolver.value(of: text) : .string(text)
    default: return .string(text)
    }
  }

  private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
    let problemText = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    var message = "YAML syntax error: \(problemText)"
    if let context = parser.context {
      message += " (\(String(cString: context)) at line \(Int(parser.context_mark.line) + reader.firstLine))"
    }
    let location: SourceLocation
    if problemText.hasPrefix("Maximum nesting level") {
      return problem(
        "YAML is nested more than \(YAMLReader.maximumDepth) levels deep", at: reader.location(parser.problem_mark),
        help: "flatten the structure")
    }
    if parser.error == YAML_READER_ERROR {
      message = "YAML could not be read: \(problemText)"
      location = reader.location(line: 1, column: 1)
    } else {
      location = reader.location(parser.problem_mark)
    }
    return problem(
      message, at: location,
      help: "check the indentation and that text containing \": \" or starting with a special character is quoted")
  }
}
