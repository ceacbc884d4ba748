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
    guard let base = bytes.baseAddress else { return false }
    let count = bytes.count
    if memchr(base, Int32(UInt8(ascii: "|")), count) != nil { return true }
    var offset = 0
    while offset < count, let hit = memchr(base + offset, Int32(UInt8(ascii: ":")), count - offset) {
      let colon = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if colon > 0, bytes[colon - 1] == UInt8(ascii: "-") { return true }
      if colon + 1 < count, bytes[colon + 1] == UInt8(ascii: "-") { return true }
      offset = colon + 1
    }
    return false
  }

  /// Whether an autolink may occur: a scheme's `://`, a `www.` (in any case), an `@` (an
  /// address, also after `mailto:` or `xmpp:`) or an `&` (an entity such as `&#64;` spells
  /// an address's `@` in the text the extension reads).
  static func mayHoldAutolink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let count = bytes.count
    if memchr(base, Int32(UInt8(ascii: "@")), count) != nil || memchr(base, Int32(UInt8(ascii: "&")), count) != nil {
      return true
    }
    var offset = 0
    while offset < count, let hit = memchr(base + offset, Int32(UInt8(ascii: ":")), count - offset) {
      let colon = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if colon + 2 < count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") {
        return true
      }
      offset = colon + 1
    }
    offset = 0
    while offset < count, let hit = memchr(base + offset, Int32(UInt8(ascii: ".")), count - offset) {
      let dot = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if dot >= 3, (dot - 3..<dot).allSatisfy({ bytes[$0] | 0x20 == UInt8(ascii: "w") }) { return true }
      offset = dot + 1
    }
    return false
  }

  /// Whether a strikethrough may occur: a `~`.
  static func mayHoldStrikethrough(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    return memchr(base, Int32(UInt8(ascii: "~")), bytes.count) != nil
  }
}
