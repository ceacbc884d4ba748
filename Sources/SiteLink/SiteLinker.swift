import SiteContent
import SiteModel
import SiteSupport

/// Builds the cross-linked site from the checked documents. One path for a build and the
/// preview: every part is rebuilt where the changed documents reach, and for a first link
/// every document is changed, so each part is written once and the result is the same.
public enum SiteLinker {
  /// - Parameter previous: the site linked last, patched where `changed` (every document
  ///   whose parsed value differs from it) reaches; nil, or a change too wide to patch
  ///   (documents added or removed, cycles appearing or disappearing), links in full.
  /// - Parameter jobs: how many threads at most; the result does not depend on it.
  public static func link(
    config: SiteConfig, schema: ModalitiesSchema, index: SiteIndex, diagnostics: [Diagnostic],
    previous: LinkedSite? = nil, changed: Set<DocumentID> = [], jobs: Int? = nil
  ) -> LinkedSite {
    let base = previous.flatMap { isPatchable($0, index: index, changed: changed, schema: schema) ? $0 : nil }
    let old = base?.index
    let changedDocuments = base == nil ? index.documents : changed.sorted().compactMap { index[$0] }
    let warnings = byFile(diagnostics, .warning)
    // Two halves of about equal work on a first link, independent of each other (measured
    // at 10,000 documents: cross-references and people 205 ms, series, inventories and
    // themes 190 ms).
    let ((references, referencedBy, people), (series, cycles, themes)) = Parallel.pair(jobs: jobs) {
      let (references, referencedBy) = CrossReferences.update(
        base?.references ?? [:], base?.referencedBy ?? [:], changed: changedDocuments, index: index, schema: schema)
      return (
        references, referencedBy, PeopleRoles.update(base, changed: changedDocuments, index: index, schema: schema)
      )
    } _: {
      let series = SeriesBuilder.update(base, changed: changedDocuments, index: index, schema: schema)
      let cycles = inventories(
        base, changed: changed, series: series, index: index, schema: schema, warnings: warnings)
      return (series, cycles, ThemeBuilder.update(base?.themes ?? [], changed: changedDocuments, old: old))
    }
    return LinkedSite(
      config: config, schema: schema, index: index, cycles: cycles, series: series, themes: themes, people: people,
      references: references, referencedBy: referencedBy, warnings: warnings, errors: byFile(diagnostics, .error))
  }

  /// Whether `previous` can be patched: the same documents and cycles.
  static func isPatchable(
    _ previous: LinkedSite, index: SiteIndex, changed: Set<DocumentID>, schema: ModalitiesSchema
  ) -> Bool {
    let old = previous.index
    return old.documents.count == index.documents.count
      && changed.allSatisfy { old.contains($0) && index.contains($0) }
      && Set(index.documents.compactMap(\.cycle)) == Set(previous.cycles.map(\.year))
  }

  /// The cycles' inventories, newest first: on a patch, those of the changed documents'
  /// cycles, of the cycles next to them in their series and of documents whose warnings
  /// changed; the others are kept.
  static func inventories(
    _ base: LinkedSite?, changed: Set<DocumentID>, series: [Series], index: SiteIndex, schema: ModalitiesSchema,
    warnings: [String: [Diagnostic]]
  ) -> [CycleInventory] {
    let builder = CycleInventoryBuilder(index: index, schema: schema, series: series, warnings: warnings)
    let seriesByKey = Dictionary(uniqueKeysWithValues: series.map { ($0.key, $0) })
    guard let base else {
      var documentsByYear: [Int: [ParsedDocument]] = [:]
      for document in index.documents {
        if let year = document.cycle { documentsByYear[year, default: []].append(document) }
      }
      let years = documentsByYear.keys.sorted(by: >)
      return years.map {
        builder.inventory(
          of: $0, documents: documentsByYear[$0] ?? [], latestYear: years.first ?? 0, seriesByKey: seriesByKey)
      }
    }
    var years = ChangeImpact.inventoryYears(
      of: changed, in: [base.index, index], series: [base.series(_:), { seriesByKey[$0] }], schema: schema)
    let warned = Set(base.warnings.keys).union(warnings.keys).filter { base.warnings[$0] != warnings[$0] }
    if !warned.isEmpty {
      for document in index.documents where warned.contains(document.file) {
        if let year = document.cycle { years.insert(year) }
      }
    }
    let latestYear = base.cycles.first?.year ?? 0
    return base.cycles.map { cycle in
      years.contains(cycle.year)
        ? builder.inventory(of: cycle.year, latestYear: latestYear, seriesByKey: seriesByKey) : cycle
    }
  }

