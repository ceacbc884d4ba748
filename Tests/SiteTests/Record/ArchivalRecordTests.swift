import Foundation
import SiteModel
import TestSupport
import Testing

/// Real IGF documents published as they were written: before the templates, in prose, with
/// numbered paragraphs, dates known to the month or year, authors not named.
@Suite struct ArchivalRecordTests {
  /// Documents of several archival shapes, none of them written to a template.
  static let archive: [String: String?] = [
    // Before the modalities: no agenda, no participants, numbered paragraphs, a month only.
    "content/2016/mag/2016-09-virtual-meeting.md": """
    ---
    kind: meeting-summary
    title: MAG Virtual Meeting, September 2016
    cycle: 2016
    date: 2016-09
    meeting: {format: virtual}
    ---
    1. The MAG met online to take stock of the preparations.

    2. The Secretariat gave an update on the workshops.
    """,
    // After the templates, but submitted in prose: published as submitted.
    "content/2017/bpf/cybersecurity/proposal.md": """
    ---
    kind: bpf-proposal
    title: BPF on Cybersecurity
    cycle: 2017
    bpf: cybersecurity
    status: continuing
    submitted: unknown
    meeting: 2017/mag/2017-03-28-virtual-meeting-2
    facilitators: [ana-gomez, ben-okafor]
    timeframe: one-year
    modalities: none
    ---
    The BPF proposes to continue its work on cooperation between stakeholder groups, building
    on what it published last year, and to reach out earlier to the regions it missed.
    """,
    "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
    // A leading title equal to the front matter's, a year only, authors not named.
    "content/2020/summaries/chair-summary.md": """
    ---
    kind: chair-summary
    title: "IGF 2020: Chair's Summary"
    cycle: 2020
    published: 2020
    authors: unknown
    ---
    # IGF 2020 — Chair’s summary

    The fifteenth annual meeting was held online.
    """,
    // A document whose day is not known at all.
    "content/2020/reports/messages.md": """
    ---
    kind: report
    title: IGF 2020 Messages
    cycle: 2020
    date: unknown
    authors: unknown
    ---
    The messages of the fifteenth IGF.
    """,
  ]

  @Test func archivalDocumentsCheckCleanAndBuild() throws {
    let site = try FixtureSite(Self.archive)
    let problems = site.check()
    #expect(problems.isEmpty, "\(problems)")
    let report = site.build()
    #expect(report.succeeded, "\(report.diagnostics)")
  }

  @Test func pagesSayWhatIsKnownAndWhyTheModalitiesDoNotApply() throws {
    let site = try FixtureSite(Self.archive)
    #expect(site.build().succeeded)
    let meeting = try site.read("output/2016/mag/2016-09-virtual-meeting/index.html")
    #expect(meeting.contains(#"<time datetime="2016-09">September 2016</time>"#))
    #expect(meeting.contains("Not applicable: before the modalities were agreed (they apply from 2017)"))
    #expect(!meeting.contains("Conforms"))
    let proposal = try site.read("output/2017/bpf/cybersecurity/proposal/index.html")
    #expect(proposal.contains("Not applicable: published as submitted (modalities: none)"))
    #expect(proposal.contains("<dt>Submitted</dt>\n<dd><ul class=\"values\"><li>not known"))
    let summary = try site.read("output/2020/summaries/chair-summary/index.html")
    #expect(summary.components(separatedBy: "<h1").count == 2, "the body's own title is not shown twice")
    #expect(summary.contains(#"<time datetime="2020">2020</time>"#))
    #expect(summary.contains("<dt>Authors</dt>\n<dd><ul class=\"values\"><li>not known"))
    let messages = try site.read("output/2020/reports/messages/index.html")
    #expect(messages.contains("<dt>Date</dt><dd>not known</dd>"))
    let inventory2016 = try site.read("output/2016/index.html")
    #expect(inventory2016.contains("Not applicable: before the modalities were agreed"))
    #expect(!inventory2016.contains("class=\"conforms\""))
    let inventory2017 = try site.read("output/2017/index.html")
    #expect(inventory2017.contains("Not applicable: published as submitted"))
  }

