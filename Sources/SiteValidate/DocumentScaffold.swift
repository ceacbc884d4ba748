import SiteContent
import SiteModel
import SiteSupport

/// The text of a new document of a kind, taken from the schema: its required fields (with
/// the schema's defaults, empty otherwise) and its section headings, each with a
/// placeholder the author replaces. A schema change changes the scaffold.
public struct DocumentScaffold: Sendable {
  /// The marker placed in every section; `check` reports the ones left.
  public static let placeholderMarker = "[To be written:"

  public let text: String
  /// The fields left empty for the author to fill in.
  public let fieldsToFill: [String]
  /// The sections left with their placeholder.
  public let sectionsToWrite: [String]

  /// - Parameter body: an existing text to bring in as it is, in place of the sections'
  ///   placeholders.
  public init(schema: ModalitiesSchema, kind: KindSpec, id: DocumentID, title: String, body: String? = nil) {
    var lines = ["---", "kind: \(kind.id)", "title: \(Self.yamlString(title))"]
    var fieldsToFill: [String] = []
    if let year = id.cycleFolder { lines.append("cycle: \(year)") }
    for field in schema.fields(of: kind) where field.required && !["kind", "title", "cycle"].contains(field.name) {
      if field.name == kind.seriesField, let series = Self.seriesID(in: id, field: field.name) {
        lines.append("\(field.name): \(series)")
      } else if let value = field.defaultValue {
        lines.append("\(field.name): \(Self.yamlString(value))")
      } else {
        lines.append("\(field.name):  # \(field.type.description)")
        fieldsToFill.append(field.name)
      }
    }
    lines.append("---")
    let sections = kind.sections(in: id.cycleFolder)
    if let body {
      text = lines.joined(separator: "\n") + "\n" + body
      self.fieldsToFill = fieldsToFill
      sectionsToWrite = []
      return
    }
    for section in sections {
      lines.append("")
      lines.append("## \(section.title)")
      lines.append("")
      lines.append(
        "\(Self.placeholderMarker) \(section.title.lowercased())\(section.optional ? " (optional: remove the section if it does not apply)" : "")]"
      )
    }
    if sections.isEmpty {
      lines.append("")
      lines.append("\(Self.placeholderMarker) the text of the document]")
    }
    text = lines.joined(separator: "\n") + "\n"
    self.fieldsToFill = fieldsToFill
    sectionsToWrite = sections.isEmpty ? ["the text"] : sections.map(\.title)
  }

  /// `iot` for `2017/bpf/iot/proposal` and the series field `bpf`.
  static func seriesID(in id: DocumentID, field: String) -> String? {
    let components = id.components
    guard let index = components.firstIndex(of: Substring(field)), index + 1 < components.count else { return nil }
    return String(components[index + 1])
  }

  /// Quotes text that YAML would otherwise read as something else.
  public static func yamlString(_ text: String) -> String {
    let plain = text.allSatisfy { $0.isLetter || $0.isNumber || " -.,()'/&".contains($0) }
    let startsSafely = text.first.map { $0.isLetter } ?? false
    if plain && startsSafely && !["true", "false", "yes", "no", "null", "on", "off"].contains(text.lowercased()) {
      return text
    }
    var quoted = "\""
    for character in text {
      switch character {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      default: quoted.append(character)
      }
    }
    return quoted + "\""
  }

  /// Lines of a body that still hold a scaffold placeholder, as warnings.
  public static func placeholders(in source: SourceDocument) -> [Diagnostic] {
    guard ByteSearch.contains(source.body, placeholderMarker) else { return [] }
    var diagnostics: [Diagnostic] = []
    var line = source.bodyStartLine
    for text in source.body.split(separator: "\n", omittingEmptySubsequences: false) {
      if let range = text.range(of: placeholderMarker) {
        let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound) + 1
        diagnostics.append(
          Diagnostic(
            .warning, .contentPlaceholder, "this section still has its placeholder text",
            at: SourceLocation(file: source.file, line: line, column: column),
            help: "replace the \(placeholderMarker) … ] line with the section's text"))
      }
      line += 1
    }
    return diagnostics
  }
}
