import CCmarkGFM
import Foundation
import SiteModel

/// Gives the body's paragraphs stable anchors, so a reader can cite "paragraph 7 of the
/// summary of Virtual Meeting II" and link to it (`#p7`).
///
/// Numbered paragraphs (the MAG summaries' "1.", "2." …, which Markdown reads as ordered
/// lists) keep their own numbers: item 7 is `p7`. In a body without numbered paragraphs the
/// top-level paragraphs are `p1`, `p2` …; in one with them, an unnumbered paragraph is
/// named after the numbered one before it (`p3-1` after paragraph 3, `p0-1` before the
/// first), so the numbers never clash. Each anchored paragraph ends with a `¶` link to
/// itself, which the stylesheet shows on hover and focus.
enum ParagraphAnchors {
  /// Names the top-level paragraphs and numbered items of `document`, and with `mark` adds
  /// the target and link to each; `taken` holds the ids already on the page (headings) and
  /// `reserved` the page template's, which a paragraph never reuses.
  /// - Parameter text: a paragraph's text as a reader sees it (its literal text and code,
  ///   line breaks as spaces), asked for the paragraphs in document order.
  /// - Returns: the ids in order, and with `mark` each paragraph's text (for the search
  ///   index, which shows the sentence that matched, linked to its paragraph).
  static func anchor(
    _ document: OpaquePointer, taken: Set<String>, reserved: Set<String>, mark: Bool,
    text: (OpaquePointer) -> String
  ) -> (ids: [String], texts: [String]) {
    var used = taken
    var given: [String] = []
    var texts: [String] = []
    let hasNumbered = children(of: document).contains(where: isOrderedList)
    // Without numbered paragraphs, whose numbers may repeat, the ids `p1`, `p2` … are
    // unique among themselves: only an id of the same shape on the page can take one.
    let mayClash =
      hasNumbered || taken.contains(where: isParagraphShaped) || reserved.contains(where: isParagraphShaped)
    func unique(_ id: String) -> String { mayClash ? Self.unique(id, &used, reserved: reserved) : id }
    var lastNumber = 0
    var sinceNumber = 0
    for block in children(of: document) {
      if isOrderedList(block) {
        let start = Int(cmark_node_get_list_start(block))
        for (offset, item) in children(of: block).enumerated() {
          lastNumber = start + offset
          sinceNumber = 0
          guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
          else {
            continue
          }
          let id = unique("p\(lastNumber)")
          if mark {
            texts.append(text(paragraph))
            self.mark(paragraph, id: id, number: "\(lastNumber)")
          }
          given.append(id)
        }
      } else if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH {
        sinceNumber += 1
        let id = hasNumbered ? "p\(lastNumber)-\(sinceNumber)" : "p\(sinceNumber)"
        let uniqueID = unique(id)
        if mark {
          texts.append(text(block))
          self.mark(block, id: uniqueID, number: nil)
        }
        given.append(uniqueID)
      }
    }
    return (given, texts)
  }

  /// `p` then a digit: the shape of the ids given here.
  private static func isParagraphShaped(_ id: String) -> Bool {
    var bytes = id.utf8.makeIterator()
    guard bytes.next() == UInt8(ascii: "p"), let second = bytes.next() else { return false }
    return second >= UInt8(ascii: "0") && second <= UInt8(ascii: "9")
  }

  private static func isOrderedList(_ node: OpaquePointer) -> Bool {
    cmark_node_get_type(node) == CMARK_NODE_LIST && cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
  }

  private static func children(of node: OpaquePointer) -> [OpaquePointer] {
    var found: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      found.append(current)
      child = cmark_node_next(current)
    }
    return found
  }

  private static func unique(_ id: String, _ used: inout Set<String>, reserved: Set<String>) -> String {
    var candidate = id
    var suffix = 2
    while used.contains(candidate) || reserved.contains(candidate) {
      candidate = "\(id)-\(suffix)"
      suffix += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// An empty target at the start of the paragraph and a link to it at its end.
  private static func mark(_ paragraph: OpaquePointer, id: String, number: String?) {
    guard let target = MarkdownRenderer.newNode(CMARK_NODE_CUSTOM_INLINE),
      let link = MarkdownRenderer.newNode(CMARK_NODE_CUSTOM_INLINE)
    else { return }
    // The HTML put together as bytes and handed over as C strings (cmark-gfm copies them):
    // a body has dozens of paragraphs, and interpolating `String`s cost more than the rest.
    withJoinedCString("<span class=\"para-target\" id=\"", id, "\"></span>") { cmark_node_set_on_enter(target, $0) }
    cmark_node_set_on_exit(target, "")
    let label = number.map { ParagraphLinkLabel.numbered + $0 } ?? ParagraphLinkLabel.plain
    withJoinedCString(" <a class=\"para-link\" href=\"#", id, "\" aria-label=\"", label, "\">¶</a>") {
      cmark_node_set_on_enter(link, $0)
    }
    cmark_node_set_on_exit(link, "")
    cmark_node_prepend_child(paragraph, target)
    cmark_node_append_child(paragraph, link)
  }

  /// Calls `body` with the parts joined as one C string, put together on the stack.
  private static func withJoinedCString(_ parts: String..., body: (UnsafePointer<CChar>) -> Void) {
    let length = parts.reduce(0) { $0 + $1.utf8.count }
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      for var part in parts {
        part.withUTF8 { bytes in
          if let source = bytes.baseAddress {
            UnsafeMutableRawPointer(base + offset).copyMemory(from: source, byteCount: bytes.count)
          }
          offset += bytes.count
        }
      }
      base[offset] = 0
      body(base)
    }
  }
}
