/// Escaping for text placed into HTML and XML, byte by byte.
public enum HTMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'`: safe in element content and in quoted attributes.
  public static func escape(_ text: String) -> String {
    var needsWork = false
    for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
      needsWork = true
      break
    }
    guard needsWork else { return text }
    var output = [UInt8]()
    output.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      switch byte {
      case 38: output.append(contentsOf: "&amp;".utf8)
      case 60: output.append(contentsOf: "&lt;".utf8)
      case 62: output.append(contentsOf: "&gt;".utf8)
      case 34: output.append(contentsOf: "&quot;".utf8)
      case 39: output.append(contentsOf: "&#39;".utf8)
      default: output.append(byte)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The same escaping; named for call sites that build attributes.
  public static func escapeAttribute(_ text: String) -> String { escape(text) }
}
