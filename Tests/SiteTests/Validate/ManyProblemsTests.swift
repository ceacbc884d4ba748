import Foundation
import SiteModel
import Testing
import TestSupport

/// The Secretariat sees every problem of every document in one run, not one at a time.
@Suite struct ManyProblemsTests {
  @Test func everyProblemOfTwoHundredDocumentsIsReportedInOneRun() throws {
    var files: [String: String?] = ["content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary()]
    for index in 0..<200 {
      // Three problems each: a late submission, a non-MAG co-facilitator majority and a
      // misspelt status.
      files["content/2017/bpf/forum-\(index)/proposal.md"] = Documents.bpfProposal(
        bpf: "forum-\(index)", status: "aproved", submitted: "2017-03-25", facilitators: "[ana-gomez, eva-berg]")
    }
    let site = try FixtureSite(files)
    let diagnostics = site.check()
    let byRule = Dictionary(grouping: diagnostics, by: \.rule).mapValues(\.count)
    #expect(byRule["bpf-proposal.submission-deadline"] == 200)
    #expect(byRule["bpf-proposal.co-facilitators"] == 200)
    #expect(byRule["front-matter.vocabulary"] == 200)
    #expect(diagnostics.count == 600, "\(byRule)")
    #expect(Set(diagnostics.map(\.location.file)).count == 200)
    #expect(diagnostics == diagnostics.sorted())
  }
}
