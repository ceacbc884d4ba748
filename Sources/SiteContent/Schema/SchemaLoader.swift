import Foundation
import SiteModel
import SiteSupport

/// Reads `content/modalities.yml`, reporting every mistake in it with its line: the schema
/// is edited by people, and a wrong schema must not silently check the wrong thing.
public enum SchemaLoader {
  public static let rule = RuleID.modalitiesSchema
  static let checkNames = [
    "missing-field", "type", "vocabulary", "unknown-field", "sections", "section-order", "references",
  ]

  public static func load(_ layout: SiteLayout, diagnostics: inout [Diagnostic]) -> ModalitiesSchema? {
    guard let root = SettingsReader.read("modalities.yml", layout: layout, required: true, diagnostics: &diagnostics)
    else { return nil }
    return parse(root, file: layout.displayContent("modalities.yml"), diagnostics: &diagnostics)
  }

  /// Builds the schema from its root node; nil when it has errors.
  public static func parse(_ root: YAMLNode, file: String, diagnostics: inout [Diagnostic]) -> ModalitiesSchema? {
    var parser = SchemaParser(file: file)
    let schema = parser.schema(root)
    diagnostics += parser.diagnostics
    return parser.diagnostics.hasErrors ? nil : schema
  }
}

private struct SchemaParser {
  let file: String
  var diagnostics: [Diagnostic] = []
  var vocabularies: [String: [String]] = [:]

  init(file: String) {
    self.file = file
  }

  mutating func problem(_ message: String, at node: YAMLNode, help: String? = nil) {
    diagnostics.append(Diagnostic(.error, SchemaLoader.rule, message, at: node.location, help: help))
  }

  mutating func problem(_ message: String, atKey entry: YAMLEntry, help: String? = nil) {
    diagnostics.append(Diagnostic(.error, SchemaLoader.rule, message, at: entry.keyLocation, help: help))
  }

  mutating func expectKeys(_ node: YAMLNode, allowed: [String], context: String) {
    for entry in node.entries ?? [] where !allowed.contains(entry.key) {
      var message = "unknown key \"\(entry.key)\" in \(context)"
      if let suggestion = Suggestion.didYouMean(entry.key, in: allowed) { message += "; \(suggestion)" }
      problem(message, atKey: entry, help: "the keys allowed here are \(allowed.joined(separator: ", "))")
    }
  }

  mutating func schema(_ root: YAMLNode) -> ModalitiesSchema {
    expectKeys(
      root, allowed: ["vocabularies", "common", "checks", "inventory", "series", "kinds", "translations", "labels"],
      context: "the schema")
    var schema = ModalitiesSchema(file: file)
    if let node = root["vocabularies"] {
      for entry in node.entries ?? [] {
        guard let items = entry.value.list, items.allSatisfy({ $0.scalarText != nil }) else {
          problem("vocabulary \"\(entry.key)\" must be a list of values", at: entry.value, help: "write [value, value]")
          continue
        }
        vocabularies[entry.key] = items.compactMap(\.scalarText)
      }
      if node.entries == nil { problem("vocabularies must be a mapping of name: [values]", at: node) }
    }
    schema.vocabularies = vocabularies
    if let common = root["common"] {
      expectKeys(common, allowed: ["fields"], context: "common")
      schema.commonFields = fields(common["fields"], context: "common fields")
    }
    if let checks = root["checks"] {
      for entry in checks.entries ?? [] {
        guard SchemaLoader.checkNames.contains(entry.key) else {
          var message = "unknown check \"\(entry.key)\""
          if let suggestion = Suggestion.didYouMean(entry.key, in: SchemaLoader.checkNames) {
            message += "; \(suggestion)"
          }
          problem(message, atKey: entry, help: "the checks are \(SchemaLoader.checkNames.joined(separator: ", "))")
          continue
        }
        if let severity = severity(entry.value) { schema.checkSeverities[entry.key] = severity }
      }
    }
    if let inventory = root["inventory"] { schema.inventory = inventoryPolicy(inventory) }
    guard let kinds = root["kinds"], let entries = kinds.entries else {
      problem("the schema has no kinds", at: root, help: "add a \"kinds:\" mapping with one entry per document kind")
      return schema
    }
    for entry in entries {
      if var kind = kind(entry) {
        kind.allFields = ModalitiesSchema.merge(schema.commonFields, kind.fields)
        schema.kinds.append(kind)
      }
    }
    schema.seriesTypes = seriesTypes(root["series"], kinds: schema.kinds)
    if let node = root["translations"] { schema.translations = translationPolicy(node, kinds: schema.kinds) }
    if let node = root["labels"] { schema.labels = labels(node, words: schema.words) }
    return schema
  }

