import Foundation
import SiteModel
import TestSupport
import Testing

/// The `igfsite` command as a user runs it: output, exit statuses, files.
@Suite(.enabled(if: CommandRunner.executable != nil, "the igfsite executable was not built"))
struct CommandLineTests {
  static func site() throws -> FixtureSite {
    try FixtureSite([
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(),
    ])
  }

  @Test func buildPrintsTheSummaryAndExitsZero() throws {
    let site = try Self.site()
    let result = try CommandRunner.run(["build", "--site", site.root.path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.hasPrefix("Built 2 documents: "))
    #expect(result.output.contains("0 warnings, 0 errors in "))
    #expect(site.exists("output/2017/bpf/local-content/proposal/index.html"))
  }

  /// `IGFSITE_TIMINGS=1` prints every stage's wall and processor time to stderr, and
  /// nothing of it without the variable.
  @Test func timingsPrintEachStageWithItsProcessorTime() throws {
    let site = try Self.site()
    let timed = try CommandRunner.run(
      ["build", "--site", site.root.path, "--no-cache"], environment: ["IGFSITE_TIMINGS": "1"])
    #expect(timed.status == 0, "\(timed.error)")
    for stage in ["read", "parse", "link", "templates (waited for)", "render and write"] {
      #expect(
        timed.error.contains(
          try Regex(
            "  \(NSRegularExpression.escapedPattern(for: stage)) +[0-9.]+ s  \\([0-9.]+ s of processor time\\)\n")),
        "no line for \(stage) in \(timed.error)")
    }
    let plain = try CommandRunner.run(["build", "--site", site.root.path, "--no-cache"])
    #expect(!plain.error.contains("processor time"))
  }

