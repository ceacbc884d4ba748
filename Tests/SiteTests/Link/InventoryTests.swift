import Foundation
import SiteBuild
import SiteModel
import TestSupport
import Testing

@testable import SiteRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct InventoryTests {
  static func builtSite(drafts: Bool = false) throws -> FixtureSite {
    let site = try FixtureSite(InventoryFixture.files)
    let report = site.build(drafts: drafts)
    #expect(report.wrote, "\(report.diagnostics)")
    #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
    return site
  }

  @Test func inventoryJSONMatchesItsGoldenFile() throws {
    let site = try Self.builtSite()
    let difference = try Fixtures.compareGolden(
      try site.read("output/2017/inventory.json"), name: "inventory-2017.json")
    #expect(difference == nil, "\(difference ?? "")")
  }

  /// A build encodes each cycle once, for the site file, and moves it out a level for the
  /// cycle's own file: the bytes must be those of encoding the cycle on its own.
  @Test func aCycleFileMovedOutOfTheSiteFileIsTheCycleEncodedOnItsOwn() throws {
    let site = try FixtureSite(InventoryFixture.files)
    let linked = try #require(SitePipeline.load(site.options()).1)
    let cycle = try #require(linked.cycles.max { $0.items.count < $1.items.count })
    #expect(cycle.items.count > 2)
    let alone = InventoryData(site: linked).cycleFile(cycle)
    let shared = InventoryData(site: linked, cache: RenderCache()).cycleFile(cycle)
    #expect(shared == alone)
  }

  @Test func inventoryPageMatchesItsGoldenFile() throws {
    let site = try Self.builtSite()
    let difference = try Fixtures.compareGolden(try site.read("output/2017/index.html"), name: "inventory-2017.html")
    #expect(difference == nil, "\(difference ?? "")")
  }

  @Test func needsFurtherAttentionListsWhatTheReportAsksFor() throws {
    let site = try Self.builtSite()
    let data =
      try JSONSerialization.jsonObject(with: Data(try site.read("output/2017/inventory.json").utf8)) as? [String: Any]
    let cycle = try #require(data?["cycle"] as? [String: Any])
    let attention = try #require(cycle["attention"] as? [[String: String]])
    let pairs = Set(attention.map { "\($0["reason"] ?? "") \($0["id"] ?? "")" })
    #expect(pairs.contains("no-final-output 2017/bpf/cybersecurity/proposal"))
    #expect(pairs.contains("no-final-output 2017/bpf/local-content/proposal"))
    #expect(!pairs.contains("no-final-output 2017/bpf/iot/proposal"), "a withdrawn BPF needs no output")
    #expect(pairs.contains("pending 2017/wg/funding"))
    #expect(pairs.contains("pending 2017/bpf/local-content/proposal"))
    #expect(pairs.contains("warnings 2017/bpf/local-content/proposal"))
    #expect(pairs.contains("not-renewed 2017/wg/funding"), "2018 exists and has no funding group")
    #expect(!pairs.contains { $0.hasSuffix("remote-participation/proposal") }, "drafts are not published")
  }

  @Test func backlinksAndSeriesLinkBothWays() throws {
    let site = try Self.builtSite()
    let proposal = try site.read("output/2017/bpf/cybersecurity/proposal/index.html")
    // Referenced by the report and the meeting; continues the 2016 report's series.
    #expect(proposal.contains("href=\"../../../../2018/reports/roadmap/index.html\""))
    #expect(proposal.contains("href=\"../../../../2017/mag/2017-03-28-virtual-meeting-2/index.html\""))
    #expect(proposal.contains("rel=\"prev\">BPF on Cybersecurity: 2016 work report</a>"))
    #expect(proposal.contains("href=\"../../../../people/ana-gomez/index.html\""))
    let series = try site.read("output/bpf/cybersecurity/index.html")
    #expect(series.contains("<h2><a href=\"../../2016/index.html\">2016</a></h2>"))
    #expect(series.contains("href=\"../../2017/bpf/cybersecurity/output/index.html\""))
    let person = try site.read("output/people/ana-gomez/index.html")
    #expect(person.contains("Co-facilitator: <a href=\"../../2017/bpf/cybersecurity/proposal/index.html\">"))
    #expect(person.contains("Chair: <a href=\"../../2017/mag/2017-03-28-virtual-meeting-2/index.html\">"))
    let theme = try site.read("output/themes/cybersecurity/index.html")
    #expect(theme.contains("A roadmap for 2018"))
  }

  @Test func feedsAreAtomWithAbsoluteURLsAndNoBuildTime() throws {
    let site = try Self.builtSite()
    let feed = try site.read("output/feed.xml")
    #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
    #expect(
      feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/igf/feed.xml\"/>"))
    #expect(feed.contains("<updated>2018-02-10T00:00:00Z</updated>"))
    #expect(feed.contains("<id>https://example.org/igf/2018/reports/roadmap/</id>"))
    let cycleFeed = try site.read("output/2017/feed.xml")
    #expect(cycleFeed.contains("<entry>"))
    #expect(!cycleFeed.contains("2018/reports"))
    let parsed = try XMLDocument(xmlString: feed)
    #expect(parsed.rootElement()?.name == "feed")
    #expect(parsed.rootElement()?.elements(forName: "entry").count == 10)
  }

  @Test func sitemapAndRobotsUseTheBaseURL() throws {
    let site = try Self.builtSite()
    let sitemap = try site.read("output/sitemap.xml")
    #expect(sitemap.contains("<loc>https://example.org/igf/2017/</loc>"))
    #expect(sitemap.contains("<loc>https://example.org/igf/</loc>"))
    #expect(!sitemap.contains("404"))
    #expect(try site.read("output/robots.txt").contains("Sitemap: https://example.org/igf/sitemap.xml"))
  }

  /// A cycle of more than `PagePlan.inventoryItemsPerPage` items lists its kinds and links
  /// to their pages, 150 items to a page; every page stays light.
  @Test func aLongInventoryIsSplitByKind() throws {
    var files = InventoryFixture.files
    for number in 0..<170 {
      files["content/2018/reports/report-\(number).md"] = Documents.report(title: "Report \(number)")
    }
    files["content/2018/kinds/stray.md"] = Documents.report(title: "Stray")
    let site = try FixtureSite(files)
    let collision = site.check().filter { $0.rule == .contentURLCollision }
    #expect(collision.count == 1 && collision[0].message.contains("2018/kinds/"), "\(collision)")
    try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/2018/kinds/stray.md"))
    #expect(site.build().wrote)
    let cycle = try site.read("output/2018/index.html")
    #expect(!cycle.contains("Report 12</a></h4>"), "the items are on the kind's pages")
    #expect(cycle.contains("<a href=\"../2018/kinds/report/index.html\">Report 1–150</a>"))
    #expect(cycle.contains("<a href=\"../2018/kinds/report/2/index.html\">Report 151–171</a>"))
    let first = try site.read("output/2018/kinds/report/index.html")
    let second = try site.read("output/2018/kinds/report/2/index.html")
    #expect(first.components(separatedBy: "<article class=\"item\">").count - 1 == 150)
    #expect(second.components(separatedBy: "<article class=\"item\">").count - 1 == 21)
    #expect(second.contains("<span aria-current=\"page\">Report 151–171</span>"))
    #expect(try site.read("output/sitemap.xml").contains("2018/kinds/report/2/</loc>"))
    #expect(try !site.read("output/2017/index.html").contains("kinds/"), "a short inventory is one page")
  }

  @Test func searchPageOffersTheInventorysFilters() throws {
    let site = try Self.builtSite()
    let page = try site.read("output/search/index.html")
    #expect(page.contains("<option value=\"2017\">2017</option>"))
    #expect(page.contains("<option>BPF proposal</option>"))
    #expect(page.contains("<option>Cybersecurity</option>"))
    #expect(site.exists("output/search/index.js") && site.exists("output/assets/search.js"))
  }

  @Test func documentPagesCarryJSONLDAndOpenGraphSafely() throws {
    let site = try Self.builtSite()
    let page = try site.read("output/2018/reports/roadmap/index.html")
    #expect(page.contains("<meta property=\"og:title\" content=\"A roadmap for 2018\">"))
    #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/igf/2018/reports/roadmap/\">"))
    let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
    let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
    let json = String(page[start.upperBound..<end.lowerBound])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["@type"] as? String == "Report")
    #expect(object["name"] as? String == "A roadmap for 2018")
    #expect((object["author"] as? [[String: Any]])?.first?["name"] as? String == "Eva Berg")
    // The recommendation's "</script>" is escaped in the page, never raw.
    #expect(page.contains("Connect the dots &lt;/script&gt;&lt;b&gt;"))
    let meeting = try site.read("output/2017/mag/2017-03-28-virtual-meeting-2/index.html")
    #expect(meeting.contains("\"eventAttendanceMode\":\"https://schema.org/OnlineEventAttendanceMode\""))
  }

  @Test func csvNeutralisesFormulas() {
    #expect(InventoryCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    #expect(InventoryCSV.cell("+1") == "'+1")
    #expect(InventoryCSV.cell("-2") == "'-2")
    #expect(InventoryCSV.cell("@SUM(A1)") == "'@SUM(A1)")
    #expect(InventoryCSV.cell("plain, text") == "\"plain, text\"")
  }

  @Test func draftsArePublishedOnlyWhenAsked() throws {
    let hidden = try Self.builtSite()
    #expect(!hidden.exists("output/2017/bpf/remote-participation/proposal/index.html"))
    let shown = try Self.builtSite(drafts: true)
    let page = try shown.read("output/2017/bpf/remote-participation/proposal/index.html")
    #expect(page.contains("banner-draft"))
  }
}
