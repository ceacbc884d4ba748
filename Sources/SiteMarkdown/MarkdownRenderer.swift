import CCmarkGFM
import Foundation
import SiteModel

/// The one Swift wrapper over cmark-gfm: parses a Markdown body with the GFM extensions,
/// rewrites links between documents, anchors headings, and returns the HTML with what the
/// later stages need to know (headings, links, words, plain text).
///
/// A renderer holds no C state, so one value can be shared by every task; each call creates
/// and frees its own parser.
public struct MarkdownRenderer: Sendable {
  public let options: MarkdownOptions

  /// Computes the `href` for a link to another document, or nil to leave it as written.
  public typealias LinkRewriter = @Sendable (_ target: DocumentID, _ fragment: String?) -> String?

  public init(options: MarkdownOptions = MarkdownOptions()) {
    self.options = options
    ExtensionRegistry.ensureRegistered()
  }

  /// Renders just the HTML, as the `cmark-gfm` command would with the same options.
  public func html(_ markdown: String) -> String {
    render(markdown).html
  }

  /// Renders a document body.
  /// - Parameters:
  ///   - markdown: the body text.
  ///   - source: the document the body belongs to, to resolve relative `.md` links.
  ///   - file: the path diagnostics show.
  ///   - firstLine: the file line of the body's first line.
  ///   - rewriteLink: the `href` for links to other documents.
  public func render(
    _ markdown: some StringProtocol, source: DocumentID? = nil, file: String = "",
    firstLine: Int = 1, rewriteLink: LinkRewriter? = nil
  ) -> RenderedMarkdown {
    let cmarkOptions = cmarkOptionBits
    guard let parser = cmark_parser_new(cmarkOptions) else { return RenderedMarkdown(html: "") }
    defer { cmark_parser_free(parser) }
    for name in MarkdownExtension.allCases where name != .footnotes && options.extensions.contains(name) {
      if let syntaxExtension = cmark_find_syntax_extension(name.rawValue) {
        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
      }
    }
    var text = String(markdown)
    text.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cmark_parser_feed(parser, chars.baseAddress, chars.count)
      }
    }
    guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "") }
    defer { cmark_node_free(document) }

    var walker = TreeWalker(
      options: options, source: source, file: file, firstLine: firstLine,
      columns: LineColumns(text), rewriteLink: rewriteLink)
    walker.walk(document)

    var html = ""
    if let rendered = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) {
      html = String(cString: rendered)
      free(rendered)
    }
    return RenderedMarkdown(
      html: html, headings: walker.headings, links: walker.links,
      wordCount: PlainText.wordCount(walker.plainText), plainText: walker.plainText)
  }

  private var cmarkOptionBits: Int32 {
    var bits = CMARK_OPT_DEFAULT
    if options.unsafeHTML { bits |= CMARK_OPT_UNSAFE }
    if options.extensions.contains(.footnotes) { bits |= CMARK_OPT_FOOTNOTES }
    return bits
  }
}

/// cmark-gfm keeps its extensions in a process-wide registry that must be filled exactly
/// once, before any parser looks an extension up.
enum ExtensionRegistry {
  private static let registered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  static func ensureRegistered() {
    _ = registered
  }
}

enum PlainText {
  /// Runs of non-whitespace characters.
  static func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for byte in text.utf8 {
      let isSpace = byte == 32 || byte == 10 || byte == 9 || byte == 13
      if !isSpace && !inWord { count += 1 }
      inWord = !isSpace
    }
    return count
  }
}
