import Testing

@testable import SiteMarkdown

/// A body is parsed without autolinks or strikethrough only when it holds nothing they
/// could act on; each body here was checked with the `cmark-gfm` command, with and without
/// the extensions.
@Suite struct InlineExtensionTriggersTests {
  static func autolinkMayOccur(_ text: String) -> Bool {
    var text = text
    return text.withUTF8(InlineExtensionTriggers.mayHoldAutolink)
  }

  static func strikethroughMayOccur(_ text: String) -> Bool {
    var text = text
    return text.withUTF8(InlineExtensionTriggers.mayHoldStrikethrough)
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
}