  /// The `labels:` glossary: per language tag, the schema's words (as `words` lists them)
  /// with their text in that language.
  mutating func labels(_ node: YAMLNode, words: Set<String>) -> [String: [String: String]] {
    guard let languages = node.entries else {
      problem(
        "labels must be a mapping of languages to the schema's words in them", at: node,
        help: "write labels: {fr: {BPF proposal: Proposition de BPF}}")
      return [:]
    }
    var found: [String: [String: String]] = [:]
    for language in languages {
      guard Language.isTag(language.key) else {
        problem(
          "labels names \"\(language.key)\", which is not a language tag", atKey: language,
          help: "write the languages as BCP 47 tags: ar, zh, en, fr, ru, es")
        continue
      }
      guard let entries = language.value.entries else {
        problem(
          "labels.\(language.key) must be a mapping of the schema's words to their \(language.key) text",
          at: language.value, help: "write \(language.key): {BPF proposal: …}")
        continue
      }
      var texts: [String: String] = [:]
      for entry in entries {
        guard words.contains(entry.key) else {
          var message = "labels.\(language.key) gives \"\(entry.key)\", which is not a label or value of the schema"
          if let suggestion = Suggestion.didYouMean(entry.key, in: words.sorted()) { message += "; \(suggestion)" }
          problem(
            message, atKey: entry,
            help: "write a kind's, series' or field's label, or a vocabulary's value, as the schema spells it")
          continue
        }
        guard let text = entry.value.scalarText, !text.isEmpty else {
          problem("labels.\(language.key).\(entry.key) must be a text", at: entry.value)
          continue
        }
        texts[entry.key] = text
      }
      found[language.key] = texts
    }
    return found
  }

  /// The `translations:` request: kinds that are the schema's, language tags, a cycle.
  mutating func translationPolicy(_ node: YAMLNode, kinds: [KindSpec]) -> TranslationPolicy? {
    expectKeys(node, allowed: ["kinds", "languages", "from"], context: "translations")
    let kindIDs = kinds.map(\.id)
    let asked = node["kinds"]?.strings ?? []
    let languages = node["languages"]?.strings ?? []
    guard !asked.isEmpty, !languages.isEmpty else {
      problem(
        "translations needs the kinds to translate and the languages", at: node,
        help: "write translations: {kinds: [bpf-output], languages: [ar, zh, fr, ru, es]}")
      return nil
    }
    for kind in asked where !kindIDs.contains(kind) {
      var message = "translations names the kind \"\(kind)\", which the schema does not declare"
      if let suggestion = Suggestion.didYouMean(kind, in: kindIDs) { message += "; \(suggestion)" }
      problem(message, at: node["kinds"] ?? node, help: "the kinds are \(kindIDs.joined(separator: ", "))")
    }
    for language in languages where !Language.isTag(language) {
      problem(
        "translations names \"\(language)\", which is not a language tag", at: node["languages"] ?? node,
        help: "write the languages as BCP 47 tags: ar, zh, en, fr, ru, es")
    }
    var from: Int?
    if let cycle = node["from"] {
      from = cycle.int
      if from == nil { problem("translations.from must be a cycle's year, such as 2021", at: cycle) }
    }
    return TranslationPolicy(kinds: asked, languages: languages, from: from, location: node.location)
  }

