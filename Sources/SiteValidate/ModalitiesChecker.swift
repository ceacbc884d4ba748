import SiteContent
import SiteModel
import SiteSupport

/// Checks every document of a site against the modalities schema and returns every
/// problem at once: the Secretariat fixes a whole inventory in one pass, not one error per
/// run.
public struct ModalitiesChecker: Sendable {
  public let schema: ModalitiesSchema
  private let rulesByKind: [String: [ConfiguredRule]]
  /// Fields whose shared values tie documents' problems together: series fields and the
  /// rules' grouping fields.
  private let groupingFields: [String]
  /// Fields that find other documents by their date (next meetings).
  private let dateReferenceFields: [String]
  private let fieldSeverities: FieldChecker.Severities

  /// Prepares the rules the schema configures; problems with their configuration are
  /// added to `diagnostics` (with their line in `modalities.yml`).
  public init(schema: ModalitiesSchema, diagnostics: inout [Diagnostic]) {
    self.schema = schema
    fieldSeverities = FieldChecker.Severities(schema)
    var rules: [String: [ConfiguredRule]] = [:]
    for kind in schema.kinds {
      rules[kind.id] = RuleRegistry.configure(kind, diagnostics: &diagnostics)
    }
    rulesByKind = rules
    let fields = schema.kinds.compactMap(\.seriesField) + rules.values.joined().compactMap(\.rule.groupingField)
    groupingFields = Array(Set(fields)).sorted()
    dateReferenceFields = Array(Set(rules.values.joined().compactMap(\.rule.dateReferenceField))).sorted()
  }

  /// The kinds whose documents' words must be counted: those with a rule that reads the
  /// count (`MarkdownOptions.wordCountKinds`).
  public static func kindsCountingWords(in schema: ModalitiesSchema) -> Set<String> {
    RuleRegistry.kindsCountingWords(schema)
  }

  /// Every problem of every document, plus those of `people.yml` that the schema's
  /// vocabularies reveal.
  /// - Parameter unpublished: documents left out of this build (drafts), so references to
  ///   them are reported as such.
  /// - Parameter unreadable: documents whose file could not be read or parsed.
  public func check(
    _ site: SiteIndex, unpublished: Set<DocumentID> = [], unreadable: Set<DocumentID> = [], jobs: Int? = nil
  ) -> [Diagnostic] {
    var diagnostics = checkDocuments(
      site.documents.map(\.id), in: site, unpublished: unpublished, unreadable: unreadable, jobs: jobs
    )
    .values.flatMap { $0 }
    diagnostics += checkSite(site)
    return diagnostics
  }

  /// The checks of the site as a whole: people's groups and series names.
  public func checkSite(_ site: SiteIndex) -> [Diagnostic] {
    checkPeople(site) + checkSeriesNames(site)
  }

