import SiteSupport
import Testing

/// JSON strings skip plain text eight bytes at a time: every character that needs escaping
/// is found wherever it falls in those eight bytes, and in the tail shorter than eight.
@Suite struct JSONQuotingTests {
  static let escapes: [(String, String)] = [
    ("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("<", "\\u003c"),
    (">", "\\u003e"), ("&", "\\u0026"), ("\u{1}", "\\u0001"), ("\u{1F}", "\\u001f"), ("\u{2028}", "\\u2028"),
    ("\u{2029}", "\\u2029"),
  ]

  @Test func eachEscapeIsFoundAtEveryPosition() {
    for (character, escaped) in Self.escapes {
      for length in [7, 8, 9, 16, 23] {
        for position in 0..<length {
          let before = String(repeating: "a", count: position)
          let after = String(repeating: "é", count: length - position)
          var output: [UInt8] = []
          JSONValue.appendQuoted(before + character + after, to: &output)
          #expect(
            String(decoding: output, as: UTF8.self) == "\"" + before + escaped + after + "\"",
            "\(escaped.debugDescription) at \(position) of \(length)")
        }
      }
    }
  }

  @Test func plainTextAndOtherThreeByteCharactersAreCopied() {
    // U+2026 starts with the same byte as U+2028 and is not escaped.
    let text = String(repeating: "Internet governance … forum ", count: 5)
    var output: [UInt8] = []
    JSONValue.appendQuoted(text, to: &output)
    #expect(String(decoding: output, as: UTF8.self) == "\"" + text + "\"")
  }
}
