import Foundation
import SiteBuild
import SiteFuzz
import SiteMarkdown
import SiteModel
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Documents written by many hands are published on the IGF's site: whatever a document, a
/// person's entry or the site settings hold, nothing in them runs in a reader's browser,
/// escapes its context in a page, feed, JSON file or spreadsheet, or reads a file outside
/// `content/`.
@Suite struct HostileInputTests {
  static let script = "<script>alert(1)</script>"
  static let attribute = "\"'><img src=x onerror=alert(2)>"
  static let endOfJSONLD = "</script><script>alert(3)</script>"
  static let template = "{{site.title}}{{{site.title}}}"
  static let payloads = [script, attribute, endOfJSONLD, template]

  /// A YAML double-quoted scalar holding `text` exactly.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  static let scriptLinks = """
    ## Introduction

    [plain](javascript:alert(1)) [upper](JaVaScRiPt:alert(1)) [entity](java&#115;cript:alert(1))
    [colon](javascript&colon;alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=)
    ![image](data:image/svg+xml;base64,PHN2Zz4=) [reference][r] <javascript:alert(1)>
    [safe](https://example.org/ok)

    [r]: JAVASCRIPT:alert(1)

    <script>alert(4)</script>

    <a href="javascript:alert(5)">raw</a> and <b>bold</b>.

    """

  static func hostileSite(unsafeHTML: Bool = false) throws -> FixtureSite {
    var people = try #require(FixtureSite.defaultFiles["content/people.yml"])
    people = people.replacingOccurrences(of: "name: Eva Berg", with: "name: \(quoted("Eva " + attribute))")
    people = people.replacingOccurrences(
      of: "affiliation: University of Example", with: "affiliation: \(quoted(script))")
    return try FixtureSite([
      "content/site.yml": """
      title: \(quoted("Inventory " + endOfJSONLD))
      description: \(quoted(attribute))
      base_url: https://example.org/igf/
      language: en
      publisher: \(quoted(script))
      unsafe_html: \(unsafeHTML)
      """,
      "content/people.yml": people,
      "content/2018/reports/hostile.md": Documents.report(
        title: quoted("Report " + endOfJSONLD + attribute + template),
        extra: """
          summary: \(quoted(script + template))
          themes: [\(quoted(attribute)), \(quoted(script))]
          publisher: \(quoted(endOfJSONLD))
          recommendations:
            - {id: rec-1, text: \(quoted(endOfJSONLD + template))}
          """,
        body: scriptLinks),
      "content/2018/reports/formulas.md": Documents.report(
        title: quoted("=HYPERLINK(\"https://evil.example\",\"x\")"), extra: "themes: [\(quoted("-2+3"))]"),
      "content/2018/reports/at.md": Documents.report(title: quoted("@SUM(A1:A9)")),
      "content/2018/reports/plus.md": Documents.report(title: quoted("+1+cmd|' /C calc'!A0")),
    ])
  }

  @Test func frontMatterPayloadsAreEscapedInEveryOutputFile() throws {
    let site = try Self.hostileSite()
    let report = site.build()
    #expect(report.succeeded, "\(report.diagnostics)")
    let files = try site.outputSnapshot()
    #expect(files.count > 10)
    for (path, data) in files {
      // A CSV file is text for spreadsheets, which the formula test covers.
      if path.hasSuffix(".csv") { continue }
      let text = String(decoding: data, as: UTF8.self)
      for payload in [Self.script, Self.attribute, "<script>alert(3)", "<img src=x"] {
        #expect(!text.contains(payload), "\(path) holds the raw payload \(payload)")
      }
      if path.hasSuffix(".html") { try Self.expectOnlyOurScripts(text, path: path) }
      if path.hasSuffix(".json") {
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is not JSON")
      }
      #if canImport(FoundationXML)
        if path.hasSuffix(".xml") {
          let parser = XMLParser(data: data)
          #expect(parser.parse(), "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
        }
      #endif
    }
    // The titles survive as text: escaped, not dropped.
    let page = try site.read("output/2018/reports/hostile/index.html")
    #expect(page.contains("Report &lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;&quot;&#39;&gt;&lt;img"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(site.read("output/2018/inventory.json").utf8)) as? [String: Any])
    let items = try #require((json["cycle"] as? [String: Any])?["items"] as? [[String: Any]])
    #expect(
      items.contains { ($0["title"] as? String) == "Report " + Self.endOfJSONLD + Self.attribute + Self.template })
  }

  /// Every `<script>` element of a page is one of the site's own: an external file under
  /// assets, or JSON-LD that parses and holds no `</script`.
  static func expectOnlyOurScripts(_ page: String, path: String) throws {
    var rest = page[...]
    while let open = rest.range(of: "<script") {
      let tagEnd = try #require(rest.range(of: ">", range: open.upperBound..<rest.endIndex), "\(path)")
      let tag = rest[open.lowerBound..<tagEnd.upperBound]
      let close = try #require(rest.range(of: "</script>", range: tagEnd.upperBound..<rest.endIndex), "\(path)")
      let body = rest[tagEnd.upperBound..<close.lowerBound]
      if tag.contains("application/ld+json") {
        #expect((try? JSONSerialization.jsonObject(with: Data(body.utf8))) != nil, "\(path): JSON-LD does not parse")
      } else {
        #expect(tag.contains("src=") && body.isEmpty, "\(path): inline script \(tag)\(body)")
      }
      rest = rest[close.upperBound...]
    }
  }

  @Test func templateSyntaxInFrontMatterIsPrintedNotEvaluated() throws {
    let site = try Self.hostileSite()
    #expect(site.build().succeeded)
    let page = try site.read("output/2018/reports/hostile/index.html")
    #expect(page.contains("{{site.title}}{{{site.title}}}"))
    let feed = try site.read("output/2018/feed.xml")
    #expect(feed.contains("{{site.title}}{{{site.title}}}"))
  }

  @Test func scriptURLsAreRemovedFromLinksAndRawHTMLIsOmitted() throws {
    let site = try Self.hostileSite()
    #expect(site.build().succeeded)
    let page = try site.read("output/2018/reports/hostile/index.html")
    let urls = FuzzTarget.hrefs(in: page)
    #expect(urls.contains("https://example.org/ok"))
    let unsafe = urls.filter { URLSafety.isScriptURL(FuzzTarget.decodeEntities($0)) }
    #expect(unsafe.isEmpty, "\(unsafe)")
    #expect(!page.contains("alert(4)") && !page.contains("alert(5)"))
    #expect(page.contains("<!-- raw HTML omitted -->"))
    #expect(!page.contains("<b>bold</b>"))
  }

  @Test func withUnsafeHTMLOnTheTagFilterStillDisarmsScripts() throws {
    let site = try Self.hostileSite(unsafeHTML: true)
    #expect(site.build().succeeded)
    let page = try site.read("output/2018/reports/hostile/index.html")
    #expect(page.contains("<b>bold</b>"), "raw HTML is kept when the site turns it on")
    #expect(page.contains("&lt;script>alert(4)&lt;/script>"))
    // Markdown links are still filtered; the raw <a> is the site's own choice.
    let markdownLinks = FuzzTarget.hrefs(in: page).filter { !$0.contains("alert(5)") }
    #expect(markdownLinks.allSatisfy { !URLSafety.isScriptURL(FuzzTarget.decodeEntities($0)) }, "\(markdownLinks)")
  }

  @Test func scriptURLsInFrontMatterURLFieldsAreErrors() throws {
    let site = try FixtureSite([
      "content/2017/bpf/x/output.md": """
      ---
      kind: bpf-output
      title: Output
      cycle: 2017
      bpf: x
      status: draft
      published: 2017-11-01
      url: " JavaScript:alert(1)"
      ---
      ## Executive summary

      Text.
      """
    ])
    let problems = site.check()
    let problem = try #require(problems.first { $0.rule.rawValue == "front-matter.type" })
    #expect(problem.location.line == 8 && problem.message.contains("http(s) URL"))
    #expect(!site.build().succeeded)
  }

  @Test func csvCellsThatWouldRunAsFormulasAreNeutralised() throws {
    let site = try Self.hostileSite()
    #expect(site.build().succeeded)
    let csv = try site.read("output/2018/inventory.csv")
    #expect(csv.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\""))
    #expect(csv.contains("'@SUM(A1:A9)"))
    #expect(csv.contains(",'+1+cmd|' /C calc'!A0,"))
    #expect(csv.contains("'-2+3"))
    for line in csv.split(separator: "\n") {
      for cell in line.split(separator: ",") {
        let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
        #expect(!(text.first.map { "=+-@".contains($0) } ?? false), "cell \(cell) starts a formula")
      }
    }
  }

  @Test func nothingOutsideContentIsReadThroughSymlinksOrRelativeIds() throws {
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("igfsite-secret-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: outside.appendingPathComponent("folder"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outside) }
    let secret = Documents.report(title: "TOPSECRET", body: "## Introduction\n\nTOPSECRET body.\n")
    try secret.write(to: outside.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
    try secret.write(to: outside.appendingPathComponent("folder/inner.md"), atomically: true, encoding: .utf8)

    let site = try FixtureSite([
      "content/2018/report.md": Documents.report(
        extra: "related: [../../../etc/passwd, 2018/../../secret]",
        body: "## Introduction\n\n[passwd](../../../../etc/passwd.md) [up](../../secret.md)\n")
    ])
    try FileManager.default.createSymbolicLink(
      at: site.root.appendingPathComponent("content/2018/secret.md"),
      withDestinationURL: outside.appendingPathComponent("secret.md"))
    try FileManager.default.createSymbolicLink(
      at: site.root.appendingPathComponent("content/2018/linked"),
      withDestinationURL: outside.appendingPathComponent("folder"))

    let problems = site.check()
    let symlinks = problems.filter { $0.rule.rawValue == "content.symlink" }
    #expect(symlinks.contains { $0.location.file.hasSuffix("content/2018/secret.md") && $0.severity == .error })
    #expect(symlinks.contains { $0.location.file.hasSuffix("content/2018/linked") })
    let references = problems.filter { $0.location.file.hasSuffix("content/2018/report.md") && $0.severity == .error }
    #expect(references.count == 4, "\(problems)")
    #expect(references.allSatisfy { $0.message.contains("names no document") }, "\(references)")
    #expect(!problems.contains { $0.message.contains("TOPSECRET") })

    // Without the problems in report.md, the symlinks alone fail the build and publish nothing.
    try site.write(Documents.report(), to: "content/2018/report.md")
    let report = site.build()
    #expect(!report.succeeded)
    let published = (try? site.outputSnapshot()) ?? [:]
    #expect(published.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("TOPSECRET") })
  }
}
