import SiteModel

/// "submit formal proposals to the MAG for review no less than 3 weeks before a
/// face-to-face or virtual MAG Meeting" (Annex II).
struct SubmissionDeadlineRule: ModalitiesRule {
  static let name = "submission-deadline"
  static let summary = "the proposal was submitted at least the given number of days before the MAG meeting that reviews it"

  let field: String
  let meetingField: String
  let daysBefore: Int

  init(parameters: inout RuleParameters) {
    field = parameters.string("field", default: "submitted")
    meetingField = parameters.string("meeting_field", default: "meeting")
    daysBefore = parameters.int("days_before")
  }

  func check(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport) {
    guard let submittedNode = document[field], let submitted = submittedNode.date,
      let meetingID = document[meetingField]?.string, let meeting = site[DocumentID(meetingID)],
      let meetingDate = meeting.date
    else { return }
    let days = submitted.days(until: meetingDate)
    guard days < daysBefore else { return }
    let deadline = CalendarDate(daysSinceEpoch: meetingDate.daysSinceEpoch - daysBefore)
    report.add(
      Self.late(submitted: submitted, days: days, meeting: meetingDate, required: daysBefore, deadline: deadline),
      at: submittedNode.location,
      help: "proposals for the meeting of \(meetingDate.longForm) were due by \(deadline.longForm); propose it to a later meeting")
  }

  static func late(submitted: CalendarDate, days: Int, meeting: CalendarDate, required: Int, deadline: CalendarDate) -> String {
    let when = days >= 0 ? "\(days) days before" : "\(-days) days after"
    return "submitted on \(submitted), \(when) the MAG meeting of \(meeting); "
      + "proposals are due at least \(required) days before (by \(deadline))"
  }
}
