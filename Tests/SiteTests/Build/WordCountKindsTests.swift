import Foundation
import SiteBuild
import SiteMarkdown
import SiteModel
import TestSupport
import Testing

/// Words are counted only for the kinds with a rule that reads the count (a BPF proposal's
/// length): the count is most of what `check` does with the text of the other documents.
/// A schema that gives another kind such a rule has that kind's words counted too, in the
/// preview as soon as the schema is saved.
@Suite struct WordCountKindsTests {
  static func parse(_ text: String, kinds: Set<String>?) -> ParsedDocument {
    var options = MarkdownOptions()
    options.renderHTML = false
    options.wordCountKinds = kinds
    let frontMatter = YAMLNode(
      .map(
        text.isEmpty
          ? []
          : [
            YAMLEntry(
              key: "kind", keyLocation: SourceLocation(file: "x.md"),
              value: YAMLNode(.string(text), at: SourceLocation(file: "x.md")))
          ]), at: SourceLocation(file: "x.md"))
    let source = SourceDocument(
      id: DocumentID("2017/x"), file: "x.md", text: "one two three\n", frontMatter: "", frontMatterStartLine: 1,
      body: "one two three\n", bodyStartLine: 1)
    return DocumentParser(renderer: MarkdownRenderer(options: options), published: [])
      .parse(source, frontMatter: frontMatter)
  }

  @Test func onlyTheKindsWhoseRulesReadTheCountAreCounted() {
    #expect(Self.parse("bpf-proposal", kinds: ["bpf-proposal"]).body.wordCount == 3)
    #expect(Self.parse("report", kinds: ["bpf-proposal"]).body.wordCount == 0)
    // A document without a kind (a translation) and a site without a schema: counted.
    #expect(Self.parse("", kinds: ["bpf-proposal"]).body.wordCount == 3)
    #expect(Self.parse("report", kinds: nil).body.wordCount == 3)
  }

  @Test func aLengthRuleGivenToAnotherKindCountsItsWordsInThePreview() throws {
    let site = try FixtureSite([
      "content/2018/reports/r.md": Documents.report(body: "## Findings\n\nOne two three four five.\n")
    ])
    let session = SiteSession(options: site.options(drafts: true, output: site.root.appendingPathComponent("preview")))
    #expect(session.buildAll().succeeded)
    var schema = try site.read("content/modalities.yml")
    schema = schema.replacingOccurrences(
      of: "  report:\n    label: Report\n",
      with:
        "  report:\n    label: Report\n    rules:\n      length: {severity: warning, pages: {min: 1, max: 2}, words_per_page: 500}\n"
    )
    try site.write(schema, to: "content/modalities.yml")
    let update = session.update(changed: ["content/modalities.yml"])
    let length = update.diagnostics.filter { $0.rule.rawValue == "report.length" }
    #expect(length.count == 1, "\(update.diagnostics)")
    #expect(length.first?.message.contains(" words, ") == true)
    #expect(length.first?.message.contains("the proposal is too short: 0 words") == false, "\(length)")
  }
}
