import Foundation
import SiteMarkdown
import SiteModel
import TestSupport
import Testing

/// Paragraphs get stable anchors for citing; numbered paragraphs keep their numbers.
@Suite struct ParagraphAnchorTests {
  static func anchors(_ markdown: String) -> (ids: [String], html: String) {
    let rendered = MarkdownRenderer(options: MarkdownOptions()).render(markdown)
    return (rendered.paragraphAnchors, rendered.html)
  }

  @Test func numberedParagraphsKeepTheirNumbers() {
    let (ids, html) = Self.anchors(
      "Opening words.\n\n1. First.\n\n2. Second.\n\n## Later\n\n7. Seventh.\n\nClosing words.\n")
    #expect(ids == ["p0-1", "p1", "p2", "p7", "p7-1"])
    #expect(
      html.contains(
        ##"<li><span class="para-target" id="p7"></span>Seventh. <a class="para-link" href="#p7" aria-label="Link to paragraph 7">¶</a></li>"##
      ))
    #expect(
      html.contains(
        ##"<p><span class="para-target" id="p1"></span>First. <a class="para-link" href="#p1" aria-label="Link to paragraph 1">¶</a></p>"##
      ))
  }

  @Test func bodiesWithoutNumbersCountTheirParagraphs() {
    let (ids, html) = Self.anchors("One.\n\n> Quoted, not counted.\n\n- a bullet, not counted\n\nTwo.\n")
    #expect(ids == ["p1", "p2"])
    #expect(html.contains(#"aria-label="Link to this paragraph">¶</a>"#))
  }

  @Test func repeatedNumbersAndHeadingIdsAreNotReused() {
    let (ids, _) = Self.anchors("## P1\n\n1. First.\n\n## Annex\n\n1. Agenda item.\n")
    #expect(ids == ["p1-2", "p1-3"], "the heading took p1")
  }

  @Test func paragraphsAreQuotedAsReadersSeeThem() {
    // Their text and code, line breaks as spaces, nothing of the markup around links or
    // emphasis; nested paragraphs (a quotation) are not anchored and not quoted.
    let rendered = MarkdownRenderer(options: MarkdownOptions()).render(
      "See [the 2024 output](a.md), **then** `code`\nand more.\n\n> Quoted.\n\n1. First *item*.\n")
    #expect(rendered.paragraphTexts == ["See the 2024 output, then code and more.", "First item."])
    #expect(rendered.paragraphAnchors == ["p0-1", "p1"])
  }

  @Test func aHeadingIdIsNotReusedInABodyWithoutNumbers() {
    let (ids, html) = Self.anchors("## P2\n\nOne.\n\nTwo.\n\nThree.\n")
    #expect(ids == ["p1", "p2-2", "p3"], "the heading took p2")
    #expect(html.components(separatedBy: "id=\"p2\"").count == 2, "one element has the id p2")
  }

  @Test func aRecommendationsIdIsNotTakenByAParagraph() throws {
    let site = try FixtureSite([
      "content/2018/r.md": Documents.report(
        extra: "recommendations:\n  - {id: p1, text: Focus.}\n  - {id: rec-2, text: Commit.}", body: "One.\n\nTwo.\n")
    ])
    #expect(site.build().succeeded)
    let page = try site.read("output/2018/r/index.html")
    #expect(page.components(separatedBy: "id=\"p1\"").count == 2, "one element has the id p1")
    #expect(page.contains("<li id=\"p1\">Focus.</li>"))
    #expect(page.contains("id=\"p1-2\""))
  }

  @Test func theCmarkCompatibleRenderingHasNoAnchors() {
    let options = MarkdownOptions.cmarkCompatible(unsafeHTML: false, extensions: Set(MarkdownExtension.allCases))
    let rendered = MarkdownRenderer(options: options).render("1. First.\n\nText.\n")
    #expect(!rendered.html.contains("para-"))
  }

  @Test func linksMayCiteAParagraphOfAnotherDocument() throws {
    let site = try FixtureSite([
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(
        body: "1. The MAG met.\n\n2. It agreed.\n\n## Annex I: Agenda\n\n- Adoption of the agenda\n"),
      "content/2018/r.md": Documents.report(
        body:
          "As [paragraph 2 of the summary](../2017/mag/2017-03-28-virtual-meeting-2.md#p2) says; see also [p9](../2017/mag/2017-03-28-virtual-meeting-2.md#p9).\n"
      ),
    ])
    let broken = site.check().filter { $0.rule.rawValue == "references" }
    #expect(broken.count == 1, "\(broken)")
    #expect(broken.first?.message.contains("#p9") == true)
    #expect(site.build().diagnostics.filter { $0.severity == .error }.count == 1)
  }
}

/// Diagnostics name columns in Unicode scalars, as editors count them, on any line.
@Suite struct SourceColumnTests {
  @Test func columnsAfterLettersBeyondASCIIAndFarDownTheBody() throws {
    let body =
      String(repeating: "Texte.\n\n", count: 12)
      + "Réunion du GMC : [compte rendu](absent.md) et ¶ [autre](absent-2.md).\n"
    let site = try FixtureSite(["content/2018/r.md": Documents.report(body: body)])
    let broken = site.check().filter { $0.rule.rawValue == "references" }.sorted()
    #expect(broken.map(\.location.column) == [18, 49], "\(broken)")
    #expect(Set(broken.map(\.location.line)).count == 1)
  }
}