  /// The `series:` section; without one, each kind's series field is a series type of its
  /// own with no inventory expectations.
  mutating func seriesTypes(_ node: YAMLNode?, kinds: [KindSpec]) -> [SeriesType] {
    let fields = kinds.compactMap(\.seriesField)
    guard let node else {
      return Array(Set(fields)).sorted().map {
        SeriesType(field: $0, label: $0.uppercased(), location: SourceLocation(file: file))
      }
    }
    guard let entries = node.entries else {
      problem(
        "series must be a mapping of series field to its settings", at: node,
        help: "write series: {bpf: {label: Best Practice Forum}}")
      return []
    }
    let kindIDs = kinds.map(\.id)
    var types: [SeriesType] = []
    for entry in entries {
      let settings = entry.value
      expectKeys(
        settings, allowed: ["label", "final_output", "renewed_each_cycle"], context: "series \"\(entry.key)\"")
      var type = SeriesType(
        field: entry.key, label: settings["label"]?.scalarText ?? entry.key.uppercased(),
        renewedEachCycle: settings["renewed_each_cycle"]?.bool ?? false, location: entry.keyLocation)
      if let output = settings["final_output"] {
        expectKeys(output, allowed: ["kinds", "status"], context: "series \"\(entry.key)\".final_output")
        let outputKinds = output["kinds"]?.strings ?? []
        let statuses = output["status"]?.strings ?? []
        if outputKinds.isEmpty || statuses.isEmpty {
          problem(
            "the final output of series \"\(entry.key)\" needs its kinds and status", at: output,
            help:
              "write final_output: {kinds: [\(entry.key)-output], status: final}; kinds is a list of the kinds that count"
          )
        }
        for kind in outputKinds where !kindIDs.contains(kind) {
          var message = "series \"\(entry.key)\": final_output names an unknown kind \"\(kind)\""
          if let suggestion = Suggestion.didYouMean(kind, in: kindIDs) { message += "; \(suggestion)" }
          problem(message, at: output["kinds"] ?? output, help: "the kinds are \(kindIDs.joined(separator: ", "))")
        }
        type.finalOutput = .init(kinds: outputKinds, statuses: statuses)
      }
      types.append(type)
    }
    for kind in kinds {
      guard let field = kind.seriesField, !types.contains(where: { $0.field == field }) else { continue }
      problem(
        "kind \"\(kind.id)\" names the series field \"\(field)\", which is not under series:", at: node,
        help: "add \"\(field): {label: …}\" under series:")
    }
    return types
  }

  /// `from: 2018` and `until: 2019` of a template, rule or kind.
  mutating func cycleRange(_ node: YAMLNode) -> CycleRange {
    var range = CycleRange.always
    for key in ["from", "until"] {
      guard let value = node[key] else { continue }
      guard let year = value.int, (1000...9999).contains(year) else {
        problem("\"\(key)\" must be a cycle's year, such as 2018", at: value)
        continue
      }
      if key == "from" { range.from = year } else { range.until = year }
    }
    if let from = range.from, let until = range.until, from > until {
      problem(
        "\"from: \(from)\" comes after \"until: \(until)\"", at: node["from"] ?? node,
        help: "a range runs from its first cycle to its last")
    }
    return range
  }

  mutating func inventoryPolicy(_ node: YAMLNode) -> InventoryPolicy {
    for moved in ["final_output", "renewed_each_cycle"] {
      guard let entry = node.entries?.first(where: { $0.key == moved }) else { continue }
      problem(
        "inventory.\(moved) is declared per series type now", atKey: entry,
        help:
          "move it under series:, e.g. series: {bpf: {final_output: {kinds: [bpf-output], status: final}}, wg: {renewed_each_cycle: true}}"
      )
    }
    expectKeys(
      node, allowed: ["pending_status", "closed_status", "outputs", "order", "final_output", "renewed_each_cycle"],
      context: "inventory")
    var policy = InventoryPolicy(
      pendingStatuses: node["pending_status"]?.strings ?? [], closedStatuses: node["closed_status"]?.strings ?? [],
      outputKinds: node["outputs"]?.strings ?? [])
    if let order = node["order"] {
      let names = InventoryOrder.allCases.map(\.rawValue)
      policy.order = order.strings.compactMap { name in
        if let key = InventoryOrder(rawValue: name) { return key }
        problem(
          "unknown inventory order \"\(name)\"", at: order,
          help: "order by any of \(names.joined(separator: ", ")), e.g. [date, title]")
        return nil
      }
    }
    return policy
  }

  mutating func severity(_ node: YAMLNode) -> Severity? {
    guard let text = node.string, let severity = Severity(rawValue: text) else {
      problem("severity must be \"error\" or \"warning\"", at: node)
      return nil
    }
    return severity
  }

