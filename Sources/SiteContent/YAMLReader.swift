import Foundation
import SiteModel
import Yams

/// Parses YAML with Yams into `YAMLNode`s whose positions are in the coordinates of the file
/// the YAML came from, and reports syntax errors as diagnostics at the offending line.
///
/// Aliases are expanded with a budget, so a "billion laughs" document is reported instead
/// of filling memory, and nesting is bounded so hostile input cannot exhaust the stack.
public struct YAMLReader: Sendable {
  /// Most values one YAML text may expand to, aliases included.
  public static let maximumValues = 100_000
  /// Deepest nesting of lists and mappings accepted.
  public static let maximumDepth = 64

  public var file: String
  /// File line of the YAML's first line.
  public var firstLine: Int
  /// The rule id syntax errors are reported under.
  public var rule: String

  public init(file: String, firstLine: Int = 1, rule: String = "yaml.syntax") {
    self.file = file
    self.firstLine = firstLine
    self.rule = rule
  }

  /// The root node, or a diagnostic saying why there is none. An empty text is an empty
  /// mapping.
  public func parse(_ yaml: String) -> Result<YAMLNode, Diagnostic> {
    if let depthProblem = FlowNesting.check(yaml, limit: Self.maximumDepth, reader: self) {
      return .failure(depthProblem)
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      return .failure(diagnostic(for: error))
    } catch {
      return .failure(Diagnostic(.error, rule, "YAML could not be read: \(error)", at: location(line: 1, column: 1)))
    }
    guard let root else { return .success(YAMLNode(.map([]), at: location(line: 1, column: 1))) }
    var budget = Self.maximumValues
    return convert(root, depth: 0, budget: &budget)
  }

  func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line + firstLine - 1, column: column)
  }

  func location(of mark: Mark?) -> SourceLocation {
    guard let mark else { return location(line: 1, column: 1) }
    return location(line: mark.line, column: mark.column)
  }

  private func convert(_ node: Node, depth: Int, budget: inout Int) -> Result<YAMLNode, Diagnostic> {
    budget -= 1
    guard budget >= 0 else {
      return .failure(
        Diagnostic(
          .error, rule, "YAML expands to more than \(Self.maximumValues) values", at: location(of: node.mark),
          help: "remove repeated aliases (*name); front matter should be a short list of fields"))
    }
    guard depth <= Self.maximumDepth else {
      return .failure(
        Diagnostic(
          .error, rule, "YAML is nested more than \(Self.maximumDepth) levels deep", at: location(of: node.mark),
          help: "flatten the structure"))
    }
    switch node {
    case .scalar(let scalar):
      return .success(YAMLNode(Self.typed(scalar), at: location(of: scalar.mark)))
    case .sequence(let sequence):
      var items: [YAMLNode] = []
      items.reserveCapacity(sequence.count)
      for item in sequence {
        switch convert(item, depth: depth + 1, budget: &budget) {
        case .success(let converted): items.append(converted)
        case .failure(let problem): return .failure(problem)
        }
      }
      return .success(YAMLNode(.list(items), at: location(of: sequence.mark)))
    case .mapping(let mapping):
      var entries: [YAMLEntry] = []
      entries.reserveCapacity(mapping.count)
      for (key, value) in mapping {
        guard case .scalar(let keyScalar) = key else {
          return .failure(
            Diagnostic(
              .error, rule, "a mapping key must be plain text", at: location(of: key.mark),
              help: "write the key as a single word followed by a colon"))
        }
        switch convert(value, depth: depth + 1, budget: &budget) {
        case .success(let converted):
          entries.append(YAMLEntry(key: keyScalar.string, keyLocation: location(of: keyScalar.mark), value: converted))
        case .failure(let problem): return .failure(problem)
        }
      }
      return .success(YAMLNode(.map(entries), at: location(of: mapping.mark)))
    case .alias(let alias):
      return .failure(Diagnostic(.error, rule, "unresolved YAML alias", at: location(of: alias.mark)))
    }
  }

  /// The value of a scalar as Yams' resolver typed it; dates without a time stay days.
  static func typed(_ scalar: Node.Scalar) -> YAMLValue {
    let node = Node.scalar(scalar)
    // `Node.tag` runs the resolver; `Scalar.tag` is only the tag as written.
    switch Tag.Name(rawValue: node.tag.description) {
    case .null: return .null
    case .bool: return node.bool.map(YAMLValue.bool) ?? .string(scalar.string)
    case .int: return node.int.map(YAMLValue.int) ?? .string(scalar.string)
    case .float: return node.float.map(YAMLValue.double) ?? .string(scalar.string)
    case .timestamp:
      if let day = CalendarDate(iso: scalar.string) { return .date(day) }
      // A date-shaped value that is no day (2017-02-30) stays text, for the type check to
      // report; Foundation would quietly roll it over into March.
      if scalar.string.utf8.count == 10 { return .string(scalar.string) }
      return node.timestamp.map(YAMLValue.timestamp) ?? .string(scalar.string)
    default: return .string(scalar.string)
    }
  }

  private func diagnostic(for error: YamlError) -> Diagnostic {
    let help = "check the indentation and that text containing \": \" or starting with a special character is quoted"
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "YAML syntax error: \(problem)"
      if let context { message += " (\(context.text) at line \(context.mark.line + firstLine - 1))" }
      return Diagnostic(.error, rule, message, at: location(of: mark), help: help)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return Diagnostic(
        .error, rule, "the key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) appears more than once",
        at: location(of: context.mark), help: "keep one of them")
    case .reader(let problem, _, _, _):
      return Diagnostic(.error, rule, "YAML could not be read: \(problem)", at: location(line: 1, column: 1))
    default:
      return Diagnostic(.error, rule, "YAML could not be read: \(error)", at: location(line: 1, column: 1), help: help)
    }
  }
}

/// Yams composes nested flow collections recursively; refuse absurd nesting before it does.
enum FlowNesting {
  static func check(_ yaml: String, limit: Int, reader: YAMLReader) -> Diagnostic? {
    var depth = 0
    var line = 1
    var column = 0
    var quote: UInt8?
    for byte in yaml.utf8 {
      column += 1
      if byte == 10 {
        // Quotes rarely span lines in front matter, and an apostrophe in plain text must
        // not hide the rest of the document from the count.
        line += 1
        column = 0
        quote = nil
        continue
      }
      if let open = quote {
        if byte == open { quote = nil }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > limit {
          return Diagnostic(
            .error, reader.rule, "YAML is nested more than \(limit) levels deep", at: reader.location(line: line, column: column),
            help: "flatten the structure")
        }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
      case UInt8(ascii: "#"): quote = 10  // a comment: nothing counts until the line ends
      default: break
      }
    }
    return nil
  }
}
