/// The GFM extensions cmark-gfm provides; the site uses all of them.
public enum MarkdownExtension: String, Sendable, CaseIterable, Hashable {
  case table, strikethrough, autolink, tagfilter, tasklist, footnotes
}

/// How a Markdown body is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
  /// Keep raw HTML blocks and inlines. Off by default: documents are written by many hands.
  public var unsafeHTML: Bool
  public var extensions: Set<MarkdownExtension>
  /// Give every heading an `id` so pages can link to sections. Off, the HTML is byte for
  /// byte what the `cmark-gfm` command prints.
  public var headingAnchors: Bool
  /// Ids the page template already uses, which headings must not take.
  public var reservedAnchors: Set<String>
  /// Empty the destination of `javascript:`, `vbscript:` and `data:` links and images, even
  /// when raw HTML is allowed.
  public var removeScriptURLs: Bool
  /// Produce the HTML; `igfsite check` only needs headings, links and words.
  public var renderHTML: Bool = true
  /// The kinds whose documents' words are counted, as the rules that read the count apply
  /// to them (a BPF proposal's length); nil counts every document's. A document without a
  /// kind is counted. Counting is most of what `check` does with the text of the others.
  public var wordCountKinds: Set<String>? = nil
  /// The most `|` a line may hold for the body's tables to be rendered as tables: cmark-gfm
  /// 0.29's table extension takes time quadratic in the columns (40,000 took 17 s). Bodies
  /// with a wider line are rendered without the extension, with a warning. Nil: no limit.
  public var tableColumnLimit: Int? = 256

  public init(
    unsafeHTML: Bool = false, extensions: Set<MarkdownExtension> = Set(MarkdownExtension.allCases),
    headingAnchors: Bool = true, reservedAnchors: Set<String> = [], removeScriptURLs: Bool = true
  ) {
    self.unsafeHTML = unsafeHTML
    self.extensions = extensions
    self.headingAnchors = headingAnchors
    self.reservedAnchors = reservedAnchors
    self.removeScriptURLs = removeScriptURLs
  }

  /// What the `cmark-gfm` command does with `-e` for each extension (and `--footnotes`):
  /// no anchors, no URL filtering beyond cmark-gfm's own.
  public static func cmarkCompatible(unsafeHTML: Bool, extensions: Set<MarkdownExtension>) -> MarkdownOptions {
    var options = MarkdownOptions(
      unsafeHTML: unsafeHTML, extensions: extensions, headingAnchors: false, removeScriptURLs: false)
    options.tableColumnLimit = nil
    return options
  }
}