  static func byFile(_ diagnostics: [Diagnostic], _ severity: Severity) -> [String: [Diagnostic]] {
    var found: [String: [Diagnostic]] = [:]
    for diagnostic in diagnostics where diagnostic.severity == severity {
      found[diagnostic.location.file, default: []].append(diagnostic)
    }
    for file in found.keys { found[file]?.sort() }
    return found
  }
}

/// Who references whom: front-matter references and Markdown links to other documents.
enum CrossReferences {
  typealias Lists = [DocumentID: [DocumentID]]

  /// Moves the changed documents' edges (all of them, from empty lists, on a first link);
  /// backlinks stay in id order.
  static func update(
    _ outgoing: Lists, _ incoming: Lists, changed: [ParsedDocument], index: SiteIndex, schema: ModalitiesSchema
  ) -> (Lists, Lists) {
    var outgoing = outgoing
    var incoming = incoming
    for document in changed {
      let id = document.id
      for target in outgoing[id] ?? [] {
        incoming[target]?.removeAll { $0 == id }
        if incoming[target]?.isEmpty == true { incoming[target] = nil }
      }
      let targets = self.targets(of: document, index: index, schema: schema)
      outgoing[id] = targets
      for target in targets {
        // In place: a copy taken out and put back would copy the whole list for each edge.
        let position =
          incoming[target].map { sources in
            var low = 0
            var high = sources.count
            while low < high {
              let middle = (low + high) / 2
              if sources[middle] > id { high = middle } else { low = middle + 1 }
            }
            return low
          } ?? 0
        incoming[target, default: []].insert(id, at: position)
      }
    }
    return (outgoing, incoming)
  }

  /// The existing documents a document names, each once, front matter first.
  static func targets(of document: ParsedDocument, index: SiteIndex, schema: ModalitiesSchema) -> [DocumentID] {
    var seen = Set<DocumentID>()
    var targets: [DocumentID] = []
    let fromFields = schema.documentReferences(of: document).map { DocumentID($0.id) }
    let fromLinks = document.body.links.compactMap(\.target)
    for target in fromFields + fromLinks where target != document.id && index.contains(target) {
      if seen.insert(target).inserted { targets.append(target) }
    }
    return targets
  }
}

enum SeriesBuilder {
  /// Rebuilds the series the changed documents leave or join (every series, without a
  /// previous site); the others are kept.
  static func update(
    _ previous: LinkedSite?, changed: [ParsedDocument], index: SiteIndex, schema: ModalitiesSchema
  ) -> [Series] {
    let changedIDs = Set(changed.map(\.id))
    var joined: [SeriesKey: [ParsedDocument]] = [:]
    var affected = Set<SeriesKey>()
    for document in changed {
      if let old = previous?.index[document.id].flatMap({ SeriesKey($0, schema: schema) }) { affected.insert(old) }
      if let new = SeriesKey(document, schema: schema) {
        affected.insert(new)
        joined[new, default: []].append(document)
      }
    }
    guard !affected.isEmpty else { return previous?.series ?? [] }
    var byKey = Dictionary(uniqueKeysWithValues: (previous?.series ?? []).map { ($0.key, $0) })
    let kindOrder = kindOrder(schema)
    for key in affected {
      let kept = (byKey[key]?.documents ?? []).filter { !changedIDs.contains($0.id) }
      let members = (kept + (joined[key] ?? [])).sorted { $0.id < $1.id }
      byKey[key] = members.isEmpty ? nil : series(key, members, kindOrder: kindOrder, index: index, schema: schema)
    }
    return byKey.keys.sorted().compactMap { byKey[$0] }
  }

