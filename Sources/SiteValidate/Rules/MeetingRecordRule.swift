import SiteContent
import SiteModel

/// A MAG meeting summary records when the meeting was, who took part and (through the
/// sections check) its agenda; its `next` meeting links once that meeting is published.
struct MeetingRecordRule: ModalitiesRule {
  static let name = "meeting-record"
  static let summary =
    "a meeting summary has its date and participants, and its next meeting resolves when that meeting is in the content"

  let dateField: String
  let participantsField: String
  let nextField: String

  var dateReferenceField: String? { nextField }

  init(parameters: inout RuleParameters) {
    dateField = parameters.string("date_field", default: "date")
    participantsField = parameters.string("participants_field", default: "participants")
    nextField = parameters.string("next_field", default: "next")
  }

  func check(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport) {
    if let date = document[dateField], date.isUnknown {
      report.unconfirmed(
        "the date of the meeting is not known", at: date.location,
        help: "give \(dateField) as a date if the record has it")
    } else if document[dateField]?.partialDate == nil {
      report.add(
        "the meeting summary has no \(dateField)", at: document[dateField]?.location ?? document.missingFieldLocation,
        help: "add \"\(dateField): YYYY-MM-DD\" with the day of the meeting")
    }
    let participants = document[participantsField]?.list ?? []
    let named = participants.reduce(0) { $0 + ($1["people"]?.list?.count ?? 0) }
    if let node = document[participantsField], node.isUnknown {
      report.unconfirmed(
        "the participants of the meeting are not known", at: node.location,
        help: "list them under \(participantsField) if the record has them")
    } else if named == 0 {
      report.add(
        "the meeting summary lists no participants",
        at: document[participantsField]?.location ?? document.missingFieldLocation,
        help: "add \"\(participantsField):\" with groups like {group: MAG Members, people: [id, …]}")
    }
    checkNext(document, in: site, report: &report)
  }

  private func checkNext(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport) {
    guard let next = document[nextField], let nextDate = next["date"]?.date else { return }
    let named = next["id"]?.string.map(DocumentID.init)
    if let named, site.contains(named) { return }
    let published = site.documents(ofKind: document.kind ?? "").first {
      $0.date?.fullDay == nextDate && $0.id != document.id
    }
    guard let published else { return }
    report.add(
      Self.unresolvedNext(date: nextDate, published: published.id, named: named),
      at: next["id"]?.location ?? next.location, help: "set \(nextField).id: \(published.id)")
  }

  static func unresolvedNext(date: CalendarDate, published: DocumentID, named: DocumentID?) -> String {
    let naming = named.map { "next.id names \($0)" } ?? "next has no id"
    return "the next meeting (\(date)) is in the content as \(published), but \(naming)"
  }
}
