import Testing

@testable import SiteMarkdown

/// A body is parsed without tables, autolinks or strikethrough only when it holds nothing
/// they could act on; each body here was checked with the `cmark-gfm` command, with and
/// without the extensions.
@Suite struct ExtensionTriggersTests {
  static func autolinkMayOccur(_ text: String) -> Bool {
    var text = text
    return text.withUTF8(ExtensionTriggers.mayHoldAutolink)
  }

  static func strikethroughMayOccur(_ text: String) -> Bool {
    var text = text
    return text.withUTF8(ExtensionTriggers.mayHoldStrikethrough)
  }

  @Test(arguments: [
    "see www.igf.org", "see WWW.igf.org", "see https://igf.org", "see HTTPS://igf.org", "see ftp://igf.org",
    "write to x@y.org", "write to x&#64;y.org", "write to x&commat;y.org", "mailto:foo@bar.org", "xmpp:foo@bar.org",
    "www.", "://",
  ])
  func whatAutolinksActOnIsFound(text: String) {
    #expect(Self.autolinkMayOccur(text))
  }

  @Test(arguments: [
    "", "Plain words: a colon, a period. And a www without its dot.", "wwx.igf.org", "ww.igf.org", "a:/b", "a/:/b",
    "ends with a colon:", "ends with www",
  ])
  func textWithoutThemParsesWithoutAutolinks(text: String) {
    #expect(!Self.autolinkMayOccur(text))
  }

  static func tableMayOccur(_ text: String) -> Bool {
    var text = text
    return text.withUTF8(ExtensionTriggers.mayHoldTable)
  }

  @Test(arguments: ["a | b\n--|--\n", "Year\n:--\n", "Year\n--:\n", "Year\n:-:\n", "| a |"])
  func whatTablesActOnIsFound(text: String) {
    #expect(Self.tableMayOccur(text))
  }

  @Test(arguments: ["Year\n---\n", "Time: 10:00 - 12:00", "a - b: c", "plain text\n\n- a list\n", ""])
  func textWithoutThemParsesWithoutTables(text: String) {
    #expect(!Self.tableMayOccur(text))
  }

  @Test func onlyATildeAllowsAStrikethrough() {
    #expect(Self.strikethroughMayOccur("an ~~old~~ word"))
    #expect(Self.strikethroughMayOccur("~"))
    #expect(!Self.strikethroughMayOccur("no tilde at all: www.igf.org"))
  }

  @Test func bodiesWithThemStillGetTheirLinksAndStrikethroughs() {
    let renderer = MarkdownRenderer(
      options: .cmarkCompatible(unsafeHTML: false, extensions: [.autolink, .strikethrough]))
    #expect(renderer.html("Mail x&#64;y.org.\n") == "<p>Mail <a href=\"mailto:x@y.org\">x@y.org</a>.</p>\n")
    #expect(renderer.html("See www.igf.org\n") == "<p>See <a href=\"http://www.igf.org\">www.igf.org</a></p>\n")
    #expect(renderer.html("An ~~old~~ word\n") == "<p>An <del>old</del> word</p>\n")
    #expect(renderer.html("Nothing to link: www\n") == "<p>Nothing to link: www</p>\n")
  }

  @Test func bodiesWithThemStillGetTheirTables() {
    let renderer = MarkdownRenderer(options: .cmarkCompatible(unsafeHTML: false, extensions: [.table]))
    #expect(renderer.html("Year\n:--\n").hasPrefix("<table>\n<thead>\n<tr>\n<th align=\"left\">Year</th>"))
    #expect(renderer.html("a | b\n--|--\n1 | 2\n").contains("<td>2</td>"))
    #expect(renderer.html("Year\n---\n") == "<h2>Year</h2>\n")
  }
}
