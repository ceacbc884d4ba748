import SiteContent
import SiteModel

/// BPFs: "2-3 MAG members + non-MAG members if appropriate" co-facilitate (Annex II).
/// Working groups: "two MAG co-facilitators from different stakeholder groups" (Annex III).
struct CoFacilitatorsRule: ModalitiesRule {
  static let name = "co-facilitators"
  static let summary =
    "the facilitators include the required number of MAG members of the cycle, optionally from different stakeholder groups"

  let field: String
  let magMembers: ClosedRange<Int>
  let differentStakeholderGroups: Bool

  init(parameters: inout RuleParameters) {
    field = parameters.string("field", default: "facilitators")
    magMembers = parameters.range("mag_members")
    differentStakeholderGroups = parameters.bool("different_stakeholder_groups")
  }

  func check(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport) {
    guard let cycle = document.cycle, let node = document[field], let items = node.list else { return }
    // Unknown ids are the references check's to report.
    let people = items.compactMap { $0.string.flatMap { site.people[$0] } }
    let members = people.filter { $0.isMAGMember(in: cycle) }
    if !magMembers.contains(members.count) {
      let outsiders = people.filter { !$0.isMAGMember(in: cycle) }.map(\.name)
      report.add(
        Self.wrongCount(members.count, required: magMembers, cycle: cycle, outsiders: outsiders), at: node.location,
        help: "list MAG members of \(cycle) (people.yml, \"mag: [\(cycle)]\") in \(field)")
    }
    if differentStakeholderGroups, members.count >= 2 {
      let groups = members.map { $0.stakeholderGroup ?? "no stakeholder group" }
      if Set(groups).count < members.count {
        report.add(
          Self.sameGroup(members.map(\.name), groups: groups), at: node.location,
          help: "choose MAG co-facilitators from different stakeholder groups")
      }
    }
  }

  static func wrongCount(_ count: Int, required: ClosedRange<Int>, cycle: Int, outsiders: [String]) -> String {
    let wanted =
      required.lowerBound == required.upperBound
      ? "\(required.lowerBound)" : "\(required.lowerBound) to \(required.upperBound)"
    var message =
      "\(count) of the facilitators \(count == 1 ? "is a MAG member" : "are MAG members") in \(cycle); the modalities ask for \(wanted)"
    if !outsiders.isEmpty { message += " (not on the \(cycle) MAG: \(outsiders.joined(separator: ", ")))" }
    return message
  }

  static func sameGroup(_ names: [String], groups: [String]) -> String {
    let pairs = zip(names, groups).map { "\($0) (\($1))" }
    return "the MAG co-facilitators must come from different stakeholder groups: \(pairs.joined(separator: ", "))"
  }
}
