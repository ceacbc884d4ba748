/// A Markdown file of `content/` split into its front matter and body, before either is
/// parsed.
public struct SourceDocument: Sendable, Hashable {
  public var id: DocumentID
  /// The path shown in diagnostics (`content/2017/bpf/iot/proposal.md`).
  public var file: String
  /// The whole file with line endings normalised to `\n` and any byte-order mark removed.
  public var text: String
  /// The YAML between the `---` lines.
  public var frontMatter: Substring
  /// Line of the first front-matter line (the one after the opening `---`).
  public var frontMatterStartLine: Int
  public var body: Substring
  /// Line of the body's first line, to turn body positions into file positions.
  public var bodyStartLine: Int

  public init(
    id: DocumentID, file: String, text: String, frontMatter: Substring, frontMatterStartLine: Int,
    body: Substring, bodyStartLine: Int
  ) {
    self.id = id
    self.file = file
    self.text = text
    self.frontMatter = frontMatter
    self.frontMatterStartLine = frontMatterStartLine
    self.body = body
    self.bodyStartLine = bodyStartLine
  }
}

/// A document with its front matter parsed into values and its body rendered: what the
/// validate, link and render stages work on.
public struct ParsedDocument: Sendable, Hashable {
  public var id: DocumentID
  public var file: String
  /// The front matter mapping. Always a mapping; an empty one when it could not be parsed.
  public var frontMatter: YAMLNode
  public var body: RenderedMarkdown
  /// Location of the opening `---`, where problems with the front matter as a whole point.
  public var frontMatterLocation: SourceLocation
  /// The file line of the body's first line.
  public var bodyStartLine: Int
  /// The number of the file's last line.
  public var lastLine: Int

  public init(
    id: DocumentID, file: String, frontMatter: YAMLNode, body: RenderedMarkdown,
    frontMatterLocation: SourceLocation, bodyStartLine: Int, lastLine: Int
  ) {
    self.id = id
    self.file = file
    self.frontMatter = frontMatter
    self.body = body
    self.frontMatterLocation = frontMatterLocation
    self.bodyStartLine = bodyStartLine
    self.lastLine = lastLine
  }

  public subscript(field: String) -> YAMLNode? { frontMatter[field] }

  /// Where a missing field is reported: at the `kind` line, which names what the document
  /// must have, or at the opening `---`.
  public var missingFieldLocation: SourceLocation {
    frontMatter.entries?.first(where: { $0.key == "kind" })?.keyLocation ?? frontMatterLocation
  }

  public var kind: String? { self["kind"]?.string }
  public var title: String { self["title"]?.scalarText ?? String(id.name) }
  public var cycle: Int? { self["cycle"]?.int ?? id.cycleFolder }
  public var status: String? { self["status"]?.string }
  public var date: CalendarDate? { self["date"]?.date }
  public var isDraft: Bool { self["draft"]?.bool ?? false }
  /// Illustrative text written for the sample site, not taken from an IGF source.
  public var isExample: Bool { self["example"]?.bool ?? false }
  public var themes: [String] { self["themes"]?.strings ?? [] }

  /// The cycle's landing text (`2017/_cycle.md`) rather than a document of its own.
  public var isCycleLanding: Bool { id.isCycleLanding }
}
