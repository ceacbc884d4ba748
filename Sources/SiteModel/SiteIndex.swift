/// The documents and people of a site, indexed the ways the checks and the cross-linking
/// need: by id, by kind, by series and cycle. Built once per build and shared read-only.
public struct SiteIndex: Sendable {
  /// Every document, sorted by id.
  public let documents: [ParsedDocument]
  public let people: [String: Person]
  /// People in `people.yml` order.
  public let peopleInOrder: [Person]
  /// Series names and descriptions from `series.yml`, by `field/id`.
  public let seriesRecords: [String: SeriesRecord]
  private let positions: [DocumentID: Int]
  private let positionsByKind: [String: [Int]]

  public init(documents: [ParsedDocument], people: [Person], series: [SeriesRecord] = []) {
    var records: [String: SeriesRecord] = [:]
    for record in series where records["\(record.field)/\(record.id)"] == nil {
      records["\(record.field)/\(record.id)"] = record
    }
    seriesRecords = records
    let sorted = documents.sorted { $0.id < $1.id }
    self.documents = sorted
    var positions: [DocumentID: Int] = [:]
    positions.reserveCapacity(sorted.count)
    for (index, document) in sorted.enumerated() where positions[document.id] == nil {
      positions[document.id] = index
    }
    self.positions = positions
    var byKind: [String: [Int]] = [:]
    for (index, document) in sorted.enumerated() {
      byKind[document.kind ?? "", default: []].append(index)
    }
    self.positionsByKind = byKind
    var byID: [String: Person] = [:]
    for person in people where byID[person.id] == nil { byID[person.id] = person }
    self.people = byID
    self.peopleInOrder = people
  }

  private init(
    documents: [ParsedDocument], people: [String: Person], peopleInOrder: [Person],
    seriesRecords: [String: SeriesRecord],
    positions: [DocumentID: Int], positionsByKind: [String: [Int]]
  ) {
    self.seriesRecords = seriesRecords
    self.documents = documents
    self.people = people
    self.peopleInOrder = peopleInOrder
    self.positions = positions
    self.positionsByKind = positionsByKind
  }

  /// The same index with new versions of some of its documents (same ids), without
  /// sorting and indexing ten thousand documents again for a one-document edit. Nil when a
  /// document is not in the index.
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
      positions: positions,
      positionsByKind: byKind)
  }

  public subscript(id: DocumentID) -> ParsedDocument? {
    positions[id].map { documents[$0] }
  }

  public func contains(_ id: DocumentID) -> Bool { positions[id] != nil }

  /// The documents of one kind, in id order.
  public func documents(ofKind kind: String) -> [ParsedDocument] {
    (positionsByKind[kind] ?? []).map { documents[$0] }
  }

  /// The record of a series, by its field and id.
  public func seriesRecord(field: String, id: String) -> SeriesRecord? { seriesRecords["\(field)/\(id)"] }

  /// All document ids, for "did you mean" suggestions.
  public var ids: [String] { documents.map(\.id.rawValue) }
}
