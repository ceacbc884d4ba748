import Foundation
import SiteModel
import TestSupport
import Testing

/// The Secretariat sees every problem of every document in one run, not one at a time.
@Suite struct ManyProblemsTests {
  @Test func everyProblemOfTwoHundredDocumentsIsReportedInOneRun() throws {
    var files: [String: String?] = ["content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary()]
    for index in 0..<200 {
      // Four problems each: a late submission, a non-MAG co-facilitator majority, a
      // misspelt status and a series without a name in series.yml.
      files["content/2017/bpf/forum-\(index)/proposal.md"] = Documents.bpfProposal(
        bpf: "forum-\(index)", status: "aproved", submitted: "2017-03-25", facilitators: "[ana-gomez, eva-berg]")
    }
    let site = try FixtureSite(files)
    let diagnostics = site.check()
    let byRule = Dictionary(grouping: diagnostics, by: \.rule.rawValue).mapValues(\.count)
    #expect(byRule["bpf-proposal.submission-deadline"] == 200)
    #expect(byRule["bpf-proposal.co-facilitators"] == 200)
    #expect(byRule["front-matter.vocabulary"] == 200)
    #expect(byRule["series.unnamed"] == 200)
    #expect(diagnostics.count == 800, "\(byRule)")
    #expect(Set(diagnostics.map(\.location.file)).count == 200)
    #expect(diagnostics == diagnostics.sorted())
  }
}
