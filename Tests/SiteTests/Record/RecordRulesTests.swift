import Foundation
import SiteModel
import TestSupport
import Testing

/// The modalities by cycle, unknown and partial facts, and the messages the real record
/// brought out.
@Suite struct RecordRulesTests {
  /// The project's schema with the submission deadline changed from 2020: 21 days until
  /// 2019, 28 days from 2020, as a second entry beside the first.
  static func schemaWithTwoDeadlines() throws -> String {
    let schema = try String(
      contentsOf: SharedFiles.packageRoot.appendingPathComponent("content/modalities.yml"), encoding: .utf8)
    let old = """
            submission-deadline:
              from: 2017
              source: Annex II, "no less than 3 weeks before"
              severity: error
              field: submitted
              meeting_field: meeting
              days_before: 21
      """
    #expect(schema.contains(old))
    return schema.replacingOccurrences(
      of: old,
      with: """
              submission-deadline:
                - {from: 2017, until: 2019, severity: error, field: submitted, meeting_field: meeting, days_before: 21}
                - {from: 2020, severity: error, field: submitted, meeting_field: meeting, days_before: 28}
        """)
  }

  @Test func aChangedRuleChecksEachCycleByItsOwnVersion() throws {
    var files: [String: String?] = ["content/modalities.yml": try Self.schemaWithTwoDeadlines()]
    for year in [2019, 2020] {
      files["content/\(year)/mag/meeting.md"] = Documents.meetingSummary(date: "\(year)-03-28")
        .replacingOccurrences(of: "cycle: 2017", with: "cycle: \(year)")
      // 25 days before the meeting: on time under 21 days, late under 28.
      files["content/\(year)/bpf/local-content/proposal.md"] = Documents.bpfProposal(submitted: "\(year)-03-03")
        .replacingOccurrences(of: "cycle: 2017", with: "cycle: \(year)")
        .replacingOccurrences(of: "2017/mag/2017-03-28-virtual-meeting-2", with: "\(year)/mag/meeting")
    }
    let site = try FixtureSite(files)
    let late = site.check().filter { $0.rule.rawValue == "bpf-proposal.submission-deadline" }
    #expect(late.map(\.location.file) == ["content/2020/bpf/local-content/proposal.md"], "\(late)")
    #expect(late.first?.message.contains("at least 28 days before") == true)
  }

