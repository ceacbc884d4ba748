import Foundation
import SiteModel
import Yams

/// The YAML reader igfsite had before its own (Yams' `compose` with the default resolver,
/// converted to `YAMLNode`), kept as the reference the faster reader is compared with.
public enum YamsReference {
  public static func parse(_ yaml: String, file: String = "x.yml", firstLine: Int = 1) -> YAMLNode? {
    let composed: Node?
    do {
      composed = try Yams.compose(yaml: yaml)
    } catch {
      return nil
    }
    guard let root = composed else {
      return YAMLNode(.map([]), at: SourceLocation(file: file, line: firstLine, column: 1))
    }
    return convert(root, file: file, firstLine: firstLine)
  }

  static func location(_ mark: Mark?, file: String, firstLine: Int) -> SourceLocation {
    guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
    return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
  }

  static func convert(_ node: Node, file: String, firstLine: Int) -> YAMLNode {
    switch node {
    case .scalar(let scalar):
      return YAMLNode(typed(scalar), at: location(scalar.mark, file: file, firstLine: firstLine))
    case .sequence(let sequence):
      return YAMLNode(
        .list(sequence.map { convert($0, file: file, firstLine: firstLine) }),
        at: location(sequence.mark, file: file, firstLine: firstLine))
    case .mapping(let mapping):
      let entries = mapping.map { key, value in
        YAMLEntry(
          key: key.string ?? "", keyLocation: location(key.mark, file: file, firstLine: firstLine),
          value: convert(value, file: file, firstLine: firstLine))
      }
      return YAMLNode(.map(entries), at: location(mapping.mark, file: file, firstLine: firstLine))
    case .alias(let alias):
      return YAMLNode(.null, at: location(alias.mark, file: file, firstLine: firstLine))
    }
  }

  /// The resolved type Yams' default resolver gives a plain scalar.
  public static func resolvedKind(_ text: String) -> String {
    Resolver.default.resolveTag(of: Node(text)).rawValue
  }

  /// The value Yams gives a plain scalar: its default resolver, then its constructors.
  public static func resolvedValue(_ text: String) -> YAMLValue {
    guard case .scalar(let scalar) = Node(text) else { return .string(text) }
    return typed(scalar)
  }

  static func typed(_ scalar: Node.Scalar) -> YAMLValue {
    let node = Node.scalar(scalar)
    switch Tag.Name(rawValue: node.tag.description) {
    case .null: return .null
    case .bool: return node.bool.map(YAMLValue.bool) ?? .string(scalar.string)
    case .int: return node.int.map(YAMLValue.int) ?? .string(scalar.string)
    case .float: return node.float.map(YAMLValue.double) ?? .string(scalar.string)
    case .timestamp:
      if let day = CalendarDate(iso: scalar.string) { return .date(day) }
      if scalar.string.utf8.count == 10 { return .string(scalar.string) }
      return node.timestamp.map(YAMLValue.timestamp) ?? .string(scalar.string)
    default: return .string(scalar.string)
    }
  }
}
