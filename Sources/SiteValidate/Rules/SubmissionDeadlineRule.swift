import SiteContent
import SiteModel

/// "submit formal proposals to the MAG for review no less than 3 weeks before a
/// face-to-face or virtual MAG Meeting" (Annex II).
struct SubmissionDeadlineRule: ModalitiesRule {
  static let name = "submission-deadline"
  static let summary =
    "the proposal was submitted at least the given number of days before the MAG meeting that reviews it"

  let field: String
  let meetingField: String
  let daysBefore: Int

  init(parameters: inout RuleParameters) {
    field = parameters.string("field", default: "submitted")
    meetingField = parameters.string("meeting_field", default: "meeting")
    daysBefore = parameters.int("days_before")
  }

  func check(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport) {
    guard let submittedNode = document[field], let meetingID = document[meetingField]?.string,
      let meeting = site[DocumentID(meetingID)], let meetingDay = meeting.date
    else { return }
    guard let submittedDay = submittedNode.partialDate else {
      if submittedNode.isUnknown {
        report.unconfirmed(
          "the submission date is not known, so the \(daysBefore)-day deadline cannot be checked",
          at: submittedNode.location,
          help: "give \(field) as a date if the record has it")
      }
      return
    }
    // Partial dates: late only if late on every day they can mean; on time only if on
    // time on every day.
    if submittedDay.latestDay.days(until: meetingDay.earliestDay) >= daysBefore { return }
    guard let submitted = submittedDay.fullDay, let meetingDate = meetingDay.fullDay else {
      if submittedDay.earliestDay.days(until: meetingDay.latestDay) >= daysBefore {
        report.unconfirmed(
          "submitted in \(submittedDay.longForm), for the MAG meeting of \(meetingDay.longForm): the record is not precise enough to confirm the \(daysBefore)-day deadline",
          at: submittedNode.location, help: "give both dates to the day if the record has them")
        return
      }
      report.add(
        "submitted in \(submittedDay.longForm), less than \(daysBefore) days before the MAG meeting of \(meetingDay.longForm)",
        at: submittedNode.location,
        help: "proposals are due at least \(daysBefore) days before the meeting that reviews them")
      return
    }
    let days = submitted.days(until: meetingDate)
    guard days < daysBefore else { return }
    let deadline = CalendarDate(daysSinceEpoch: meetingDate.daysSinceEpoch - daysBefore)
    report.add(
      Self.late(submitted: submitted, days: days, meeting: meetingDate, required: daysBefore, deadline: deadline),
      at: submittedNode.location,
      help:
        "proposals for the meeting of \(meetingDate.longForm) were due by \(deadline.longForm); propose it to a later meeting"
    )
  }

  static func late(
    submitted: CalendarDate, days: Int, meeting: CalendarDate, required: Int, deadline: CalendarDate
  ) -> String {
    let when = days >= 0 ? "\(days) days before" : "\(-days) days after"
    return "submitted on \(submitted), \(when) the MAG meeting of \(meeting); "
      + "proposals are due at least \(required) days before (by \(deadline))"
  }
}
