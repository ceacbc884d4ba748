import CCmarkGFM
import Foundation
import SiteModel
import SiteSupport

/// One pass over a parsed cmark-gfm tree that collects headings, links and plain text,
/// rewrites links to other documents and swaps headings for anchored copies.
struct TreeWalker {
  let options: MarkdownOptions
  let source: DocumentID?
  let file: String
  let firstLine: Int
  var columns: LineColumns
  let rewriteLink: MarkdownRenderer.LinkRewriter?

  var headings: [Heading] = []
  /// The ids given to the body's paragraphs (`p7`), in order.
  var paragraphAnchors: [String] = []
  /// The text of each anchored paragraph, when rendering HTML.
  var paragraphTexts: [String] = []
  var links: [MarkdownLink] = []
  /// The text of the body, one line per block.
  var plainText: [UInt8] = []
  /// Whether `plainText` is gathered: not when neither words nor search words are wanted.
  var collectsPlainText = true
  private var anchors: AnchorNamer

  init(
    options: MarkdownOptions, source: DocumentID?, file: String, firstLine: Int,
    columns: LineColumns, rewriteLink: MarkdownRenderer.LinkRewriter?
  ) {
    self.options = options
    self.source = source
    self.file = file
    self.firstLine = firstLine
    self.columns = columns
    self.rewriteLink = rewriteLink
    anchors = AnchorNamer(reserved: options.reservedAnchors)
  }