  @Test func checkExitsOneOnErrorsAndPrintsThemLikeACompiler() throws {
    let site = try Self.site()
    try site.write(Documents.bpfProposal(submitted: "2017-03-20"), to: "content/2017/bpf/local-content/proposal.md")
    let result = try CommandRunner.run(["check"], in: site.root)
    #expect(result.status == 1)
    #expect(
      result.output.contains(
        "content/2017/bpf/local-content/proposal.md:7:12: error: submitted on 2017-03-20, 8 days before the MAG meeting of 2017-03-28"
      ))
    #expect(result.output.contains(" 7 | submitted: 2017-03-20\n   |            ^\n"))
    #expect(result.output.contains("[bpf-proposal.submission-deadline]"))
    #expect(result.output.hasSuffix("1 error and 0 warnings in 1 file\n"))
  }

  @Test func checkWritesJSON() throws {
    let site = try Self.site()
    try site.write(Documents.bpfProposal(words: 200), to: "content/2017/bpf/local-content/proposal.md")
    let result = try CommandRunner.run(["check", "--format", "json", "--site", site.root.path])
    #expect(result.status == 0)
    let items = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    let item = try #require(items.first)
    #expect(Array(item.keys).sorted() == ["column", "file", "help", "line", "message", "rule", "severity"])
    #expect(item["rule"] as? String == "bpf-proposal.length")
    #expect(item["severity"] as? String == "warning")
    #expect((item["file"] as? String)?.hasSuffix("content/2017/bpf/local-content/proposal.md") == true)
  }

  @Test func strictTurnsWarningsIntoFailure() throws {
    let site = try Self.site()
    try site.write(Documents.bpfProposal(words: 200), to: "content/2017/bpf/local-content/proposal.md")
    #expect(try CommandRunner.run(["check", "--site", site.root.path]).status == 0)
    #expect(try CommandRunner.run(["check", "--strict", "--site", site.root.path]).status == 1)
    let build = try CommandRunner.run(["build", "--strict", "--site", site.root.path])
    #expect(build.status == 1)
    #expect(!site.exists("output/index.html"))
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try CommandRunner.run(["check", "--format", "xml"]).status == 2)
    #expect(try CommandRunner.run(["build", "--base-url", "example.org"]).status == 2)
    #expect(try CommandRunner.run(["frobnicate"]).status == 2)
  }

  @Test func unwritableOutputExitsThree() throws {
    let site = try Self.site()
    try site.write("not mine", to: "elsewhere/notes.txt")
    let result = try CommandRunner.run([
      "build", "--site", site.root.path, "--output", site.root.appendingPathComponent("elsewhere").path,
    ])
    #expect(result.status == 3)
    #expect(result.error.contains("[output.unsafe]"))
  }

  @Test func markdownPrintsTheBodyHTML() throws {
    let site = try Self.site()
    try site.write("---\ntitle: x\n---\n# Title\n\nSome *text* and <b>html</b>.\n", to: "page.md")
    let safe = try CommandRunner.run(["markdown", site.root.appendingPathComponent("page.md").path])
    #expect(
      safe.output
        == "<h1>Title</h1>\n<p>Some <em>text</em> and <!-- raw HTML omitted -->html<!-- raw HTML omitted -->.</p>\n")
    let unsafe = try CommandRunner.run([
      "markdown", "--unsafe", "--anchors", site.root.appendingPathComponent("page.md").path,
    ])
    #expect(
      unsafe.output
        == "<h1 id=\"title\">Title</h1>\n<p><span class=\"para-target\" id=\"p1\"></span>Some <em>text</em> and <b>html</b>. "
        + "<a class=\"para-link\" href=\"#p1\" aria-label=\"Link to this paragraph\">¶</a></p>\n")
  }

  @Test func markdownWarnsOfATableTooWideWithItsFileLine() throws {
    let site = try Self.site()
    let row = String(repeating: "|a", count: 300) + "|\n"
    try site.write(
      "---\ntitle: x\n---\n# Title\n\n" + row + row.replacingOccurrences(of: "a", with: "-"), to: "wide.md")
    let path = site.root.appendingPathComponent("wide.md").path
    let asSite = try CommandRunner.run(["markdown", "--anchors", path])
    #expect(asSite.status == 0 && !asSite.output.contains("<table"))
    #expect(
      asSite.error
        == "\(path):6: warning: line has 301 \"|\" characters; tables wider than 256 columns are not rendered as tables, so this document's tables show as plain text\n"
    )
    let asCmark = try CommandRunner.run(["markdown", path])
    #expect(asCmark.output.contains("<table") && asCmark.error.isEmpty, "without --anchors the output is cmark-gfm's")
  }

  @Test func newStartsADocumentThatChecksCleanButForWhatIsLeftToWrite() throws {
    let site = try Self.site()
    let created = try CommandRunner.run([
      "new", "bpf-proposal", "2017/bpf/iot/proposal", "--title", "BPF on IoT", "--site", site.root.path,
    ])
    #expect(created.status == 0, "\(created.error)")
    #expect(created.output.contains("Created "))
    #expect(created.output.contains("fill in: submitted, meeting, facilitators"))
    let text = try site.read("content/2017/bpf/iot/proposal.md")
    #expect(text.hasPrefix("---\nkind: bpf-proposal\ntitle: BPF on IoT\ncycle: 2017\nbpf: iot\nstatus: proposed\n"))
    #expect(text.contains("\n## Expected Output(s)\n"))
    let problems = site.check().filter { $0.location.file.hasSuffix("iot/proposal.md") }
    let allowed: Set<String> = ["front-matter.missing-field", "content.placeholder", "bpf-proposal.length"]
    #expect(problems.allSatisfy { allowed.contains($0.rule.rawValue) }, "\(problems)")
    #expect(
      problems.filter { $0.rule.rawValue == "front-matter.missing-field" }.map(\.message).sorted() == [
        "the field \"facilitators\" is empty", "the field \"meeting\" is empty", "the field \"submitted\" is empty",
      ])
    #expect(problems.count(where: { $0.rule.rawValue == "content.placeholder" }) == 6)

    let again = try CommandRunner.run(["new", "bpf-proposal", "2017/bpf/iot/proposal", "--site", site.root.path])
    #expect(again.status == 2)
    #expect(again.error.contains("already exists"))
    #expect(try site.read("content/2017/bpf/iot/proposal.md") == text)

    let unknown = try CommandRunner.run(["new", "bpf-propsal", "2017/bpf/x/proposal", "--site", site.root.path])
    #expect(unknown.status == 2)
    #expect(unknown.error.contains("did you mean \"bpf-proposal\"?"))
  }
}
