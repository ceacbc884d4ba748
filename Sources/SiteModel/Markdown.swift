/// A heading of a document body, as later stages need it: for the table of contents, the
/// modalities' section checks and `#anchor` checks.
public struct Heading: Sendable, Hashable {
  public var level: Int
  /// The heading's plain text, without Markdown markup.
  public var text: String
  /// The `id` attribute of the heading, unique within the page.
  public var anchor: String
  public var location: SourceLocation

  public init(level: Int, text: String, anchor: String, location: SourceLocation) {
    self.level = level
    self.text = text
    self.anchor = anchor
    self.location = location
  }
}

/// A link or image written in a document body.
public struct MarkdownLink: Sendable, Hashable {
  /// The destination as written (`../proposal.md#objectives`).
  public var destination: String
  public var isImage: Bool
  public var location: SourceLocation
  /// The document a relative `.md` destination names, whether or not it exists.
  public var target: DocumentID?
  /// The `#fragment` of the destination, without the `#`.
  public var fragment: String?

  public init(
    destination: String, isImage: Bool, location: SourceLocation, target: DocumentID?,
    fragment: String?
  ) {
    self.destination = destination
    self.isImage = isImage
    self.location = location
    self.target = target
    self.fragment = fragment
  }
}

/// A document body rendered to HTML, with what the later stages need to know about it.
public struct RenderedMarkdown: Sendable, Hashable {
  /// The HTML's UTF-8 bytes, as cmark-gfm wrote them (valid UTF-8: cmark-gfm replaces
  /// invalid input), or empty when only the analysis was asked for (`igfsite check`). Kept
  /// as bytes: pages copy them in as they are, and making a `String` of every body checked
  /// its encoding once more for nothing.
  public var htmlBytes: [UInt8]
  /// The HTML as text.
  public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
  public var headings: [Heading]
  /// The ids of the body's paragraphs (`p7`), which links may name as `#p7`.
  public var paragraphAnchors: [String]
  /// The text of each of those paragraphs, when the HTML was rendered (for search results).
  public var paragraphTexts: [String]
  public var links: [MarkdownLink]
  /// Words of running text, for the modalities' length rules.
  public var wordCount: Int
  /// The body's distinct words, lowercased, of three letters or more, in first-seen order:
  /// what the search index needs to find the document by any word in it.
  public var searchWords: String
  /// What the Markdown layer itself had to say about the body (a table too wide to render).
  public var problems: [Diagnostic]

  public init(
    html: String, headings: [Heading] = [], paragraphAnchors: [String] = [], paragraphTexts: [String] = [],
    links: [MarkdownLink] = [],
    wordCount: Int = 0,
    searchWords: String = "", problems: [Diagnostic] = []
  ) {
    self.init(
      htmlBytes: Array(html.utf8), headings: headings, paragraphAnchors: paragraphAnchors,
      paragraphTexts: paragraphTexts, links: links, wordCount: wordCount, searchWords: searchWords, problems: problems)
  }

  public init(
    htmlBytes: [UInt8], headings: [Heading], paragraphAnchors: [String], paragraphTexts: [String],
    links: [MarkdownLink], wordCount: Int, searchWords: String, problems: [Diagnostic]
  ) {
    self.htmlBytes = htmlBytes
    self.headings = headings
    self.paragraphAnchors = paragraphAnchors
    self.paragraphTexts = paragraphTexts
    self.links = links
    self.wordCount = wordCount
    self.searchWords = searchWords
    self.problems = problems
  }
}

/// The label of a paragraph's `¶` link, numbered (before its number) or not: the body's
/// HTML has it in English until a page in another language puts its own words in.
public enum ParagraphLinkLabel {
  public static let numbered = "Link to paragraph "
  public static let plain = "Link to this paragraph"
}
