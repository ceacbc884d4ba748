import Foundation
import SiteModel
import SiteSupport

/// Reads one of the site's YAML settings files (`content/site.yml`, `content/people.yml`,
/// `content/modalities.yml`) into a node, or the diagnostics saying why it cannot.
public enum SettingsReader {
  /// The file's root node, nil with a diagnostic when it is missing (and `required`) or
  /// broken.
  public static func read(
    _ name: String, layout: SiteLayout, required: Bool, diagnostics: inout [Diagnostic]
  ) -> YAMLNode? {
    let file = layout.displayContent(name)
    let url = layout.content.appendingPathComponent(name)
    guard let data = try? Data(contentsOf: url) else {
      if required || FileManager.default.fileExists(atPath: url.path) {
        diagnostics.append(
          Diagnostic(
            .error, .settingsMissing, "\(name) is missing or cannot be read", at: SourceLocation(file: file),
            help: FileManager.default.fileExists(atPath: layout.content.path)
              ? "create content/\(name); see the README for its fields"
              : "this is not a site folder (it has no content/): pass --site DIR, run igfsite in a site's folder, or start a site with igfsite init DIR"
          ))
      }
      return nil
    }
    let decoded = SourceText.decode(data)
    if let invalid = decoded.invalidUTF8At {
      diagnostics.append(
        Diagnostic(
          .error, .contentEncoding, "the file is not valid UTF-8",
          at: SourceLocation(file: file, line: invalid.line, column: invalid.column), help: "save it as UTF-8"))
      return nil
    }
    switch YAMLReader(file: file, rule: .settingsYAML).parse(decoded.text) {
    case .success(let node):
      guard node.entries != nil else {
        diagnostics.append(
          Diagnostic(
            .error, .settingsType, "\(name) must be a mapping of fields", at: node.location,
            help: "write one \"field: value\" per line"))
        return nil
      }
      return node
    case .failure(let problem):
      diagnostics.append(problem)
      return nil
    }
  }
}

/// Checks the fields of a settings mapping one by one, so every problem is reported.
struct FieldReader {
  let node: YAMLNode
  let rules: FieldRules
  var diagnostics: [Diagnostic] = []
  private var known: [String] = []

  init(_ node: YAMLNode, rules: FieldRules) {
    self.node = node
    self.rules = rules
  }

  mutating func string(_ key: String, required: Bool = false) -> String? {
    known.append(key)
    guard let value = node[key] else {
      if required { missing(key, type: "text") }
      return nil
    }
    if let text = value.scalarText, value.list == nil { return text }
    wrongType(key, value, expected: "text")
    return nil
  }

  mutating func bool(_ key: String) -> Bool? {
    known.append(key)
    guard let value = node[key] else { return nil }
    if let flag = value.bool { return flag }
    wrongType(key, value, expected: "true or false")
    return nil
  }

  mutating func intList(_ key: String) -> [Int] {
    known.append(key)
    guard let value = node[key] else { return [] }
    if let number = value.int { return [number] }
    guard let items = value.list else {
      wrongType(key, value, expected: "a list of years")
      return []
    }
    var numbers: [Int] = []
    for item in items {
      if let number = item.int { numbers.append(number) } else { wrongType(key, item, expected: "a year") }
    }
    return numbers
  }

  /// A text or a list of texts, each with where it is written.
  mutating func stringList(_ key: String) -> [(String, SourceLocation)] {
    known.append(key)
    guard let value = node[key] else { return [] }
    if let text = value.string { return [(text, value.location)] }
    guard let items = value.list else {
      wrongType(key, value, expected: "a list of language tags")
      return []
    }
    return items.compactMap { item in
      if let text = item.string { return (text, item.location) }
      wrongType(key, item, expected: "a language tag")
      return nil
    }
  }

  /// Reports the keys no reader asked for, with a suggestion for near misses.
  mutating func reportUnknownKeys() {
    for entry in node.entries ?? [] where !known.contains(entry.key) {
      var message = "unknown field \"\(entry.key)\""
      if let suggestion = Suggestion.didYouMean(entry.key, in: known) { message += "; \(suggestion)" }
      diagnostics.append(
        Diagnostic(
          .warning, rules.unknownField, message, at: entry.keyLocation,
          help: "the known fields are \(known.joined(separator: ", "))"))
    }
  }

  private mutating func missing(_ key: String, type: String) {
    diagnostics.append(
      Diagnostic(
        .error, rules.missingField, "the field \"\(key)\" is missing", at: node.location,
        help: "add \"\(key):\" with \(type)"))
  }

  private mutating func wrongType(_ key: String, _ value: YAMLNode, expected: String) {
    diagnostics.append(
      Diagnostic(
        .error, rules.type, "\"\(key)\" should be \(expected), not \(value.value.typeName)",
        at: value.location, help: "write \(key) as \(expected)"))
  }
}
