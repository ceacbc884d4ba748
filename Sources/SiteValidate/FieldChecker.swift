import SiteContent
import SiteModel
import SiteSupport

/// Checks a document's front matter against the fields its kind declares: required fields,
/// types, vocabularies, unknown fields, and that document and person references resolve.
struct FieldChecker {
  /// The severities of the checks made here, as the schema sets them.
  struct Severities: Sendable {
    let missingField: Severity
    let unknownField: Severity
    let type: Severity
    let vocabulary: Severity

    init(_ schema: ModalitiesSchema) {
      missingField = schema.severity(of: "missing-field")
      unknownField = schema.severity(of: "unknown-field")
      type = schema.severity(of: "type")
      vocabulary = schema.severity(of: "vocabulary")
    }
  }

  // The parts of the schema the checks read, not the whole schema: a checker is made for
  // each document on every core, and each reference a copy holds is counted on both.
  let severities: Severities
  let vocabularies: [String: [String]]
  let references: ReferenceResolver
  var diagnostics: [Diagnostic] = []

  init(severities: Severities, vocabularies: [String: [String]], references: ReferenceResolver) {
    self.severities = severities
    self.vocabularies = vocabularies
    self.references = references
  }

  private mutating func add(
    _ severity: Severity, rule: RuleID, _ message: String, at location: SourceLocation, help: String?
  ) {
    diagnostics.append(Diagnostic(severity, rule, message, at: location, help: help))
  }

  /// Fields every document needs, `modalities: none` or not.
  static let alwaysRequired: Set<String> = ["kind", "title", "cycle"]

  /// - Parameter fields: the kind's fields (`ModalitiesSchema.fields(of:)`).
  mutating func check(_ document: ParsedDocument, kind: KindSpec, fields: [FieldSpec]) {
    checkMapping(
      document.frontMatter, fields: fields, path: "", missingAt: document.missingFieldLocation,
      kindLabel: kind.label, asWritten: document.isPublishedAsWritten)
  }

  /// Checks the entries of a mapping; `path` prefixes nested field names (`meeting.`).
  /// - Parameter asWritten: a document published as written needs only kind, title and cycle.
  mutating func checkMapping(
    _ node: YAMLNode, fields: [FieldSpec], path: String, missingAt: SourceLocation, kindLabel: String,
    asWritten: Bool = false
  ) {
    let entries = node.entries ?? []
    // Through pointers: stepping through the specs and entries as values copied each one
    // (names, labels, places) for every field of every document.
    fields.withUnsafeBufferPointer { fields in
      entries.withUnsafeBufferPointer { entries in
        for field in fields.indices where fields[field].required {
          let name = fields[field].name
          if entries.indices.contains(where: { entries[$0].key == name }) { continue }
          if asWritten && !(path.isEmpty && Self.alwaysRequired.contains(name)) { continue }
          let unknown = fields[field].allowsUnknown ? ", or \"unknown\" when it is not known" : ""
          add(
            severities.missingField, rule: .frontMatterMissingField, "the field \"\(path)\(name)\" is missing",
            at: missingAt,
            help: "add \"\(name):\" with \(fields[field].type.description)\(unknown); a \(kindLabel) requires it")
        }
        for entry in entries.indices {
          let key = entries[entry].key
          guard let field = fields.indices.first(where: { fields[$0].name == key }) else {
            let names = fields.map(\.name)
            var message = "unknown field \"\(path)\(key)\""
            if let suggestion = Suggestion.didYouMean(key, in: names) { message += "; \(suggestion)" }
            add(
              severities.unknownField, rule: .frontMatterUnknownField, message, at: entries[entry].keyLocation,
              help: "a \(kindLabel) has the fields \(names.joined(separator: ", ")); remove it or correct its name")
            continue
          }
          checkValue(entries[entry].value, field: fields[field], path: { path + key }, kindLabel: kindLabel)
        }
      }
    }
  }