  /// Each series has a name in `series.yml`; one without gets a warning at its first
  /// document, and every record names a series type of the schema.
  public func checkSeriesNames(_ site: SiteIndex) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // The series met so far, by field: each is looked up in series.yml once, at its first
    // document (every build and every preview edit passes over all documents here).
    var seen: [String: Set<String>] = [:]
    let seriesFields = Dictionary(
      schema.kinds.compactMap { kind in kind.seriesField.map { (kind.id, $0) } }, uniquingKeysWith: { a, _ in a })
    for document in site.documents {
      guard let field = document.kind.flatMap({ seriesFields[$0] }), let node = document[field], let id = node.string,
        seen[field, default: []].insert(id).inserted, site.seriesRecord(field: field, id: id) == nil
      else { continue }
      let label = schema.seriesType(field)?.label ?? field
      diagnostics.append(
        Diagnostic(
          .warning, .seriesUnnamed,
          "the \(label) \"\(id)\" has no name in series.yml; its pages call it \"\(SeriesRecord.nameFromID(id))\"",
          at: node.location, help: "add \"\(id): {name: …, description: …}\" under \"\(field):\" in content/series.yml")
      )
    }
    for record in site.seriesRecords.values.sorted(by: { $0.location < $1.location })
    where schema.seriesType(record.field) == nil {
      let fields = schema.seriesTypes.map(\.field)
      var message = "\"\(record.field)\" is not a series type of modalities.yml"
      if let suggestion = Suggestion.didYouMean(record.field, in: fields) { message += "; \(suggestion)" }
      diagnostics.append(
        Diagnostic(
          .error, FieldRules.series.type, message, at: record.location,
          help: "the series types are \(fields.joined(separator: ", "))"))
    }
    return diagnostics
  }

  /// The problems of some documents, by document, checked against the whole site. Documents
  /// are checked in parallel: each check only reads the index.
  public func checkDocuments(
    _ ids: [DocumentID], in site: SiteIndex, unpublished: Set<DocumentID> = [], unreadable: Set<DocumentID> = [],
    jobs: Int? = nil
  ) -> [DocumentID: [Diagnostic]] {
    let references = ReferenceResolver(
      site: site, unpublished: unpublished, unreadable: unreadable, severity: schema.severity(of: "references"))
    let documents = ids.compactMap { site[$0] }
    let results = Parallel.map(documents, jobs: jobs) { check($0, in: site, references: references) }
    var byDocument: [DocumentID: [Diagnostic]] = [:]
    byDocument.reserveCapacity(documents.count)
    for (document, diagnostics) in zip(documents, results) { byDocument[document.id] = diagnostics }
    return byDocument
  }

  /// The documents whose problems may change when `changed` change: the changed ones and
  /// those watching a key the changed documents give, before or after the change (those
  /// that name them, that share a series or rule grouping value with them, whose next
  /// meeting falls on a changed meeting's date).
  /// - Parameter watchers: for each key, the documents whose `watchedKeys` hold it.
  public func dependents(
    of changed: Set<DocumentID>, old: SiteIndex, new: SiteIndex, watchers: [DependencyKey: Set<DocumentID>]
  ) -> Set<DocumentID> {
    var affected = changed
    for id in changed {
      for document in [old[id], new[id]].compactMap({ $0 }) {
        for key in givenKeys(of: document) { affected.formUnion(watchers[key] ?? []) }
      }
      affected.formUnion(watchers[.document(id)] ?? [])
    }
    return affected
  }

  /// What a document's problems depend on besides itself: the ids it names in its front
  /// matter and body (existing or not), its grouping values, the dates its next meetings
  /// find other documents by.
  public func watchedKeys(of document: ParsedDocument) -> Set<DependencyKey> {
    var keys = Set(schema.documentReferences(of: document).map { DependencyKey.document(DocumentID($0.id)) })
    for link in document.body.links { if let target = link.target { keys.insert(.document(target)) } }
    for field in dateReferenceFields {
      if let id = document[field]?["id"]?.string { keys.insert(.document(DocumentID(id))) }
      if let date = document[field]?["date"]?.date { keys.insert(.date(date)) }
    }
    keys.remove(.document(document.id))
    for field in groupingFields {
      if let value = document[field]?.string { keys.insert(.group(field: field, value: value)) }
    }
    return keys
  }

  /// What a document gives the documents watching it: its id, grouping values and day.
  func givenKeys(of document: ParsedDocument) -> [DependencyKey] {
    var keys: [DependencyKey] = [.document(document.id)]
    for field in groupingFields {
      if let value = document[field]?.string { keys.append(.group(field: field, value: value)) }
    }
    if let date = document.date?.fullDay { keys.append(.date(date)) }
    return keys
  }

  /// The problems of one document.
  func check(_ document: ParsedDocument, in site: SiteIndex, references: ReferenceResolver) -> [Diagnostic] {
    var diagnostics = document.body.problems
    references.checkLinks(of: document, into: &diagnostics)
    guard let kindNode = document["kind"] else {
      diagnostics.append(
        Diagnostic(
          schema.severity(of: "missing-field"), .frontMatterMissingField, "the field \"kind\" is missing",
          at: document.frontMatterLocation,
          help: "add \"kind:\" with one of \(schema.kinds.map(\.id).joined(separator: ", "))"))
      return diagnostics
    }
    guard let kindName = kindNode.string, let kind = schema.kind(kindName) else {
      let written = kindNode.scalarText ?? ""
      var message = "unknown kind \"\(written)\""
      if let suggestion = Suggestion.didYouMean(written, in: schema.kinds.map(\.id)) { message += "; \(suggestion)" }
      diagnostics.append(
        Diagnostic(
          .error, .frontMatterKind, message, at: kindNode.location,
          help: "the kinds in modalities.yml are \(schema.kinds.map(\.id).joined(separator: ", "))"))
      return diagnostics
    }
    if document.isCycleLanding, kind.id != "cycle" {
      diagnostics.append(
        Diagnostic(
          .error, .frontMatterKind, "a cycle's _cycle.md must have kind: cycle, not \(kind.id)",
          at: kindNode.location,
          help: "write kind: cycle, or rename the file"))
    }
    if !kind.cycles.contains(document.cycle), let cycle = document.cycle {
      diagnostics.append(
        Diagnostic(
          .error, .frontMatterKind, "a \(kind.label) belongs to the cycles \(kind.cycles), not \(cycle)",
          at: kindNode.location,
          help: "check the kind and the cycle; modalities.yml gives the cycles of each kind"))
    }
    var fields = FieldChecker(severities: fieldSeverities, vocabularies: schema.vocabularies, references: references)
    fields.check(document, kind: kind, fields: schema.fields(of: kind))
    diagnostics += fields.diagnostics
    diagnostics += checkCycleFolder(document)
    // A document published as written is held to what every document needs, and a
    // template or rule only to the cycles it applied to.
    guard !document.isPublishedAsWritten else { return diagnostics }
    diagnostics += SectionChecker(
      kind: kind, sections: kind.sections(in: document.cycle), missingSeverity: schema.severity(of: "sections"),
      orderSeverity: schema.severity(of: "section-order")
    ).check(document)
    for configured in rulesByKind[kind.id] ?? [] where configured.cycles.contains(document.cycle) {
      var report = RuleReport(ruleID: configured.ruleID, severity: configured.severity)
      configured.rule.check(document, in: site, report: &report)
      diagnostics += report.diagnostics
    }
    return diagnostics
  }

  /// A document in `content/2017/` that says `cycle: 2016` is almost always a copy-paste slip.
  private func checkCycleFolder(_ document: ParsedDocument) -> [Diagnostic] {
    guard let folder = document.id.cycleFolder, let cycleNode = document["cycle"], let cycle = cycleNode.int,
      cycle != folder
    else { return [] }
    return [
      Diagnostic(
        .warning, .frontMatterCycle, "cycle is \(cycle) but the file is in the \(folder) folder",
        at: cycleNode.location,
        help: "set cycle: \(folder), or move the file to content/\(cycle)/")
    ]
  }

  /// People's stakeholder and regional groups must come from the schema's vocabularies.
  public func checkPeople(_ site: SiteIndex) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for person in site.peopleInOrder {
      for (field, value) in [("stakeholder_group", person.stakeholderGroup), ("regional_group", person.regionalGroup)] {
        guard let value, let values = schema.vocabularies[field], !values.contains(value) else { continue }
        var message = "\(person.id): \(field) \"\(value)\" is not one of: \(values.joined(separator: ", "))"
        if let suggestion = Suggestion.didYouMean(value, in: values) { message += "; \(suggestion)" }
        diagnostics.append(
          Diagnostic(
            schema.severity(of: "vocabulary"), .peopleVocabulary, message, at: person.location,
            help: "use one of the \(field) values of modalities.yml"))
      }
    }
    return diagnostics
  }
}

/// What ties one document's problems to another's: an id it names, a grouping value it
/// shares (`bpf: cybersecurity`), a day it looks a meeting up by.
public enum DependencyKey: Hashable, Sendable {
  case document(DocumentID)
  case group(field: String, value: String)
  case date(CalendarDate)
}