  mutating func kind(_ entry: YAMLEntry) -> KindSpec? {
    let node = entry.value
    guard node.entries != nil else {
      problem("kind \"\(entry.key)\" must be a mapping", at: node)
      return nil
    }
    expectKeys(
      node, allowed: ["label", "description", "series", "fields", "sections", "rules", "from", "until"],
      context: "kind \"\(entry.key)\"")
    var kind = KindSpec(
      id: entry.key, label: node["label"]?.scalarText ?? entry.key, description: node["description"]?.scalarText ?? "",
      seriesField: node["series"]?.string, cycles: cycleRange(node), location: entry.keyLocation)
    kind.fields = fields(node["fields"], context: "the fields of \(entry.key)")
    if let series = kind.seriesField, !kind.fields.contains(where: { $0.name == series }) {
      problem("the series field \"\(series)\" is not among the fields of \(entry.key)", at: node["series"] ?? node)
    }
    if let sections = node["sections"] { kind.sectionTemplates = sectionTemplates(sections, kind: entry.key) }
    if let rules = node["rules"] {
      for ruleEntry in rules.entries ?? [] {
        // A rule is one mapping, or a list of them for the cycles each version applied to.
        let versions = ruleEntry.value.list ?? [ruleEntry.value]
        var configs: [RuleConfig] = []
        for version in versions {
          guard version.entries != nil, let severityNode = version["severity"] else {
            problem(
              "rule \"\(ruleEntry.key)\" needs a severity", atKey: ruleEntry,
              help: "add \"severity: error\" or \"severity: warning\"")
            continue
          }
          guard let severity = severity(severityNode) else { continue }
          let cycles = cycleRange(version)
          if let earlier = configs.first(where: { $0.cycles.overlaps(cycles) }) {
            problem(
              "two versions of rule \"\(ruleEntry.key)\" apply to the same cycles (\(earlier.cycles) and \(cycles))",
              at: version,
              help: "give each version its own from/until, e.g. until: 2019 on the old one and from: 2020 on the new")
            continue
          }
          configs.append(
            RuleConfig(
              name: ruleEntry.key, severity: severity, parameters: version, cycles: cycles,
              location: ruleEntry.keyLocation))
        }
        kind.rules += configs
      }
      if rules.entries == nil { problem("rules must be a mapping of rule name to its settings", at: rules) }
    }
    return kind
  }

  /// `sections:` as one list (every cycle), one `{from, until, template: [...]}` or a list
  /// of them.
  mutating func sectionTemplates(_ node: YAMLNode, kind: String) -> [SectionTemplate] {
    let isVersioned = node.entries != nil || (node.list?.contains { $0["template"] != nil } ?? false)
    guard isVersioned else {
      guard let items = node.list else {
        problem(
          "sections must be a list", at: node,
          help: "write sections: [{title: …}] or sections: {from: 2018, template: [...]}")
        return []
      }
      let sections = items.compactMap { section($0) }
      return sections.isEmpty ? [] : [SectionTemplate(cycles: .always, sections: sections)]
    }
    var templates: [SectionTemplate] = []
    for version in node.list ?? [node] {
      expectKeys(version, allowed: ["from", "until", "template", "source"], context: "the sections of \(kind)")
      guard let items = version["template"]?.list else {
        problem(
          "a section template needs \"template:\", the list of its sections", at: version,
          help: "write {from: 2018, template: [{title: …}]}")
        continue
      }
      let cycles = cycleRange(version)
      if let earlier = templates.first(where: { $0.cycles.overlaps(cycles) }) {
        problem(
          "two section templates of \(kind) apply to the same cycles (\(earlier.cycles) and \(cycles))", at: version,
          help: "give each template its own from/until")
        continue
      }
      templates.append(
        SectionTemplate(
          cycles: cycles, sections: items.compactMap { section($0) }, source: version["source"]?.scalarText))
    }
    return templates
  }