  /// - Parameter path: the field's name as messages give it (`meeting.date`,
  ///   `participants[2]`), put together only for a message.
  mutating func checkValue(_ node: YAMLNode, field: FieldSpec, path: () -> String, kindLabel: String) {
    if case .null = node.value {
      if field.required {
        let path = path()
        add(
          severities.missingField, rule: .frontMatterMissingField, "the field \"\(path)\" is empty", at: node.location,
          help: "give \(path) \(field.type.description)")
      }
      return
    }
    if node.isUnknown {
      if field.allowsUnknown { return }
      switch field.type {
      case .string, .text: break
      default:
        return add(
          severities.type, rule: .frontMatterType, "\"\(path())\" cannot be \"unknown\" for a \(kindLabel)",
          at: node.location,
          help: "give \(field.type.description); modalities.yml allows \"unknown\" only in fields marked unknown: true")
      }
    }
    switch field.type {
    case .string, .text:
      guard let text = node.scalarText, node.bool == nil, node.date == nil else {
        return wrongType(node, field: field, path: path)
      }
      checkVocabulary(text, node: node, field: field, path: path)
    case .integer:
      guard node.int != nil else { return wrongType(node, field: field, path: path) }
    case .boolean:
      guard node.bool != nil else { return wrongType(node, field: field, path: path) }
    case .date:
      guard node.partialDate == nil else { return }
      let unknown = field.allowsUnknown ? ", or \"unknown\"" : ""
      let help =
        node.string.flatMap { CalendarDate(iso: $0) != nil ? "remove the quotes: \(path()): \($0)" : nil }
        ?? "write the date as YYYY-MM-DD, e.g. 2017-03-28, or as YYYY-MM or YYYY when only the month or year is known\(unknown)"
      return wrongType(node, field: field, path: path, help: help)
    case .url:
      guard let text = node.string else { return wrongType(node, field: field, path: path) }
      if !(text.hasPrefix("https://") || text.hasPrefix("http://")) {
        add(
          severities.type, rule: .frontMatterType, "\"\(path())\" must be an http(s) URL, not \"\(text)\"",
          at: node.location,
          help: "write the full address, starting with https://")
      }
    case .reference(let kind, let mustExist):
      guard let text = node.string else { return wrongType(node, field: field, path: path) }
      references.checkDocument(text, expectedKind: kind, mustExist: mustExist, at: node.location, into: &diagnostics)
    case .person:
      guard let text = node.string else { return wrongType(node, field: field, path: path) }
      references.checkPerson(text, at: node.location, into: &diagnostics)
    case .list(let item):
      guard let items = node.list else {
        let help = node.scalarText.map { "write it as a list: \(path()): [\($0)]" }
        return wrongType(node, field: field, path: path, help: help)
      }
      for (index, element) in items.enumerated() {
        checkValue(element, field: item, path: { "\(path())[\(index + 1)]" }, kindLabel: kindLabel)
      }
    case .object(let fields):
      guard node.entries != nil else { return wrongType(node, field: field, path: path) }
      checkMapping(node, fields: fields, path: "\(path()).", missingAt: node.location, kindLabel: kindLabel)
    }
  }

  private mutating func checkVocabulary(_ text: String, node: YAMLNode, field: FieldSpec, path: () -> String) {
    guard let name = field.vocabulary, let values = vocabularies[name], !values.contains(text) else { return }
    var message = "\"\(path())\" is \"\(text)\", which is not one of: \(values.joined(separator: ", "))"
    if let suggestion = Suggestion.didYouMean(text, in: values) { message += "; \(suggestion)" }
    add(
      severities.vocabulary, rule: .frontMatterVocabulary, message, at: node.location,
      help: "use one of the \(name) values of modalities.yml")
  }

  private mutating func wrongType(_ node: YAMLNode, field: FieldSpec, path: () -> String, help: String? = nil) {
    let path = path()
    add(
      severities.type, rule: .frontMatterType,
      "\"\(path)\" should be \(field.type.description), not \(node.value.typeName)",
      at: node.location, help: help ?? "write \(path) as \(field.type.description)")
  }
}
