import Foundation
import SiteBuild
import SiteMarkdown
import SiteModel
import TestSupport
import Testing

/// Documents written by many hands under deadline: each bad input gets a clear error with
/// its file and line, and the rest of the site is still checked.
@Suite struct BadInputTests {
  @Test func crlfAndByteOrderMarksBuildTheSameSiteAsLF() throws {
    let unix = try FixtureSite(InventoryFixture.files)
    #expect(unix.build().succeeded)
    var windowsFiles: [String: String?] = [:]
    for (path, text) in InventoryFixture.files {
      windowsFiles[path] = text.map { "\u{FEFF}" + $0.replacingOccurrences(of: "\n", with: "\r\n") }
    }
    for path in ["content/site.yml", "content/people.yml"] {
      windowsFiles[path] = try unix.read(path).replacingOccurrences(of: "\n", with: "\r\n")
    }
    let windows = try FixtureSite(windowsFiles)
    let report = windows.build()
    #expect(report.succeeded, "\(report.diagnostics)")
    #expect(report.diagnostics == unix.build().diagnostics.map { $0 })
    let expected = try unix.outputSnapshot()
    let actual = try windows.outputSnapshot()
    let differing = Set(expected.keys).union(actual.keys).filter { expected[$0] != actual[$0] }
    #expect(differing.isEmpty, "CRLF files changed: \(differing.sorted())")
  }

  @Test func aFiftyMegabyteDocumentIsRefusedWithTheLimitAndTheRestIsStillChecked() throws {
    let site = try FixtureSite([
      "content/2018/report.md": Documents.report(),
      "content/2018/broken.md": Documents.report().replacingOccurrences(of: "kind: report", with: "kind: reprot"),
    ])
    let huge = site.root.appendingPathComponent("content/2018/huge.md")
    FileManager.default.createFile(atPath: huge.path, contents: Data("---\n".utf8))
    let handle = try FileHandle(forWritingTo: huge)
    try handle.truncate(atOffset: 50 * 1_048_576)
    try handle.close()
    let problems = site.check()
    let tooLarge = try #require(problems.first { $0.rule.rawValue == "content.too-large" })
    #expect(tooLarge.location.file.hasSuffix("content/2018/huge.md"))
    #expect(tooLarge.message.contains("50 MB") && tooLarge.message.contains("limited to 16 MB"))
    #expect(problems.contains { $0.rule.rawValue == "front-matter.kind" && $0.location.file.hasSuffix("broken.md") })
  }

  @Test func deeplyNestedBlocksBuild() throws {
    let quotes = String(repeating: "> ", count: 5_000) + "deep\n"
    let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n") + "\n"
    let emphasis = String(repeating: "*a **a ", count: 5_000) + "\n"
    let site = try FixtureSite([
      "content/2018/quotes.md": Documents.report(title: "Quotes", body: "## Introduction\n\n" + quotes),
      "content/2018/lists.md": Documents.report(title: "Lists", body: "## Introduction\n\n" + lists),
      "content/2018/emphasis.md": Documents.report(title: "Emphasis", body: "## Introduction\n\n" + emphasis),
    ])
    let report = site.build()
    #expect(report.succeeded, "\(report.diagnostics)")
    #expect(try site.read("output/2018/quotes/index.html").contains("deep"))
  }

  /// The inputs cmark's own test suite uses to catch quadratic behaviour, at sizes where
  /// quadratic time would take minutes; `make pathological` prints their times at two sizes.
  @Test(arguments: PathologicalMarkdown.cases.map(\.name))
  func pathologicalMarkdownRenders(name: String) throws {
    let input = try #require(PathologicalMarkdown.cases.first { $0.name == name }).make(20_000)
    let renderer = MarkdownRenderer(options: MarkdownOptions(headingAnchors: true))
    let rendered = renderer.render(
      input, source: DocumentID("2018/x"), file: "x.md", rewriteLink: { target, _ in target.rawValue })
    #expect(!rendered.html.isEmpty)
  }