  mutating func section(_ node: YAMLNode) -> SectionSpec? {
    if let title = node.string { return SectionSpec(title: title) }
    guard node.entries != nil, let title = node["title"]?.scalarText else {
      problem("a section needs a title", at: node, help: "write {title: Expected Output(s)}")
      return nil
    }
    expectKeys(node, allowed: ["title", "also", "optional", "titles"], context: "section \"\(title)\"")
    var translated: [String: String] = [:]
    if let titles = node["titles"] {
      if titles.entries == nil {
        problem(
          "the titles of section \"\(title)\" must be a mapping of language: title", at: titles,
          help: "write titles: {fr: …, es: …}")
      }
      for entry in titles.entries ?? [] {
        guard Language.isTag(entry.key), let text = entry.value.scalarText else {
          problem(
            "section \"\(title)\": \"\(entry.key)\" is not a language tag with a title", atKey: entry,
            help: "write the language as a BCP 47 tag (fr, es, ar …) and the title as text")
          continue
        }
        translated[entry.key] = text
      }
    }
    return SectionSpec(
      title: title, alternatives: node["also"]?.strings ?? [], optional: node["optional"]?.bool ?? false,
      translatedTitles: translated)
  }

  mutating func fields(_ node: YAMLNode?, context: String) -> [FieldSpec] {
    guard let node else { return [] }
    guard let entries = node.entries else {
      problem("\(context) must be a mapping of field name to type", at: node)
      return []
    }
    return entries.compactMap { field(name: $0.key, node: $0.value, at: $0.keyLocation) }
  }

  static let typeNames = [
    "string", "text", "date", "integer", "boolean", "url", "reference", "person", "list", "object",
  ]

  mutating func field(name: String, node: YAMLNode, at location: SourceLocation) -> FieldSpec? {
    let typeName: String
    if let shorthand = node.string {
      typeName = shorthand
    } else if node.entries != nil, let declared = node["type"]?.string {
      typeName = declared
      expectKeys(
        node,
        allowed: [
          "type", "required", "vocabulary", "kind", "of", "fields", "must_exist", "label", "default", "unknown",
        ],
        context: "field \"\(name)\"")
    } else {
      problem(
        "field \"\(name)\" needs a type", at: node,
        help: "write {type: string} (types: \(Self.typeNames.joined(separator: ", ")))")
      return nil
    }
    var spec = FieldSpec(
      name: name, type: .string, required: node["required"]?.bool ?? false, label: node["label"]?.scalarText,
      defaultValue: node["default"]?.scalarText, allowsUnknown: node["unknown"]?.bool ?? false, location: location)
    if let vocabulary = node["vocabulary"] {
      if let vocabularyName = vocabulary.string, vocabularies[vocabularyName] != nil {
        spec.vocabulary = vocabularyName
      } else {
        var message = "field \"\(name)\" names an unknown vocabulary \"\(vocabulary.scalarText ?? "")\""
        if let suggestion = Suggestion.didYouMean(vocabulary.scalarText ?? "", in: vocabularies.keys) {
          message += "; \(suggestion)"
        }
        problem(message, at: vocabulary)
      }
    }
    switch typeName {
    case "string": spec.type = .string
    case "text": spec.type = .text
    case "date": spec.type = .date
    case "integer": spec.type = .integer
    case "boolean": spec.type = .boolean
    case "url": spec.type = .url
    case "person": spec.type = .person
    case "reference":
      spec.type = .reference(kind: node["kind"]?.string, mustExist: node["must_exist"]?.bool ?? true)
    case "list":
      guard let itemNode = node["of"] else {
        problem(
          "list field \"\(name)\" needs \"of\" (the type of its items)", at: node,
          help: "write {type: list, of: string}")
        return nil
      }
      guard let item = field(name: name, node: itemNode, at: itemNode.location) else { return nil }
      spec.type = .list(
        of: FieldSpec(
          name: item.name, type: item.type, required: false, vocabulary: item.vocabulary ?? spec.vocabulary,
          location: item.location))
      spec.vocabulary = nil
    case "object":
      spec.type = .object(fields: fields(node["fields"], context: "the fields of \"\(name)\""))
    default:
      var message = "field \"\(name)\" has an unknown type \"\(typeName)\""
      if let suggestion = Suggestion.didYouMean(typeName, in: Self.typeNames) { message += "; \(suggestion)" }
      problem(message, at: node["type"] ?? node, help: "the types are \(Self.typeNames.joined(separator: ", "))")
      return nil
    }
    return spec
  }
}
