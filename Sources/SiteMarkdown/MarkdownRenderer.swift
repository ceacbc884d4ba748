import CCmarkGFM
import CMarkdownArena
import Foundation
import SiteModel
import Synchronization

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

  /// The version of the cmark-gfm library igfsite runs with (`0.29.0.gfm.6`).
  public static var cmarkVersion: String { String(cString: cmark_version_string()) }

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
  ///   - title: the document's title: a body opening with a `# ` heading that says the
  ///     same (ignoring case and punctuation) leaves it out, as the page shows the title.
  ///   - countsWords: whether the body's words are counted (otherwise its `wordCount` is 0).
  public func render(
    _ markdown: some StringProtocol, source: DocumentID? = nil, file: String = "",
    firstLine: Int = 1, rewriteLink: LinkRewriter? = nil, title: String? = nil, reserving ids: Set<String> = [],
    countsWords: Bool = true
  ) -> RenderedMarkdown {
    let cmarkOptions = cmarkOptionBits
    // Everything cmark-gfm allocates for this body (the parser, the tree, the HTML) comes
    // from the arena and goes back with it at once, at the end: nothing is freed piece by
    // piece (walking the tree to free it was 2% of `check`).
    igfsite_arena_begin()
    defer { igfsite_arena_end() }
    guard let parser = cmark_parser_new_with_mem(cmarkOptions, Self.arena) else { return RenderedMarkdown(html: "") }
    var text = String(markdown)
    var problems: [Diagnostic] = []
    var extensions = options.extensions
    if let limit = options.tableColumnLimit, extensions.contains(.table),
      let wide = text.withUTF8({ WideLine.first(in: $0, pipesAbove: limit) })
    {
      extensions.remove(.table)
      problems.append(
        Diagnostic(
          .warning, .markdownTableTooWide,
          "line has \(wide.pipes) \"|\" characters; tables wider than \(limit) columns are not rendered as tables, so this document's tables show as plain text",
          at: SourceLocation(file: file, line: wide.line + firstLine - 1, column: 1),
          help: "split the table into narrower ones, or publish the data as a CSV file and link to it"))
    }
    // A body with nothing tables, autolinks or strikethrough could act on parses the same
    // without them, and faster (`ExtensionTriggers`).
    text.withUTF8 { bytes in
      if extensions.contains(.table), !ExtensionTriggers.mayHoldTable(bytes) { extensions.remove(.table) }
      if extensions.contains(.autolink), !ExtensionTriggers.mayHoldAutolink(bytes) { extensions.remove(.autolink) }
      if extensions.contains(.strikethrough), !ExtensionTriggers.mayHoldStrikethrough(bytes) {
        extensions.remove(.strikethrough)
      }
    }
    for name in MarkdownExtension.allCases where name != .footnotes && extensions.contains(name) {
      if let syntaxExtension = cmark_find_syntax_extension(name.rawValue) {
        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
      }
    }
    return text.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        cmark_parser_feed(parser, chars.baseAddress, chars.count)
      }
      guard let document = Self.finish(parser) else { return RenderedMarkdown(html: "") }
      // The ids the page gives things of this document (its recommendations) are not for
      // headings or paragraphs to take.
      var walkOptions = options
      if !ids.isEmpty { walkOptions.reservedAnchors.formUnion(ids) }
      var walker = TreeWalker(
        options: walkOptions, source: source, file: file, firstLine: firstLine, columns: LineColumns(buffer),
        rewriteLink: rewriteLink)
      // The search index's words come from the plain text too.
      walker.collectsPlainText = countsWords || options.renderHTML
      let openingLine = Self.openingTitleLine(of: document).map { $0 + firstLine - 1 }
      walker.walk(document)
      if let title, let openingLine, let heading = walker.headings.first, heading.level == 1,
        heading.location.line == openingLine
      {
        if Slug.make(heading.text) == Slug.make(title) {
          if let first = cmark_node_first_child(document) {
            cmark_node_unlink(first)
            cmark_node_free(first)
          }
          walker.headings.removeFirst()
        } else {
          problems.append(
            Diagnostic(
              .warning, .contentSecondTitle,
              "the text opens with the heading \"\(heading.text)\", which is not the title \"\(title)\"; the page shows both",
              at: heading.location,
              help:
                "if it is the document's title, set title: to it (the page shows the title as its heading); otherwise make it a ## heading"
            ))
        }
      }
      var html: [UInt8] = []
      if options.renderHTML,
        let rendered = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser))
      {
        // Copied out of the arena, which takes it back with the rest.
        rendered.withMemoryRebound(to: UInt8.self, capacity: 1) {
          html = Array(UnsafeBufferPointer(start: $0, count: strlen(rendered)))
        }
      }
      let wordCount = countsWords ? PlainText.wordCount(walker.plainText) : 0
      // Only a build needs the search index's words.
      let searchWords = options.renderHTML ? PlainText.distinctWords(&walker.plainText) : ""
      return RenderedMarkdown(
        htmlBytes: html, headings: walker.headings, paragraphAnchors: walker.paragraphAnchors,
        paragraphTexts: walker.paragraphTexts, links: walker.links, wordCount: wordCount, searchWords: searchWords,
        problems: problems)
    }
  }

  /// `cmark_parser_finish`, one at a time in the process. cmark-gfm 0.29 parses inlines in
  /// it with a table of special characters that is global: each parser adds its extensions'
  /// characters (`:` for autolinks, `~` for strikethrough) when its inline parsing starts
  /// and removes them when it ends, so a parser finishing on another thread switched
  /// autolinks off in the middle of this one (seen as a spec example failing now and then
  /// under load, and as builds that were not byte-identical). Block parsing (`feed`),
  /// the tree walk and rendering stay parallel. The lock is the standard library's `Mutex`,
  /// which spins a moment before it sleeps: a body's inlines take some 50 µs, and waking a
  /// thread parked by `NSLock` took long enough that `check` ran 5% slower.
  static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
    // The parser and its tree belong to the calling task alone; the lock orders the parses.
    nonisolated(unsafe) let parser = parser
    nonisolated(unsafe) var document: OpaquePointer?
    inlineParsing.withLock { _ in document = cmark_parser_finish(parser) }
    return document
  }

  private static let inlineParsing = Mutex(())

  /// cmark-gfm's allocator for bodies: the calling thread's arena (`CMarkdownArena`). A
  /// body's parse makes thousands of small allocations, which took a tenth of `check`'s
  /// processor time when each went to malloc and free.
  nonisolated(unsafe) static let arena: UnsafeMutablePointer<cmark_mem> = {
    let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    allocator.initialize(
      to: cmark_mem(calloc: igfsite_arena_calloc, realloc: igfsite_arena_realloc, free: igfsite_arena_free))
    return allocator
  }()

  /// A new node for a body's tree, from the same arena: cmark-gfm links only nodes of one
  /// allocator, and leaves the others where they are.
  static func newNode(_ type: cmark_node_type) -> OpaquePointer? {
    cmark_node_new_with_mem(type, arena)
  }

  /// The source line of a `# ` heading that opens the body, if one does.
  static func openingTitleLine(of document: OpaquePointer) -> Int? {
    guard let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
      cmark_node_get_heading_level(first) == 1
    else { return nil }
    return Int(cmark_node_get_start_line(first))
  }

  private var cmarkOptionBits: Int32 {
    var bits = CMARK_OPT_DEFAULT
    if options.unsafeHTML { bits |= CMARK_OPT_UNSAFE }
    if options.extensions.contains(.footnotes) { bits |= CMARK_OPT_FOOTNOTES }
    return bits
  }
}

