import Foundation

/// What cmark-gfm's table, autolink and strikethrough extensions need to find in a body
/// before they can change its tree. A body without it parses to the same tree without them,
/// and faster: the table extension tries every line of a paragraph as a table's delimiter
/// row, and the others make the inline parser stop at every `w`, `:` and `~` of the text.
enum ExtensionTriggers {
  /// Whether a table may occur: a `|`, or a `:` beside a `-` (cmark-gfm 0.29 reads
  /// `Year` over `:--` as a one-column table; without a colon, `---` under a line is a
  /// heading's underline).
  static func mayHoldTable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    contains(UInt8(ascii: "|"), in: bytes)
      || contains(UInt8(ascii: ":"), in: bytes) { colon in
        (colon > 0 && bytes[colon - 1] == UInt8(ascii: "-"))
          || (colon + 1 < bytes.count && bytes[colon + 1] == UInt8(ascii: "-"))
      }
  }

  /// Whether an autolink may occur: a scheme's `://`, a `www.` (in any case), an `@` (an
  /// address, also after `mailto:` or `xmpp:`) or an `&` (an entity such as `&#64;` spells
  /// an address's `@` in the text the extension reads).
  static func mayHoldAutolink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    contains(UInt8(ascii: "@"), in: bytes) || contains(UInt8(ascii: "&"), in: bytes)
      || contains(UInt8(ascii: ":"), in: bytes) { colon in
        colon + 2 < bytes.count && bytes[colon + 1] == UInt8(ascii: "/") && bytes[colon + 2] == UInt8(ascii: "/")
      }
      || contains(UInt8(ascii: "."), in: bytes) { dot in
        dot >= 3 && (dot - 3..<dot).allSatisfy { bytes[$0] | 0x20 == UInt8(ascii: "w") }
      }
  }

  /// Whether a strikethrough may occur: a `~`.
  static func mayHoldStrikethrough(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    contains(UInt8(ascii: "~"), in: bytes)
  }

  /// Whether `byte` occurs in `bytes` at an offset `where` accepts (each found by memchr).
  private static func contains(
    _ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, where accepts: (Int) -> Bool = { _ in true }
  ) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var offset = 0
    while offset < bytes.count, let hit = memchr(base + offset, Int32(byte), bytes.count - offset) {
      let found = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if accepts(found) { return true }
      offset = found + 1
    }
    return false
  }
}
