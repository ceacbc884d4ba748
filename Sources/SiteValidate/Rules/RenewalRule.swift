import SiteContent
import SiteModel

/// "MAG Working Groups are assumed to have a lifetime of one (1) IGF cycle, and must be
/// approved anew each year" (Annex III).
struct RenewalRule: ModalitiesRule {
  static let name = "renewal"
  static let summary =
    "a working group's approval lies within its cycle; approved or continuing groups carry their own approval date"

  let field: String
  let statusesNeedingApproval: [String]

  init(parameters: inout RuleParameters) {
    field = parameters.string("field", default: "approved")
    statusesNeedingApproval = parameters.strings("needs_approval")
  }

  func check(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport) {
    guard let cycle = document.cycle else { return }
    if let approvedNode = document[field], approvedNode.isUnknown {
      return
    } else if let approvedNode = document[field], let approved = approvedNode.partialDate {
      if approved.year != cycle {
        report.add(
          Self.outsideCycle(approved: approved, cycle: cycle), at: approvedNode.location,
          help: "working groups are approved anew each cycle: give the date of this cycle's approval")
      }
    } else if let status = document.status, statusesNeedingApproval.contains(status) {
      report.add(
        Self.noApproval(status: status, cycle: cycle, field: field),
        at: document["status"]?.location ?? document.frontMatterLocation,
        help:
          "add \"\(field): YYYY-MM-DD\" with the date the MAG Chair approved it in \(cycle), or set status: proposed")
    }
  }

  static func outsideCycle(approved: PartialDate, cycle: Int) -> String {
    "approved \(approved.day == nil ? "in" : "on") \(approved), outside the \(cycle) cycle; a working group lives for one cycle"
  }

  static func noApproval(status: String, cycle: Int, field: String) -> String {
    "the working group is \(status) but has no \(field) date in \(cycle); it must be approved anew each cycle"
  }
}
