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
  /// The UTC day the file was last modified: the date Atom feeds need for a document whose
  /// own date is not known to the day.
  public var modified: CalendarDate?
  /// The size and content hash of the file's bytes as read: a build's cache records them,
  /// so a full build need not read every file twice.
  public var byteCount = 0
  public var byteHash: UInt64 = 0

  public init(
    id: DocumentID, file: String, text: String, frontMatter: Substring, frontMatterStartLine: Int,
    body: Substring, bodyStartLine: Int, modified: CalendarDate? = nil
  ) {
    self.modified = modified
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
///
/// A class, not a struct: a document is shared by the index, its cycle, series, themes and
/// people, and copying its many fields at every step cost more than building it.
public final class ParsedDocument: Sendable, Hashable {
  public let id: DocumentID
  public let file: String
  /// The front matter mapping. Always a mapping; an empty one when it could not be parsed.
  public let frontMatter: YAMLNode
  public let body: RenderedMarkdown
  /// Location of the opening `---`, where problems with the front matter as a whole point.
  public let frontMatterLocation: SourceLocation
  /// The file line of the body's first line.
  public let bodyStartLine: Int
  /// The number of the file's last line.
  public let lastLine: Int

  // The fields every stage asks for, read once from the front matter.
  public let kind: String?
  public let title: String
  public let cycle: Int?
  public let status: String?
  /// The document's date as far as it is known (`2020-11`); nil when not given or `unknown`.
  public let date: PartialDate?
  public let isDraft: Bool
  /// Illustrative text written for the sample site, not taken from an IGF source.
  public let isExample: Bool
  public let themes: [String]
  /// When the document was published, else its date, else when it was submitted, as far
  /// as the record knows it: what feeds, the sitemap and the home page show. Nil when none
  /// is known; nothing is made up in its place.
  public let published: PartialDate?
  /// The day the document's file was last modified, for the feeds' `updated` when the
  /// document's own date is not a whole day.
  public let modified: CalendarDate?
  /// `modalities: none`: published as written, checked only for what every document needs.
  public let isPublishedAsWritten: Bool
  /// Where the document's own page is written, and the page that shows it (its cycle's
  /// inventory, for a cycle's landing text).
  public let pagePath: PagePath
  public let publishedPath: PagePath
  /// For a translation (`proposal.fr.md`): the document it translates. Its facts are that
  /// document's; it gives its own title, summary, body and recommendations' text.
  public let translationOf: DocumentID?
  /// The translation's language; nil for a document in the site's default language.
  public let language: String?
  /// A short hash of what a translation translates (`3f9a0c1e`): the title, summary,
  /// recommendations' text and body. A translation names the version of its document it
  /// follows (`source_version`), so a later change to the document shows. Empty on a site
  /// in one language, which has no translations.
  public let version: String

  public init(
    id: DocumentID, file: String, frontMatter: YAMLNode, body: RenderedMarkdown,
    frontMatterLocation: SourceLocation, bodyStartLine: Int, lastLine: Int, modified: CalendarDate? = nil,
    translating translation: (source: DocumentID, language: String)? = nil, version: String = ""
  ) {
    self.modified = modified
    self.id = id
    self.file = file
    self.frontMatter = frontMatter
    self.body = body
    self.frontMatterLocation = frontMatterLocation
    self.bodyStartLine = bodyStartLine
    self.lastLine = lastLine
    kind = frontMatter["kind"]?.string
    title = frontMatter["title"]?.scalarText ?? String(id.name)
    cycle = frontMatter["cycle"]?.int ?? id.cycleFolder
    status = frontMatter["status"]?.string
    date = frontMatter["date"]?.partialDate
    isDraft = frontMatter["draft"]?.bool ?? false
    isExample = frontMatter["example"]?.bool ?? false
    themes = frontMatter["themes"]?.strings ?? []
    published = frontMatter["published"]?.partialDate ?? date ?? frontMatter["submitted"]?.partialDate
    isPublishedAsWritten = frontMatter["modalities"]?.string == "none"
    translationOf = translation?.source
    language = translation?.language
    self.version = version
    if let translation {
      pagePath = PagePlan.translation(of: translation.source, language: translation.language)
    } else {
      pagePath = id.pagePath
    }
    publishedPath = translation == nil ? id.publishedPath : pagePath
  }

  public subscript(field: String) -> YAMLNode? { frontMatter[field] }

  /// The date a document is listed by: its own date, else when it was published or
  /// submitted.
  public var chronologicalDate: PartialDate? { date ?? published }

  public static func == (lhs: ParsedDocument, rhs: ParsedDocument) -> Bool {
    lhs === rhs
      || (lhs.id == rhs.id && lhs.file == rhs.file && lhs.frontMatter == rhs.frontMatter && lhs.body == rhs.body)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
  }

  /// Where a missing field is reported: at the `kind` line, which names what the document
  /// must have, or at the opening `---`.
  public var missingFieldLocation: SourceLocation {
    frontMatter.entries?.first(where: { $0.key == "kind" })?.keyLocation ?? frontMatterLocation
  }

  /// The cycle's landing text (`2017/_cycle.md`) rather than a document of its own.
  public var isCycleLanding: Bool { id.isCycleLanding }
}

extension ParsedDocument {
  /// Where problems with the body as a whole point: the first line after the front matter.
  public var bodyLocation: SourceLocation {
    SourceLocation(file: file, line: bodyStartLine, column: 1)
  }
}

extension ParsedDocument {
  /// Whether a translation follows the version of its document as it is now.
  public func follows(_ source: ParsedDocument) -> Bool {
    self["source_version"]?.scalarText == source.version
  }
}