  @Test func feedsSitemapAndDataStateNoDayTheContentLacks() throws {
    let site = try FixtureSite(Self.archive)
    #expect(site.build().succeeded)
    let everything = try site.outputSnapshot().filter { !$0.key.hasSuffix(".html") }
      .mapValues { String(decoding: $0, as: UTF8.self) }
    for (path, text) in everything {
      for invented in ["2016-09-01", "2020-01-01", "2016-01-01", "2017-01-01"] {
        #expect(!text.contains(invented), "\(path) states \(invented)")
      }
    }
    let sitemap = try site.read("output/sitemap.xml")
    #expect(sitemap.contains("<loc>https://example.org/igf/2016/mag/2016-09-virtual-meeting/</loc></url>"))
    #expect(sitemap.contains("<lastmod>2017-03-28</lastmod>"))
    let feed = try site.read("output/feed.xml")
    #expect(feed.contains("Date: September 2016, not known to the day."))
    #expect(feed.contains("Date: not known."))
    // Atom needs a day: the file's last modification, which is today for a fixture.
    let today = CalendarDate(utc: Date())
    #expect(feed.contains("<updated>\(today.rfc3339)</updated>"))
    #expect(feed.contains("<published>2017-03-28T00:00:00Z</published>"))
    let json = try site.read("output/2016/inventory.json")
    #expect(json.contains(#""date": "2016-09""#))
    let reports = try site.read("output/2020/inventory.json")
    #expect(reports.contains(#""date": "unknown""#))
    #expect(reports.contains(#""published": "2020""#))
    #expect(
      reports.contains(#""reason": "the modalities set no template or rules for this kind of document (Report)""#))
    #expect(
      reports.contains(
        #""reason": "the modalities set no template or rules for this kind of document (Chair's summary)""#))
    let csv = try site.read("output/2020/inventory.csv")
    #expect(csv.contains(",unknown,"))
    let home = try site.read("output/index.html")
    #expect(home.contains("date not known"))
    #expect(home.contains(#"<time datetime="2020">2020</time>"#))
  }

  @Test func inventoriesAndFeedsAreChronological() throws {
    var files: [String: String?] = [:]
    // Written in title order; published in date order.
    for (name, date) in [
      ("a", "2016-08-30"), ("b", "2016-11-08"), ("c", "2016-09-13"), ("d", "2016-09-27"), ("e", "2016-09"),
    ] {
      files["content/2016/mag/\(name).md"] = """
        ---
        kind: meeting-summary
        title: Meeting \(name)
        cycle: 2016
        date: \(date)
        meeting: {format: virtual}
        ---
        Text.
        """
    }
    let site = try FixtureSite(files)
    #expect(site.build().succeeded)
    let expected = ["a", "e", "c", "d", "b"]
    func order(_ text: String, _ marker: (String) -> String) -> [String] {
      expected.sorted {
        (text.range(of: marker($0))?.lowerBound ?? text.endIndex)
          < (text.range(of: marker($1))?.lowerBound ?? text.endIndex)
      }
    }
    let page = try site.read("output/2016/index.html")
    #expect(order(page) { ">Meeting \($0)</a></h4>" } == expected)
    let json = try site.read("output/2016/inventory.json")
    #expect(order(json) { "\"title\": \"Meeting \($0)\"" } == expected)
    let csv = try site.read("output/2016/inventory.csv")
    #expect(order(csv) { ",Meeting \($0)," } == expected)
    let feed = try site.read("output/2016/feed.xml")
    #expect(order(feed) { "<title>Meeting \($0)</title>" } == expected.reversed())
  }

  @Test func seriesAreNamedInDataAndOrderedByCycleThenDate() throws {
    let site = try FixtureSite([
      "content/series.yml": """
      bpf:
        cybersecurity: {name: Best Practice Forum on Cybersecurity, description: The BPF on cybersecurity.}
      """,
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2017/bpf/cybersecurity/proposal.md": Documents.bpfProposal(bpf: "cybersecurity"),
      "content/2017/bpf/cybersecurity/output.md": """
      ---
      kind: bpf-output
      title: "BPF on Cybersecurity: 2017 draft output"
      cycle: 2017
      bpf: cybersecurity
      status: draft
      published: 2017-11
      ---
      ## Executive summary

      Text.
      """,
      "content/2016/bpf/cybersecurity/report.md": """
      ---
      kind: bpf-report
      title: A 2016 report
      cycle: 2016
      bpf: cybersecurity
      ---
      Text.
      """,
      "content/2017/bpf/iot/proposal.md": Documents.bpfProposal(bpf: "iot"),
    ])
    let problems = site.check()
    let unnamed = problems.filter { $0.rule.rawValue == "series.unnamed" }
    #expect(
      unnamed.map(\.message) == [#"the Best Practice Forum "iot" has no name in series.yml; its pages call it "Iot""#])
    #expect(unnamed.first?.help == #"add "iot: {name: …, description: …}" under "bpf:" in content/series.yml"#)
    #expect(unnamed.first?.location.line == 5)
    #expect(site.build().succeeded)
    let seriesPage = try site.read("output/bpf/cybersecurity/index.html")
    #expect(seriesPage.contains("<h1>Best Practice Forum on Cybersecurity</h1>"))
    #expect(seriesPage.contains("The BPF on cybersecurity."))
    let proposal = try site.read("output/2017/bpf/cybersecurity/proposal/index.html")
    #expect(
      proposal.contains(
        "Part of <a href=\"../../../../bpf/cybersecurity/index.html\">Best Practice Forum on Cybersecurity</a> (Best Practice Forum)."
      ))
    // The proposal (submitted 1 March) comes before the output (November), after 2016's report.
    #expect(
      proposal.contains(
        "Previous: <a href=\"../../../../2016/bpf/cybersecurity/report/index.html\" rel=\"prev\">A 2016 report</a>"))
    #expect(proposal.contains("Next: <a href=\"../../../../2017/bpf/cybersecurity/output/index.html\" rel=\"next\">"))
    let iot = try site.read("output/bpf/iot/index.html")
    #expect(iot.contains("<h1>Iot</h1>"))
    #expect(iot.contains("has no name in <code>content/series.yml</code>"))
  }
}