  mutating func walk(_ document: OpaquePointer) {
    var headingNodes: [(node: OpaquePointer, anchor: String, level: Int32)] = []
    guard let iterator = cmark_iter_new(document) else { return }
    defer { cmark_iter_free(iterator) }
    var lastBlockLine = 1
    // Each paragraph's text as search results quote it (`ParagraphAnchors`), gathered on
    // the way rather than walked again: its text and code, line breaks as spaces (unlike
    // `plainText`, no line ends after inline elements), in document order.
    let quotesParagraphs = options.headingAnchors && options.renderHTML
    var paragraphText: [UInt8] = []
    var paragraphs: [(node: OpaquePointer, range: Range<Int>)] = []
    var paragraphStart: Int?
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      let entering = event == CMARK_EVENT_ENTER
      let isBlock = (type.rawValue & UInt32(CMARK_NODE_TYPE_BLOCK)) != 0
      if isBlock {
        if entering, cmark_node_get_start_line(node) > 0 {
          lastBlockLine = Int(cmark_node_get_start_line(node))
        }
        if type == CMARK_NODE_PARAGRAPH, quotesParagraphs {
          if entering {
            paragraphStart = paragraphText.count
          } else if let start = paragraphStart {
            paragraphs.append((node, start..<paragraphText.count))
            paragraphStart = nil
          }
        }
        if !entering, collectsPlainText, let last = plainText.last, last != 10 { plainText.append(10) }
      }
      switch type {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
        if let literal = cmark_node_get_literal(node) {
          literal.withMemoryRebound(to: UInt8.self, capacity: 1) {
            let bytes = UnsafeBufferPointer(start: $0, count: strlen(literal))
            if collectsPlainText { plainText.append(contentsOf: bytes) }
            if paragraphStart != nil { paragraphText.append(contentsOf: bytes) }
          }
        }
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        if collectsPlainText { plainText.append(32) }
        if paragraphStart != nil { paragraphText.append(32) }
      case CMARK_NODE_HEADING where entering:
        let text = Self.inlineText(of: node)
        let level = cmark_node_get_heading_level(node)
        let anchor = anchors.anchor(for: text)
        headings.append(
          Heading(
            level: Int(level), text: text, anchor: anchor, location: location(of: node, fallbackLine: lastBlockLine)))
        if options.headingAnchors { headingNodes.append((node, anchor, level)) }
      case CMARK_NODE_LINK where entering, CMARK_NODE_IMAGE where entering:
        visitLink(node, isImage: type == CMARK_NODE_IMAGE, fallbackLine: lastBlockLine)
      default:
        break
      }
    }
    // Swapping nodes during the walk would confuse the iterator; do it afterwards. Without
    // HTML to render, there is nothing to anchor.
    // Paragraphs are named (for #anchor checks) whether or not they are rendered.
    if options.headingAnchors {
      var next = 0
      (paragraphAnchors, paragraphTexts) = ParagraphAnchors.anchor(
        document, taken: Set(headings.map(\.anchor)), reserved: options.reservedAnchors, mark: options.renderHTML
      ) { paragraph in
        // Asked in document order: the paragraphs before it are passed for good.
        while next < paragraphs.count, paragraphs[next].node != paragraph { next += 1 }
        guard next < paragraphs.count else { return "" }
        return String(decoding: paragraphText[paragraphs[next].range], as: UTF8.self)
      }
    }
    guard options.renderHTML else { return }
    for (node, anchor, level) in headingNodes {
      Self.anchorHeading(node, anchor: anchor, level: level)
    }
  }

  private mutating func visitLink(_ node: OpaquePointer, isImage: Bool, fallbackLine: Int) {
    let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    // Only HTML can carry a script URL to a reader.
    if options.removeScriptURLs, options.renderHTML, URLSafety.isScriptURL(destination) {
      cmark_node_set_url(node, "")
    }
    let (path, fragment) = URLSafety.splitFragment(destination)
    var target: DocumentID?
    if let source, !isImage {
      let decoded = path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
      target = DocumentID.resolve(markdownLink: decoded, from: source)
    }
    links.append(
      MarkdownLink(
        destination: destination, isImage: isImage, location: location(of: node, fallbackLine: fallbackLine),
        target: target, fragment: fragment))
    if let target, let rewriteLink, let href = rewriteLink(target, fragment) {
      cmark_node_set_url(node, href)
    }
  }

  private mutating func location(of node: OpaquePointer, fallbackLine: Int) -> SourceLocation {
    let line = Int(cmark_node_get_start_line(node))
    let byteColumn = Int(cmark_node_get_start_column(node))
    guard line > 0 else { return SourceLocation(file: file, line: fallbackLine + firstLine - 1, column: 1) }
    return SourceLocation(
      file: file, line: line + firstLine - 1, column: columns.scalarColumn(line: line, byteColumn: byteColumn))
  }

  /// The text of a node's inline descendants, without markup.
  static func inlineText(of node: OpaquePointer) -> String {
    var text = ""
    var child = cmark_node_first_child(node)
    while let current = child {
      switch cmark_node_get_type(current) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
        if let literal = cmark_node_get_literal(current) { text.append(String(cString: literal)) }
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        text.append(" ")
      default:
        text.append(inlineText(of: current))
      }
      child = cmark_node_next(current)
    }
    return text
  }

  /// cmark-gfm's HTML renderer writes headings without attributes, so the heading becomes a
  /// custom block whose first and last children are custom inlines holding `<hN id="…">`
  /// and `</hN>` around the heading's own inlines. (The tags go in inlines because a custom
  /// block puts line breaks around its own opening and closing text.) The HTML is then the
  /// heading cmark-gfm would write, plus the `id`.
  static func anchorHeading(_ heading: OpaquePointer, anchor: String, level: Int32) {
    guard let block = MarkdownRenderer.newNode(CMARK_NODE_CUSTOM_BLOCK),
      let open = MarkdownRenderer.newNode(CMARK_NODE_CUSTOM_INLINE),
      let close = MarkdownRenderer.newNode(CMARK_NODE_CUSTOM_INLINE)
    else { return }
    cmark_node_set_on_enter(block, "")
    cmark_node_set_on_exit(block, "")
    cmark_node_set_on_enter(open, "<h\(level) id=\"\(HTMLText.escapeAttribute(anchor))\">")
    cmark_node_set_on_exit(open, "")
    cmark_node_set_on_enter(close, "</h\(level)>")
    cmark_node_set_on_exit(close, "")
    cmark_node_append_child(block, open)
    // A child cmark-gfm refuses to move would stay first for ever.
    while let child = cmark_node_first_child(heading), cmark_node_append_child(block, child) == 1 {}
    cmark_node_append_child(block, close)
    cmark_node_replace(heading, block)
    cmark_node_free(heading)
  }
}

/// Recognises URLs that would run code when followed.
public enum URLSafety {
  /// `javascript:`, `vbscript:` and `data:` URLs, whatever their case, leading spaces or
  /// control characters inside the scheme (browsers ignore those).
  public static func isScriptURL(_ url: String) -> Bool {
    var scheme: [UInt8] = []
    for byte in url.utf8 {
      if byte == UInt8(ascii: ":") { return scriptSchemes.contains(scheme) }
      if byte <= 0x20 { continue }
      // A scheme is ASCII letters (and digits, +, -, .): anything else is no scheme.
      guard byte < 0x80, scheme.count < 12 else { return false }
      scheme.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
    }
    return false
  }

  private static let scriptSchemes: Set<[UInt8]> = [
    Array("javascript".utf8), Array("vbscript".utf8), Array("data".utf8),
  ]

  /// `("a.md", "b")` for `a.md#b`.
  public static func splitFragment(_ url: String) -> (path: String, fragment: String?) {
    // Searched as bytes: a Character search costs a grapheme break check per letter.
    guard let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (url, nil) }
    return (String(url[..<hash]), String(url[url.utf8.index(after: hash)...]))
  }
}