  @Test func aTableTooWideForCmarkIsWarnedAboutAndShownAsText() throws {
    let row = { (cell: String) in String(repeating: "|\(cell)", count: 300) + "|\n" }
    let wide = "## Introduction\n\nText.\n\n" + row("a") + row("-") + row("b")
    let narrow = "## Introduction\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    let site = try FixtureSite([
      "content/2018/wide.md": Documents.report(title: "Wide", body: wide),
      "content/2018/narrow.md": Documents.report(title: "Narrow", body: narrow),
    ])
    let report = site.build()
    #expect(report.succeeded, "\(report.diagnostics)")
    let warning = try #require(report.diagnostics.first { $0.rule.rawValue == "markdown.table-too-wide" })
    let text = try site.read("content/2018/wide.md")
    let tableLine =
      text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("|a|") }! + 1
    #expect(warning.location.file.hasSuffix("content/2018/wide.md") && warning.location.line == tableLine)
    #expect(warning.severity == .warning && warning.message.contains("301") && warning.help != nil)
    #expect(!(try site.read("output/2018/wide/index.html")).contains("<table"))
    #expect(try site.read("output/2018/narrow/index.html").contains("<table"))
  }

  @Test func documentsThatWouldCollideWithGeneratedPagesAreErrors() throws {
    let site = try FixtureSite([
      "content/2018/report.md": Documents.report(),
      "content/bpf/iot.md": Documents.report(title: "Stray"),
      "content/people/ana-gomez.md": Documents.report(title: "Stray person"),
    ])
    let collisions = site.check().filter { $0.rule.rawValue == "content.url-collision" }
    #expect(collisions.map(\.location.file).sorted().map { $0.hasSuffix(".md") } == [true, true])
    #expect(collisions.allSatisfy { $0.help?.contains("content/2018/") == true })
    #expect(!site.build().succeeded)
  }

  @Test func filesNamedWithCapitalsSpacesOrAccentsAreErrorsWithARename() throws {
    let site = try FixtureSite([
      "content/2018/Annual Report.md": Documents.report(),
      "content/2018/café.md": Documents.report(title: "Café"),
      "content/2018/fine.md": Documents.report(title: "Fine", extra: "colour: blue"),
    ])
    let problems = site.check()
    let names = problems.filter { $0.rule.rawValue == "content.file-name" }
    #expect(names.count == 2, "\(problems)")
    #expect(names.contains { $0.help?.contains("annual-report.md") == true })
    #expect(names.contains { $0.help?.contains("cafe.md") == true })
    #expect(
      problems.contains { $0.rule.rawValue == "front-matter.unknown-field" }, "the rest of the site is still checked")
  }

  @Test func anEmptyContentFolderIsAnError() throws {
    let site = try FixtureSite()
    let problems = site.check()
    #expect(problems.map(\.rule.rawValue) == ["content.empty"])
    #expect(!site.build().succeeded)
  }

  @Test func anAliasBombInFrontMatterIsRefusedQuicklyWithItsLine() throws {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<12 {
      yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let site = try FixtureSite([
      "content/2018/bomb.md": "---\nkind: report\n" + yaml + "---\nBody.\n",
      "content/2018/report.md": Documents.report(extra: "colour: blue"),
    ])
    let problems = site.check()
    let bomb = try #require(problems.first { $0.location.file.hasSuffix("bomb.md") })
    #expect(bomb.rule.rawValue == "front-matter.yaml" && bomb.location.line > 1)
    #expect(problems.contains { $0.rule.rawValue == "front-matter.unknown-field" })
  }
}

/// Markdown inputs that make naive parsers quadratic or deeper than the stack, after cmark's
/// `test/pathological_tests.py`.
enum PathologicalMarkdown {
  struct Case: Sendable {
    let name: String
    let make: @Sendable (Int) -> String
  }

  static let cases: [Case] = [
    Case(name: "nested brackets") { String(repeating: "[", count: $0) + "a" + String(repeating: "]", count: $0) },
    Case(name: "nested block quotes") { String(repeating: "> ", count: $0) + "a\n" },
    Case(name: "emphasis runs") { String(repeating: "*a **a ", count: $0) },
    Case(name: "unclosed emphasis") { String(repeating: "_a ", count: $0) },
    Case(name: "backtick runs") { (1...min($0, 2_000)).map { String(repeating: "`", count: $0) + "a" }.joined() },
    Case(name: "unclosed links") { String(repeating: "[a](b ", count: $0) },
    Case(name: "link reference definitions") { (0..<$0).map { "[r\($0)]: /u\($0)\n" }.joined() + "[r1]" },
    Case(name: "table with many columns") {
      String(repeating: "|a", count: $0) + "|\n" + String(repeating: "|-", count: $0) + "|\n"
        + String(repeating: "|b", count: $0) + "|\n"
    },
    Case(name: "nested inline links") { String(repeating: "[", count: $0) + String(repeating: "](x)", count: $0) },
    Case(name: "many autolinks") { String(repeating: "www.a.org ", count: $0) },
  ]
}
