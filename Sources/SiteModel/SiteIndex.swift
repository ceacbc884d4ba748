/// The documents and people of a site, indexed the ways the checks and the cross-linking
/// need: by id, by kind, by series and cycle. Built once per build and shared read-only;
/// a class, so that the many look-ups through the linked site count one reference, not
/// one for each of its tables.
public final class SiteIndex: Sendable {
  /// Every document, sorted by id.
  public let documents: [ParsedDocument]
  public let people: [String: Person]
  /// People in `people.yml` order.
  public let peopleInOrder: [Person]
  /// Series names and descriptions from `series.yml`, by `field/id`.
  public let seriesRecords: [String: SeriesRecord]
  private let positions: [DocumentID: Int]
  private let positionsByKind: [String: [Int]]
  /// The translations (`proposal.fr.md`), which are not documents of their own: by the
  /// document each translates, by language code, and by their own id.
  private let translationsBySource: [DocumentID: [ParsedDocument]]
  private let translationsByID: [DocumentID: ParsedDocument]

  public init(documents: [ParsedDocument], people: [Person], series: [SeriesRecord] = []) {
    var records: [String: SeriesRecord] = [:]
    for record in series where records["\(record.field)/\(record.id)"] == nil {
      records["\(record.field)/\(record.id)"] = record
    }
    seriesRecords = records
    var bySource: [DocumentID: [ParsedDocument]] = [:]
    var byID: [DocumentID: ParsedDocument] = [:]
    for translation in documents where translation.translationOf != nil {
      if let source = translation.translationOf { bySource[source, default: []].append(translation) }
      byID[translation.id] = translation
    }
    translationsBySource = bySource.mapValues { $0.sorted { ($0.language ?? "") < ($1.language ?? "") } }
    translationsByID = byID
    let sorted = documents.filter { $0.translationOf == nil }.sorted { $0.id < $1.id }
    self.documents = sorted
    var positions: [DocumentID: Int] = [:]
    positions.reserveCapacity(sorted.count)
    // Sorted, an id seen twice is seen twice in a row: the first keeps its place, and each
    // id is hashed once.
    for (index, document) in sorted.enumerated() where index == 0 || sorted[index - 1].id != document.id {
      positions[document.id] = index
    }
    self.positions = positions
    var byKind: [String: [Int]] = [:]
    for (index, document) in sorted.enumerated() {
      byKind[document.kind ?? "", default: []].append(index)
    }
    self.positionsByKind = byKind
    var peopleByID: [String: Person] = [:]
    for person in people where peopleByID[person.id] == nil { peopleByID[person.id] = person }
    self.people = peopleByID
    self.peopleInOrder = people
  }

  private init(
    documents: [ParsedDocument], people: [String: Person], peopleInOrder: [Person],
    seriesRecords: [String: SeriesRecord],
    positions: [DocumentID: Int], positionsByKind: [String: [Int]],
    translationsBySource: [DocumentID: [ParsedDocument]], translationsByID: [DocumentID: ParsedDocument]
  ) {
    self.translationsBySource = translationsBySource
    self.translationsByID = translationsByID
    self.seriesRecords = seriesRecords
    self.documents = documents
    self.people = people
    self.peopleInOrder = peopleInOrder
    self.positions = positions
    self.positionsByKind = positionsByKind
  }

  /// The same index with new versions of some of its documents (same ids), without
  /// sorting and indexing ten thousand documents again for a one-document edit. Nil when a
  /// document is not in the index (a translation is not: its change indexes anew).
  public func replacing(_ changed: [ParsedDocument]) -> SiteIndex? {
    var documents = self.documents
    var kindsChanged = false
    for document in changed {
      guard let position = positions[document.id] else { return nil }
      if documents[position].kind != document.kind { kindsChanged = true }
      documents[position] = document
    }
    var byKind = positionsByKind
    if kindsChanged {
      byKind = [:]
      for (index, document) in documents.enumerated() { byKind[document.kind ?? "", default: []].append(index) }
    }
    return SiteIndex(
      documents: documents, people: people, peopleInOrder: peopleInOrder, seriesRecords: seriesRecords,
      positions: positions, positionsByKind: byKind, translationsBySource: translationsBySource,
      translationsByID: translationsByID)
  }

  public subscript(id: DocumentID) -> ParsedDocument? {
    positions[id].map { documents[$0] }
  }

  public func contains(_ id: DocumentID) -> Bool { positions[id] != nil }

  /// The translations of a document, by language code.
  public func translations(of id: DocumentID) -> [ParsedDocument] { translationsBySource[id] ?? [] }

  /// A translation by its own id (`2017/bpf/iot/proposal.fr`).
  public func translation(_ id: DocumentID) -> ParsedDocument? { translationsByID[id] }

  /// Every translation, by id.
  public var translations: [ParsedDocument] { translationsByID.values.sorted { $0.id < $1.id } }

  /// The documents of one kind, in id order.
  public func documents(ofKind kind: String) -> [ParsedDocument] {
    (positionsByKind[kind] ?? []).map { documents[$0] }
  }

  /// The record of a series, by its field and id.
  public func seriesRecord(field: String, id: String) -> SeriesRecord? { seriesRecords["\(field)/\(id)"] }

  /// All document ids, for "did you mean" suggestions.
  public var ids: [String] { documents.map(\.id.rawValue) }
}