/// Finds a line with more `|` than a table may have columns.
enum WideLine {
  /// The 1-based line and its count of `|`, for the first line with more than `limit`.
  static func first(in bytes: UnsafeBufferPointer<UInt8>, pipesAbove limit: Int) -> (line: Int, pipes: Int)? {
    guard let base = bytes.baseAddress, bytes.count > limit else { return nil }
    var line = 1
    var lineStart = 0
    var pipes = 0
    var offset = 0
    // Most bodies have no `|` at all: jump from one to the next.
    while offset < bytes.count, let hit = memchr(base + offset, 124, bytes.count - offset) {
      let pipe = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      let newlines = countNewlines(base, from: lineStart, to: pipe)
      if newlines.count > 0 {
        line += newlines.count
        lineStart = newlines.lastStart
        pipes = 0
      }
      pipes += 1
      offset = pipe + 1
      if pipes > limit {
        var total = pipes
        var end = offset
        while end < bytes.count, bytes[end] != 10 {
          if bytes[end] == 124 { total += 1 }
          end += 1
        }
        return (line, total)
      }
    }
    return nil
  }

  /// The newlines in `start..<end` and the offset after the last one.
  private static func countNewlines(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> (count: Int, lastStart: Int) {
    var count = 0
    var lastStart = start
    var offset = start
    while offset < end, let hit = memchr(base + offset, 10, end - offset) {
      let newline = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      count += 1
      lastStart = newline + 1
      offset = newline + 1
    }
    return (count, lastStart)
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