  /// One series from its documents: by cycle, then date (undated last), then kind order.
  static func series(
    _ key: SeriesKey, _ documents: [ParsedDocument], kindOrder: [String: Int], index: SiteIndex,
    schema: ModalitiesSchema
  ) -> Series {
    let cycles = Dictionary(grouping: documents) { $0.cycle ?? 0 }
      .map { year, documents in
        // Each document's place in the kind order looked up once, not at every comparison.
        let ranked = documents.map { (document: $0, kind: kindOrder[$0.kind ?? ""] ?? 99) }
        let sorted = ranked.sorted { lhs, rhs in
          if let order = DocumentOrder.byDate(lhs.document, rhs.document) { return order }
          if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
          return lhs.document.id < rhs.document.id
        }
        return (year: year, documents: sorted.map(\.document))
      }
      .sorted { $0.year < $1.year }
    let record = index.seriesRecord(field: key.field, id: key.id)
    return Series(
      key: key, title: record?.name ?? SeriesRecord.nameFromID(key.id), description: record?.description,
      typeLabel: schema.seriesType(key.field)?.label ?? key.field.uppercased(), isNamed: record != nil, cycles: cycles)
  }

  static func kindOrder(_ schema: ModalitiesSchema) -> [String: Int] {
    Dictionary(schema.kinds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }
}

/// The orders documents are listed in.
public enum DocumentOrder {
  /// Earliest first by the date as known (a month before its days); undated documents
  /// after dated ones. Nil when the dates do not decide.
  public static func byDate(_ lhs: ParsedDocument, _ rhs: ParsedDocument) -> Bool? {
    switch (lhs.chronologicalDate, rhs.chronologicalDate) {
    case (let left?, let right?): left == right ? nil : left < right
    case (.some, nil): true
    case (nil, .some): false
    case (nil, nil): nil
    }
  }

  /// A kind's documents in the order the schema's `inventory.order` gives (date, then
  /// title, by default); the id breaks the last tie.
  public static func inventory(_ documents: [ParsedDocument], order: [InventoryOrder]) -> [ParsedDocument] {
    // Each title lowered once and kept beside its document, not looked up at every comparison.
    let titled = documents.map { (document: $0, title: $0.title.lowercased()) }
    return titled.sorted { lhs, rhs in
      for key in order {
        switch key {
        case .date:
          if let decided = byDate(lhs.document, rhs.document) { return decided }
        case .title:
          if lhs.title != rhs.title { return lhs.title < rhs.title }
        case .id:
          if lhs.document.id != rhs.document.id { return lhs.document.id < rhs.document.id }
        }
      }
      return lhs.document.id < rhs.document.id
    }.map(\.document)
  }
}

enum ThemeBuilder {
  /// Rebuilds the themes the changed documents leave or join (every theme, from no
  /// themes, on a first link); the others are kept.
  /// - Parameter old: the index the previous themes were built from.
  static func update(_ previous: [Theme], changed: [ParsedDocument], old: SiteIndex?) -> [Theme] {
    let changedIDs = Set(changed.map(\.id))
    var joined: [String: [ParsedDocument]] = [:]
    var affected = Set<String>()
    for document in changed {
      for name in old?[document.id]?.themes ?? [] { affected.insert(Slug.make(name)) }
      guard !document.isCycleLanding else { continue }
      for name in document.themes {
        let id = Slug.make(name)
        affected.insert(id)
        joined[id, default: []].append(document)
      }
    }
    affected.remove("")
    guard !affected.isEmpty else { return previous }
    var byID = Dictionary(uniqueKeysWithValues: previous.map { ($0.id, $0) })
    for id in affected {
      let kept = (byID[id]?.documents ?? []).filter { !changedIDs.contains($0.id) }
      let members = kept + (joined[id] ?? [])
      byID[id] = members.isEmpty ? nil : theme(id, members)
    }
    return byID.keys.sorted().compactMap { byID[$0] }
  }

  /// One theme from its documents in id order (a document listed once per spelling).
  static func theme(_ id: String, _ documents: [ParsedDocument]) -> Theme {
    let sorted = documents.sorted(by: comesFirst)
    return Theme(id: id, name: name(of: id, documents: documents), documents: sorted)
  }

