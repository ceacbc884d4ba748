/// A JSON document built in code and written with its keys in the order they were given,
/// so that machine-readable outputs diff cleanly between builds.
public indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  /// `.string` or `.null`.
  public static func optional(_ text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// Serialises with two-space indentation when `pretty`, else on one line.
  public func serialized(pretty: Bool = true) -> String {
    String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
  }

  /// The serialisation as UTF-8 bytes, ready to write (through `JSONWriter`, the one
  /// JSON writer of igfsite).
  public func serializedBytes(pretty: Bool = true) -> [UInt8] {
    var writer = JSONWriter(pretty: pretty, capacity: 4096)
    writer.value(self)
    return writer.finish()
  }

  /// Appends `text` as a JSON string. `<`, `>` and `&` are escaped too, so the result is
  /// also safe inside an HTML `<script>` element (JSON-LD) where `</script>` would end it.
  public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
    output.append(34)
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      func flush(_ end: Int) {
        if start < end { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
      }
      var index = 0
      while index < bytes.count {
        // Long texts (the search index's) are mostly plain: eight bytes checked at once.
        if index + 8 <= bytes.count, let base = bytes.baseAddress,
          !Self.needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        {
          index += 8
          continue
        }
        let byte = bytes[index]
        // Most bytes are copied as they are: say so before the switch below.
        if byte >= 0x20, byte != 34, byte != 92, byte != 60, byte != 62, byte != 38, byte != 0xE2 {
          index += 1
          continue
        }
        var escape: String?
        switch byte {
        case 34: escape = "\\\""
        case 92: escape = "\\\\"
        case 10: escape = "\\n"
        case 13: escape = "\\r"
        case 9: escape = "\\t"
        case 60: escape = "\\u003c"
        case 62: escape = "\\u003e"
        case 38: escape = "\\u0026"
        case 0xE2
        where index + 2 < bytes.count && bytes[index + 1] == 0x80
          && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
          // U+2028 and U+2029 end lines in JavaScript.
          flush(index)
          output.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          index += 3
          start = index
          continue
        default:
          if byte < 0x20 {
            let hex = String(byte, radix: 16)
            escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          }
        }
        if let escape {
          flush(index)
          output.append(contentsOf: escape.utf8)
          start = index + 1
        }
        index += 1
      }
      flush(bytes.count)
    }
    output.append(34)
  }

  /// Whether any of eight bytes is one `appendQuoted` may have to escape: a control
  /// character, `"`, `\\`, `<`, `>`, `&` or the first byte of U+2028 and U+2029 (each test
  /// is exact for the word as a whole, which is all this needs).
  @inline(__always)
  private static func needsEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
    let control = (word &- ones &* 0x20) & ~word & highs
    let quoteOrBackslash = zeroByte(word ^ (ones &* 34)) | zeroByte(word ^ (ones &* 92))
    let markup = zeroByte(word ^ (ones &* 60)) | zeroByte(word ^ (ones &* 62)) | zeroByte(word ^ (ones &* 38))
    return control | quoteOrBackslash | markup | zeroByte(word ^ (ones &* 0xE2)) != 0
  }

  /// Appends `text` as a JSON string to a `String`.
  public static func appendQuoted(_ text: String, to output: inout String) {
    var bytes: [UInt8] = []
    appendQuoted(text, to: &bytes)
    output.append(String(decoding: bytes, as: UTF8.self))
  }
}
