import Foundation
import SiteModel
import TestSupport
import Testing

/// The command line on the real record: messages as a pasted-in archival text produces
/// them, `new cycle`, and `new --from`.
@Suite(.enabled(if: CommandRunner.executable != nil, "the igfsite executable was not built"))
struct RecordCommandTests {
  /// A proposal pasted in as one long paragraph: every section is missing at its end.
  static let proseProposal = """
    ---
    kind: bpf-proposal
    title: BPF on Local Content
    cycle: 2017
    bpf: local-content
    status: proposed
    submitted: 2017-03-01
    meeting: 2017/mag/2017-03-28-virtual-meeting-2
    facilitators: [ana-gomez, ben-okafor]
    timeframe: one-year
    ---
    \(Array(repeating: "The forum would gather local content practices", count: 150).joined(separator: " ")).
    """

  @Test func missingSectionsComeInTemplateOrderWithOneExcerptAndAReadableCaret() throws {
    let site = try FixtureSite([
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2017/bpf/local-content/proposal.md": Self.proseProposal,
    ])
    let result = try CommandRunner.run(["check"], in: site.root)
    let missing = result.output.split(separator: "\n").filter { $0.contains("[bpf-proposal.sections]") }
    #expect(
      missing.map { $0.components(separatedBy: "section \"")[1].components(separatedBy: "\"")[0] } == [
        "Proposed Theme/Issue", "Objectives/Goals", "Expected Output(s)", "Outreach and Dissemination Plan/Strategy",
        "Timeframe",
        "Names of Co-Facilitator(s)",
      ])
    #expect(
      result.output.components(separatedBy: " 12 | ").count == 2, "the long line is quoted once:\n\(result.output)")
    let excerpt = try #require(result.output.split(separator: "\n").first { $0.hasPrefix(" 12 | ") })
    #expect(excerpt.count < 120, "a window of the long line, not all \(excerpt.count) characters")
  }

  @Test func aCaretFarIntoALongLineLandsInsideItsExcerpt() {
    let line = String(repeating: "a", count: 954) + "X" + String(repeating: "b", count: 500)
    let text = DiagnosticReport.text(
      [Diagnostic(.error, .kind("test", "rule"), "here", at: SourceLocation(file: "f.md", line: 3, column: 955))],
      sourceLine: { _, _ in line })
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let excerpt = try? #require(lines.first { $0.hasPrefix(" 3 | ") })
    let caret = try? #require(lines.first { $0.hasSuffix("^") })
    #expect(excerpt?.hasPrefix(" 3 | …") == true && excerpt?.hasSuffix("…") == true)
    if let excerpt, let caret {
      let position = caret.count - 1
      #expect(Array(excerpt)[position] == "X", "\(excerpt)\n\(caret)")
    }
  }

  @Test func publishedPagesNameFilesRelativeToTheSite() throws {
    let site = try FixtureSite([
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(words: 200),
    ])
    let result = try CommandRunner.run(["build", "--site", site.root.path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains(site.root.path), "the terminal names files as given")
    let page = try site.read("output/2017/bpf/local-content/proposal/index.html")
    #expect(page.contains("content/2017/bpf/local-content/proposal.md:"))
    for file in try site.outputSnapshot().values {
      #expect(!String(decoding: file, as: UTF8.self).contains(site.root.path))
    }
  }

  @Test func fieldLabelsComeFromTheSchema() throws {
    let site = try FixtureSite([
      "content/2018/reports/r.md":
        "---\nkind: report\ntitle: R\ncycle: 2018\nauthors: unknown\nurl: https://example.org/r\n---\nText.\n"
    ])
    #expect(site.build().succeeded)
    #expect(try site.read("output/2018/reports/r/index.html").contains("<dt>URL</dt>"))
  }

  @Test func aFileWithoutFrontMatterIsPointedToFrom() throws {
    let site = try FixtureSite(["content/2018/reports/pasted.md": "# A pasted report\n\nText.\n"])
    let problem = try #require(site.check().first { $0.rule.rawValue == "front-matter.missing" })
    #expect(problem.message == "the document has no front matter")
    #expect(problem.help?.contains("igfsite new KIND PATH --from FILE") == true)
  }

  @Test func newCycleWritesTheCyclesOwnFile() throws {
    let site = try FixtureSite(["content/2017/mag/m.md": Documents.meetingSummary()])
    let result = try CommandRunner.run(["new", "cycle", "2019", "--site", site.root.path])
    #expect(result.status == 0, "\(result.error)")
    #expect(site.exists("content/2019/_cycle.md"))
    #expect(!site.exists("content/2019.md"))
    #expect(try site.read("content/2019/_cycle.md").hasPrefix("---\nkind: cycle\ntitle: IGF 2019\ncycle: 2019\n"))
    #expect(site.build().succeeded)
  }

  @Test func newFromAMarkdownFileKeepsItsTextAsItIs() throws {
    let site = try FixtureSite(["content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary()])
    let body = "The BPF would gather practices.\n\n1. First numbered paragraph, *as written*.\n\n2. Second.\n"
    try site.write("\n# BPF on Local Content\n\n" + body, to: "incoming/proposal.md")
    let result = try CommandRunner.run(
      [
        "new", "bpf-proposal", "2017/bpf/local-content/proposal", "--from",
        site.root.appendingPathComponent("incoming/proposal.md").path,
        "--site", site.root.path,
      ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("fill in: submitted, meeting, facilitators"))
    #expect(result.output.contains("the text has no heading for: Proposed Theme/Issue; Objectives/Goals"))
    #expect(result.output.contains("add \"modalities: none\""))
    let text = try site.read("content/2017/bpf/local-content/proposal.md")
    #expect(text.hasPrefix("---\nkind: bpf-proposal\ntitle: BPF on Local Content\ncycle: 2017\n"))
    #expect(text.hasSuffix("\n---\n" + body), "the body byte for byte, without its title line")
  }

  @Test(.enabled(if: RecordCommandTests.pandocIsInstalled, "pandoc is not installed"))
  func newFromAWordFileGoesThroughPandoc() throws {
    let site = try FixtureSite(["content/2017/mag/m.md": Documents.meetingSummary()])
    try site.write("# IGF 2020 Messages\n\nThe messages of the *fifteenth* IGF.\n", to: "incoming/messages.md")
    let convert = Process()
    convert.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    convert.arguments = [
      "pandoc", "-o", site.root.appendingPathComponent("incoming/messages.docx").path,
      site.root.appendingPathComponent("incoming/messages.md").path,
    ]
    try convert.run()
    convert.waitUntilExit()
    let result = try CommandRunner.run(
      [
        "new", "report", "2020/reports/messages", "--from",
        site.root.appendingPathComponent("incoming/messages.docx").path,
        "--site", site.root.path,
      ])
    #expect(result.status == 0, "\(result.error)")
    let text = try site.read("content/2020/reports/messages.md")
    #expect(text.contains("title: IGF 2020 Messages\n"))
    #expect(text.contains("The messages of the *fifteenth* IGF."))
  }

  @Test func aWordFileWithoutPandocSaysSo() throws {
    let site = try FixtureSite(["content/2017/mag/m.md": Documents.meetingSummary()])
    try site.write("not really Word", to: "incoming/messages.docx")
    let result = try CommandRunner.run(
      [
        "new", "report", "2020/reports/messages", "--from",
        site.root.appendingPathComponent("incoming/messages.docx").path,
        "--site", site.root.path,
      ], environment: ["PATH": "/nonexistent"])
    #expect(result.status == 2)
    #expect(result.error.contains("reading a Word file needs pandoc, which is not installed"))
    #expect(!site.exists("content/2020/reports/messages.md"))
  }

  static var pandocIsInstalled: Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/pandoc")
    }
  }
}

/// `igfsite check --rules`: every check of the schema, its severity, cycles and source.
@Suite(.enabled(if: CommandRunner.executable != nil, "the igfsite executable was not built"))
struct RuleListTests {
  @Test func theRulesAreListedWithTheirCyclesAndSources() throws {
    let site = try FixtureSite(["content/2017/mag/m.md": Documents.meetingSummary()])
    let result = try CommandRunner.run(["check", "--rules"], in: site.root)
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("front-matter.missing-field") == true)
    let deadline = try #require(lines.first { $0.hasPrefix("bpf-proposal.submission-deadline ") })
    #expect(deadline.contains(" error ") && deadline.contains(" from 2017 "))
    #expect(deadline.hasSuffix(#"— Annex II, "no less than 3 weeks before""#))
    #expect(lines.contains { $0.hasPrefix("pn-output") } == false, "a kind without modalities has no rule")
    let stale = try #require(lines.first { $0.hasPrefix("translation.out-of-date ") })
    #expect(stale.contains(" warning ") && stale.contains("source_version"))
    #expect(lines.contains { $0.hasPrefix("translation.fact ") })
  }

  @Test func aChangedRuleListsBothVersionsAsJSON() throws {
    let site = try FixtureSite([
      "content/modalities.yml": try RecordRulesTests.schemaWithTwoDeadlines(),
      "content/2017/mag/m.md": Documents.meetingSummary(),
    ])
    let result = try CommandRunner.run(["check", "--rules", "--format", "json"], in: site.root)
    let rules = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    let deadlines = rules.filter { $0["id"] as? String == "bpf-proposal.submission-deadline" }
    #expect(deadlines.map { $0["from"] as? Int } == [2017, 2020])
    #expect(deadlines.map { $0["until"] as? Int } == [2019, nil])
  }
}

/// What `new --from` says when the file cannot be brought in.
@Suite(.enabled(if: CommandRunner.executable != nil, "the igfsite executable was not built"))
struct ImportMessageTests {
  @Test(
    arguments: [
      ("old.doc", "not Word 97", "is an old Word .doc file; save it as .docx (or as Markdown) and try again"),
      (
        "framed.md", "---\ntitle: x\n---\nText.\n",
        "already has front matter; copy it into content/ as it is instead of using --from"
      ),
      ("missing.md", nil, "does not exist; --from takes a Markdown (.md) or Word (.docx) file"),
    ] as [(String, String?, String)])
  func aFileThatCannotBeBroughtInIsExplained(name: String, text: String?, message: String) throws {
    let site = try FixtureSite(["content/2017/mag/m.md": Documents.meetingSummary()])
    if let text { try site.write(text, to: "incoming/\(name)") }
    let result = try CommandRunner.run(
      [
        "new", "report", "2020/reports/x", "--from", site.root.appendingPathComponent("incoming/\(name)").path,
        "--site", site.root.path,
      ])
    #expect(result.status == 2)
    #expect(result.error.contains(message), "\(result.error)")
    #expect(!site.exists("content/2020/reports/x.md"))
  }
}
