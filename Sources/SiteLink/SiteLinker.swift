import SiteModel
import SiteValidate

/// Builds the cross-linked site from the checked documents.
public enum SiteLinker {
  public static func link(
    config: SiteConfig, schema: ModalitiesSchema, index: SiteIndex, diagnostics: [Diagnostic]
  ) -> LinkedSite {
    let (references, referencedBy) = CrossReferences.build(index: index, schema: schema)
    var warnings: [String: [Diagnostic]] = [:]
    for diagnostic in diagnostics where diagnostic.severity == .warning {
      warnings[diagnostic.location.file, default: []].append(diagnostic)
    }
    for file in warnings.keys { warnings[file]?.sort() }
    let series = SeriesBuilder.build(index: index, schema: schema)
    let cycles = CycleInventoryBuilder(index: index, schema: schema, series: series, warnings: warnings).build()
    return LinkedSite(
      config: config, schema: schema, index: index, cycles: cycles, series: series,
      themes: ThemeBuilder.build(index: index), people: PeopleRoles.build(index: index, schema: schema),
      references: references, referencedBy: referencedBy, warnings: warnings)
  }
}

/// Who references whom: front-matter references and Markdown links to other documents.
enum CrossReferences {
  static func build(index: SiteIndex, schema: ModalitiesSchema) -> ([DocumentID: [DocumentID]], [DocumentID: [DocumentID]]) {
    var outgoing: [DocumentID: [DocumentID]] = [:]
    var incoming: [DocumentID: [DocumentID]] = [:]
    for document in index.documents {
      var seen = Set<DocumentID>()
      var targets: [DocumentID] = []
      let fromFields = schema.documentReferences(of: document).map { DocumentID($0.id) }
      let fromLinks = document.body.links.compactMap(\.target)
      for target in fromFields + fromLinks where target != document.id && index.contains(target) {
        if seen.insert(target).inserted { targets.append(target) }
      }
      outgoing[document.id] = targets
      for target in targets { incoming[target, default: []].append(document.id) }
    }
    return (outgoing, incoming)
  }
}

enum SeriesBuilder {
  static func build(index: SiteIndex, schema: ModalitiesSchema) -> [Series] {
    var byKey: [SeriesKey: [ParsedDocument]] = [:]
    for document in index.documents {
      guard let key = SeriesKey(document, schema: schema) else { continue }
      byKey[key, default: []].append(document)
    }
    let kindOrder = Dictionary(uniqueKeysWithValues: schema.kinds.enumerated().map { ($1.id, $0) })
    return byKey.keys.sorted().map { key in
      let documents = byKey[key] ?? []
      let cycles = Dictionary(grouping: documents) { $0.cycle ?? 0 }
        .map { year, documents in
          (year: year, documents: documents.sorted { (kindOrder[$0.kind ?? ""] ?? 99, $0.id) < (kindOrder[$1.kind ?? ""] ?? 99, $1.id) })
        }
        .sorted { $0.year < $1.year }
      let title = cycles.last?.documents.first?.title ?? key.id
      return Series(key: key, title: title, cycles: cycles)
    }
  }
}

enum ThemeBuilder {
  static func build(index: SiteIndex) -> [Theme] {
    var names: [String: String] = [:]
    var documents: [String: [ParsedDocument]] = [:]
    for document in index.documents where !document.isCycleLanding {
      for name in document.themes {
        let id = Slug.make(name)
        guard !id.isEmpty else { continue }
        if names[id] == nil { names[id] = name }
        documents[id, default: []].append(document)
      }
    }
    return names.keys.sorted().map { id in
      let sorted = (documents[id] ?? []).sorted { ($0.cycle ?? 0, $0.title) > ($1.cycle ?? 0, $1.title) }
      return Theme(id: id, name: names[id] ?? id, documents: sorted)
    }
  }
}

enum PeopleRoles {
  /// Words for the roles the front-matter fields give people.
  static let labels = ["facilitators": "Co-facilitator", "authors": "Author", "meeting": "Chair", "participants": "Participant"]

  static func build(index: SiteIndex, schema: ModalitiesSchema) -> [PersonRecord] {
    var roles: [String: [PersonRecord.Role]] = [:]
    for document in index.documents where !document.isCycleLanding {
      let groups = participantGroups(of: document)
      var seen = Set<String>()
      for reference in schema.personReferences(of: document) {
        guard index.people[reference.id] != nil, seen.insert("\(reference.field)|\(reference.id)").inserted else { continue }
        var label = labels[reference.field] ?? reference.field.replacingUnderscores.capitalizedFirst
        if reference.field == "participants", let group = groups[reference.id] { label += " (\(group))" }
        roles[reference.id, default: []].append(.init(cycle: document.cycle, label: label, document: document))
      }
    }
    return index.peopleInOrder.compactMap { person in
      guard let personRoles = roles[person.id] else {
        return person.magCycles.isEmpty ? nil : PersonRecord(person: person, roles: [])
      }
      let sorted = personRoles.sorted { ($0.cycle ?? 0, $0.document.id) > ($1.cycle ?? 0, $1.document.id) }
      return PersonRecord(person: person, roles: sorted)
    }
  }

  /// For a meeting summary, the participants group each person is listed in.
  static func participantGroups(of document: ParsedDocument) -> [String: String] {
    var groups: [String: String] = [:]
    for group in document["participants"]?.list ?? [] {
      guard let name = group["group"]?.scalarText else { continue }
      for person in group["people"]?.list ?? [] {
        if let id = person.string, groups[id] == nil { groups[id] = name }
      }
    }
    return groups
  }
}

extension String {
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