  @Test func overlappingVersionsAreASchemaError() throws {
    let schema = try Self.schemaWithTwoDeadlines().replacingOccurrences(
      of: "{from: 2020, severity", with: "{from: 2019, severity")
    let site = try FixtureSite(["content/modalities.yml": schema, "content/2017/mag/m.md": Documents.meetingSummary()])
    let problems = site.check().filter { $0.rule.rawValue == "modalities.schema" }
    #expect(
      problems.map(\.message) == [
        #"two versions of rule "submission-deadline" apply to the same cycles (2017–2019 and from 2019)"#
      ])
  }

  @Test func finalOutputPerSeriesTypeWantsTheSeriesTypeKeys() throws {
    let schema = try String(
      contentsOf: SharedFiles.packageRoot.appendingPathComponent("content/modalities.yml"), encoding: .utf8
    )
    .replacingOccurrences(
      of: "  order: [date, title]\n",
      with: "  order: [date, title]\n  final_output: {series: bpf, kind: bpf-output, status: final}\n")
    let site = try FixtureSite(["content/modalities.yml": schema, "content/2017/mag/m.md": Documents.meetingSummary()])
    let problem = try #require(site.check().first { $0.rule.rawValue == "modalities.schema" })
    #expect(problem.message == "inventory.final_output is declared per series type now")
    #expect(problem.help?.contains("final_output: {kinds: [bpf-output], status: final}") == true)
  }

  @Test func datesTakeAMonthOrAYearAndUnknownOnlyWhereTheSchemaSaysSo() throws {
    let site = try FixtureSite([
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2018/reports/a.md":
        "---\nkind: report\ntitle: A\ncycle: 2018\ndate: 2018-13\nauthors: unknown\n---\nText.\n",
      "content/2018/reports/b.md":
        "---\nkind: report\ntitle: B\ncycle: 2018\ndate: 2018-11\nauthors: [ana-gomez]\n---\nText.\n",
      "content/2017/bpf/x/proposal.md": Documents.bpfProposal(bpf: "x")
        .replacingOccurrences(of: "meeting: 2017/mag/2017-03-28-virtual-meeting-2", with: "meeting: unknown"),
    ])
    let problems = site.check()
    let badMonth = try #require(problems.first { $0.location.file.hasSuffix("reports/a.md") })
    #expect(
      badMonth.message
        == #""date" should be a date (YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known), not text"#)
    #expect(badMonth.help?.contains("or \"unknown\"") == true)
    #expect(!problems.contains { $0.location.file.hasSuffix("reports/b.md") })
    let unknownMeeting = try #require(
      problems.first { $0.location.file.hasSuffix("x/proposal.md") && $0.rule.rawValue == "front-matter.type" })
    #expect(unknownMeeting.message == #""meeting" cannot be "unknown" for a BPF proposal"#)
  }

  @Test func aProposalSubmittedInAMonthIsCheckedAsFarAsTheRecordAllows() throws {
    func deadline(_ submitted: String) throws -> [Diagnostic] {
      let site = try FixtureSite([
        "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
        "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(submitted: submitted),
      ])
      return site.check().filter { $0.rule.rawValue == "bpf-proposal.submission-deadline" }
    }
    #expect(try deadline("2017-02").isEmpty, "all of February is at least 21 days before 28 March")
    let march = try deadline("2017-03")
    #expect(march.map(\.severity) == [.warning])
    #expect(march.first?.message.contains("not precise enough to confirm the 21-day deadline") == true)
    let unknown = try deadline("unknown")
    #expect(unknown.map(\.message) == ["the submission date is not known, so the 21-day deadline cannot be checked"])
    #expect(try deadline("2017-04").map(\.severity) == [.error])
  }

  @Test func aMeetingWhoseParticipantsAreNotKnownIsAWarningNotAnError() throws {
    let site = try FixtureSite([
      "content/2018/mag/m.md": Documents.meetingSummary(date: "2018-02-02")
        .replacingOccurrences(of: "cycle: 2017", with: "cycle: 2018")
        .replacingOccurrences(
          of: "participants:\n  - group: MAG Members\n    people: [ana-gomez, ben-okafor]",
          with: "participants: unknown")
    ])
    let problems = site.check().filter { $0.rule.rawValue == "meeting-summary.meeting-record" }
    #expect(problems.map(\.message) == ["the participants of the meeting are not known"])
    #expect(problems.map(\.severity) == [.warning])
  }

  @Test func numberedHeadingsMatchTheirSections() throws {
    let sections = [
      "1. Proposed Theme/Issue", "2) Objectives/Goals", "III. Expected Output(s)",
      "D. Outreach and Dissemination Plan/Strategy",
      "5.1. Timeframe", "Names of Co-Facilitator(s)",
    ]
    let site = try FixtureSite([
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(sections: sections),
    ])
    let problems = site.check()
    #expect(problems.isEmpty, "\(problems)")
  }

  @Test func aPageOfItsOwnIsNeverTakenSilently() throws {
    let report = "---\nkind: report\ntitle: X\ncycle: 2019\nauthors: unknown\n---\nText.\n"
    let site = try FixtureSite(["content/2019.md": report, "content/2019/index.md": report])
    let collisions = site.check().filter { $0.rule.rawValue == "content.url-collision" }
    #expect(
      collisions.map(\.message) == [
        "this document would be published at 2019/index.html, which is the 2019 cycle's outcome inventory",
        "a file named index.md reads as the page of its folder (2019/index.html, the 2019 cycle's outcome inventory), but igfsite publishes it at 2019/index/index.html",
      ])
    #expect(
      collisions.first?.help == "a cycle's own text goes in content/2019/_cycle.md (igfsite new cycle 2019 writes it)")
    #expect(!site.build().succeeded)
  }

  @Test func aDifferentLeadingTitleIsAWarning() throws {
    let site = try FixtureSite([
      "content/2018/reports/a.md":
        "---\nkind: report\ntitle: The report\ncycle: 2018\nauthors: unknown\n---\n# Another title\n\nText.\n"
    ])
    let warning = try #require(site.check().first { $0.rule.rawValue == "content.second-title" })
    #expect(
      warning.message
        == #"the text opens with the heading "Another title", which is not the title "The report"; the page shows both"#
    )
    #expect(warning.location.line == 7)
  }

  @Test func kindsBelongToTheirCycles() throws {
    let site = try FixtureSite([
      "content/2020/pn/x/output.md":
        "---\nkind: pn-output\ntitle: X\ncycle: 2020\npn: x\nstatus: final\npublished: 2020\n---\nText.\n"
    ])
    let problem = try #require(site.check().first { $0.rule.rawValue == "front-matter.kind" })
    #expect(problem.message == "a Policy Network output belongs to the cycles from 2021, not 2020")
  }

  @Test func everySeriesTypeHasItsOwnFinalOutputRule() throws {
    func output(_ type: String, _ id: String, _ cycle: Int, _ status: String) -> String {
      "---\nkind: \(type)-output\ntitle: \(id) \(status)\ncycle: \(cycle)\n\(type): \(id)\nstatus: \(status)\npublished: \(cycle)\n---\nText.\n"
    }
    let site = try FixtureSite([
      "content/series.yml": "dc:\n  a: {name: DC A}\npn:\n  b: {name: PN B}\n",
      "content/2021/dc/a/output.md": output("dc", "a", 2021, "draft"),
      "content/2021/pn/b/output.md": output("pn", "b", 2021, "final"),
    ])
    #expect(site.build().succeeded)
    let page = try site.read("output/2021/index.html")
    #expect(page.contains("Dynamic Coalition: only draft output a draft"))
    #expect(!page.contains("Policy Network: "))
  }
}
