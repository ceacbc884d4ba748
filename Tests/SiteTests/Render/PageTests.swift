import Foundation
import SiteBuild
import SiteModel
import TestSupport
import Testing

@Suite struct PageTests {
  /// A small site with a meeting, a proposal linking to it, and a report linking to both.
  static func site() throws -> FixtureSite {
    try FixtureSite([
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(),
      "content/2018/reports/roadmap.md": Documents.report(
        title: "Roadmap", extra: "related: [2017/bpf/local-content/proposal]",
        body:
          "## Introduction\n\nSee the [meeting](../../2017/mag/2017-03-28-virtual-meeting-2.md#annex-i-agenda) and the [proposal](../../2017/bpf/local-content/proposal.md).\n"
      ),
    ])
  }

  @Test func documentPageMatchesItsGoldenFile() throws {
    let site = try Self.site()
    let report = site.build()
    #expect(report.wrote, "\(report.diagnostics)")
    let page = try site.read("output/2018/reports/roadmap/index.html")
    let difference = try Fixtures.compareGolden(page, name: "roadmap-document.html")
    #expect(difference == nil, "\(difference ?? "")")
  }

  @Test func linksFromANestedPageAreRelativeAndResolve() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    let page = try site.read("output/2018/reports/roadmap/index.html")
    #expect(page.contains("href=\"../../../2017/mag/2017-03-28-virtual-meeting-2/index.html#annex-i-agenda\""))
    #expect(page.contains("href=\"../../../assets/style.css\""))
    #expect(page.contains("href=\"../../../index.html\""))
    let broken = try LinkChecker.brokenLinks(in: site.output)
    #expect(broken.isEmpty, "\(broken)")
  }

  @Test func sampleSiteChecksCleanAndEveryLinkResolves() throws {
    let layout = SiteLayout(root: SharedFiles.packageRoot)
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("igfsite-sample-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let report = SiteBuilder.build(BuildOptions(layout: layout, output: output))
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    #expect(report.wrote)
    let broken = try LinkChecker.brokenLinks(in: output)
    #expect(broken.isEmpty, "\(broken)")
  }
}
