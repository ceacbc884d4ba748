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
    var output = ""
    write(to: &output, indent: pretty ? 0 : nil)
    if pretty { output.append("\n") }
    return output
  }

  private func write(to output: inout String, indent: Int?) {
    switch self {
    case .null: output.append("null")
    case .bool(let flag): output.append(flag ? "true" : "false")
    case .int(let number): output.append(String(number))
    case .double(let number):
      output.append(number.isFinite ? String(number) : "null")
    case .string(let text): JSONValue.appendQuoted(text, to: &output)
    case .array(let items):
      guard !items.isEmpty else { return output.append("[]") }
      output.append("[")
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(",") }
        JSONValue.newline(&output, indent.map { $0 + 1 })
        item.write(to: &output, indent: indent.map { $0 + 1 })
      }
      JSONValue.newline(&output, indent)
      output.append("]")
    case .object(let members):
      guard !members.isEmpty else { return output.append("{}") }
      output.append("{")
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output.append(",") }
        JSONValue.newline(&output, indent.map { $0 + 1 })
        JSONValue.appendQuoted(key, to: &output)
        output.append(indent == nil ? ":" : ": ")
        value.write(to: &output, indent: indent.map { $0 + 1 })
      }
      JSONValue.newline(&output, indent)
      output.append("}")
    }
  }

  private static func newline(_ output: inout String, _ indent: Int?) {
    guard let indent else { return }
    output.append("\n")
    output.append(String(repeating: "  ", count: indent))
  }

  /// Appends `text` as a JSON string. `<`, `>` and `&` are escaped too, so the result is
  /// also safe inside an HTML `<script>` element (JSON-LD) where `</script>` would end it.
  public static func appendQuoted(_ text: String, to output: inout String) {
    output.append("\"")
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output.append("\\\"")
      case "\\": output.append("\\\\")
      case "\n": output.append("\\n")
      case "\r": output.append("\\r")
      case "\t": output.append("\\t")
      case "<": output.append("\\u003c")
      case ">": output.append("\\u003e")
      case "&": output.append("\\u0026")
      case "\u{2028}": output.append("\\u2028")
      case "\u{2029}": output.append("\\u2029")
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output.append("\"")
  }
}