  /// Newest cycle first, then by title from Z to A, then by id (compared field by field:
  /// a tuple of them was made and freed at every comparison).
  static func comesFirst(_ lhs: ParsedDocument, _ rhs: ParsedDocument) -> Bool {
    let (left, right) = (lhs.cycle ?? 0, rhs.cycle ?? 0)
    if left != right { return left > right }
    if lhs.title != rhs.title { return lhs.title > rhs.title }
    return rhs.id > lhs.id
  }

  /// The theme's name as the document with the smallest id spells it.
  static func name(of id: String, documents: [ParsedDocument]) -> String {
    let first = documents.min { $0.id < $1.id }
    return first?.themes.first { Slug.make($0) == id } ?? id
  }
}

enum PeopleRoles {
  /// Words for the roles the front-matter fields give people.
  static let labels = [
    "facilitators": "Co-facilitator", "authors": "Author", "meeting": "Chair", "participants": "Participant",
  ]

  /// Rebuilds the roles of the people the changed documents name, before or after (of
  /// everyone, without a previous site).
  static func update(
    _ previous: LinkedSite?, changed: [ParsedDocument], index: SiteIndex, schema: ModalitiesSchema
  ) -> [PersonRecord] {
    let changedIDs = Set(changed.map(\.id))
    var affected: [String: [PersonRecord.Role]] = [:]
    if let previous {
      for document in changed {
        for reference in previous.index[document.id].map(schema.personReferences(of:)) ?? [] {
          affected[reference.id] = []
        }
        for reference in schema.personReferences(of: document) { affected[reference.id] = [] }
      }
      guard !affected.isEmpty else { return previous.people }
      for person in affected.keys {
        affected[person] = (previous.person(person)?.roles ?? []).filter { !changedIDs.contains($0.document.id) }
      }
    } else {
      for person in index.peopleInOrder { affected[person.id] = [] }
    }
    for document in changed {
      for (person, role) in roles(in: document, index: index, schema: schema) { affected[person]?.append(role) }
    }
    return index.peopleInOrder.compactMap { person in
      guard let roles = affected[person.id] else { return previous?.person(person.id) }
      return record(person, roles: roles)
    }
  }

  /// The roles a document gives people, in field order, each person and field once.
  static func roles(
    in document: ParsedDocument, index: SiteIndex, schema: ModalitiesSchema
  ) -> [(String, PersonRecord.Role)] {
    guard !document.isCycleLanding else { return [] }
    // A document names a handful of people: the pairs seen are searched, not hashed.
    var seen: [(field: String, id: String)] = []
    var groups: [String: String]?
    var labels: [(field: String, label: String)] = []
    var found: [(String, PersonRecord.Role)] = []
    for reference in schema.personReferences(of: document) {
      guard index.people[reference.id] != nil, !seen.contains(where: { $0 == (reference.field, reference.id) })
      else {
        continue
      }
      seen.append((reference.field, reference.id))
      var group: String?
      if reference.field == "participants" {
        if groups == nil { groups = participantGroups(of: document) }
        group = groups?[reference.id]
      }
      let label: String
      if let known = labels.first(where: { $0.field == reference.field }) {
        label = known.label
      } else {
        label = reference.field.replacingUnderscores.capitalizedFirst
        labels.append((reference.field, label))
      }
      found.append(
        (
          reference.id,
          .init(cycle: document.cycle, field: reference.field, fieldLabel: label, group: group, document: document)
        ))
    }
    return found
  }

  /// A person with their roles, newest first; a person without roles only when they
  /// served on the MAG.
  private static func record(_ person: Person, roles: [PersonRecord.Role]) -> PersonRecord? {
    guard !roles.isEmpty else { return person.magCycles.isEmpty ? nil : PersonRecord(person: person, roles: []) }
    // Sorting is stable: one document's roles keep their field order.
    return PersonRecord(
      person: person,
      roles: roles.sorted { lhs, rhs in
        let (left, right) = (lhs.cycle ?? 0, rhs.cycle ?? 0)
        return left != right ? left > right : lhs.document.id > rhs.document.id
      })
  }

  /// For a meeting summary, the participants group each person is listed in.
  static func participantGroups(of document: ParsedDocument) -> [String: String] {
    var groups: [String: String] = [:]
    for group in document.participantGroups {
      for id in group.people where groups[id] == nil { groups[id] = group.name }
    }
    return groups
  }
}

extension String {
  var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
