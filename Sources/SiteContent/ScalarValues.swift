import Foundation

/// The values of plain scalars `ScalarResolver` has typed, built as YAML 1.1 (and Yams'
/// constructors) build them, so that the binary needs only Debian's libyaml: the Yams
/// compatibility suite compares both on thousands of scalars.
enum ScalarValues {
  /// `12`, `+12`, `1_000`, `0x1F`, `0b101`, `0o17` and `017` (octal), `1:30` (base 60).
  static func integer(_ text: String) -> Int? {
    if let decimal = plainDecimal(text) { return decimal }
    let written = text.filter { $0 != "_" }
    if written == "0" { return 0 }
    let negative = written.hasPrefix("-")
    let unsigned = negative || written.hasPrefix("+") ? written.dropFirst() : Substring(written)
    for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where unsigned.hasPrefix(prefix) {
      return Int((negative ? "-" : "") + unsigned.dropFirst(prefix.count), radix: radix)
    }
    if unsigned.contains(":") { return baseSixty(written, parse: { Int($0, radix: 10) }) }
    return Int(written)
  }

  /// The value of digits alone not starting with `0` (`2017`), read on their bytes: most
  /// integers a front matter holds are years. Nil for anything else (the general reading
  /// then decides).
  private static func plainDecimal(_ text: String) -> Int? {
    let utf8 = text.utf8
    guard let first = utf8.first, first != UInt8(ascii: "0"), utf8.count <= 18 else { return nil }
    var value = 0
    for byte in utf8 {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// `1.5`, `1e3`, `1_000.5`, `.inf`, `-.Inf`, `.NaN`, `1:30.5` (base 60).
  static func float(_ text: String) -> Double? {
    switch text {
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
    case "-.inf", "-.Inf", "-.INF": return -.infinity
    case ".nan", ".NaN", ".NAN": return .nan
    default:
      let written = text.filter { $0 != "_" }
      return written.contains(":") ? baseSixty(written, parse: { Double($0) }) : Double(written)
    }
  }

  /// `-1:30` = -90: the parts that read as numbers, most significant first. Nil when it
  /// overflows.
  private static func baseSixty(_ text: String, parse: (String) -> Int?) -> Int? {
    let (sign, parts) = signAndParts(text)
    var value = 0
    for number in parts.compactMap(parse) {
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
      let (sum, overflowAgain) = shifted.addingReportingOverflow(number)
      guard !overflow, !overflowAgain else { return nil }
      value = sum
    }
    return sign * value
  }

  private static func baseSixty(_ text: String, parse: (String) -> Double?) -> Double? {
    let (sign, parts) = signAndParts(text)
    return Double(sign) * parts.compactMap(parse).reduce(0) { $0 * 60 + $1 }
  }

  private static func signAndParts(_ text: String) -> (Int, [String]) {
    var digits = Substring(text)
    var sign = 1
    if digits.hasPrefix("-") {
      sign = -1
      digits = digits.dropFirst()
    } else if digits.hasPrefix("+") {
      digits = digits.dropFirst()
    }
    return (sign, digits.split(separator: ":", omittingEmptySubsequences: false).map(String.init))
  }

  /// `2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43.10 -5`, `2002-12-14` (UTC).
  static func timestamp(_ text: String) -> Date? {
    var cursor = Array(text.utf8)[...]
    func number(min: Int, max: Int) -> Int? {
      let digits = cursor.prefix(while: { $0 >= 48 && $0 <= 57 }).prefix(max)
      guard digits.count >= min else { return nil }
      cursor = cursor.dropFirst(digits.count)
      return Int(String(decoding: digits, as: UTF8.self))
    }
    func take(_ byte: UInt8) -> Bool {
      guard cursor.first == byte else { return false }
      cursor = cursor.dropFirst()
      return true
    }
    var components = DateComponents()
    components.calendar = Self.calendar
    guard let year = number(min: 4, max: 4), take(45), let month = number(min: 1, max: 2), take(45),
      let day = number(min: 1, max: 2)
    else { return nil }
    (components.year, components.month, components.day) = (year, month, day)
    var offset = 0
    var fraction: Double?
    if !cursor.isEmpty {
      if cursor.first == UInt8(ascii: "T") || cursor.first == UInt8(ascii: "t") {
        cursor = cursor.dropFirst()
      } else {
        let blanks = cursor.prefix(while: { $0 == 32 || $0 == 9 }).count
        guard blanks > 0 else { return nil }
        cursor = cursor.dropFirst(blanks)
      }
      guard let hour = number(min: 1, max: 2), take(58), let minute = number(min: 2, max: 2), take(58),
        let second = number(min: 2, max: 2)
      else { return nil }
      (components.hour, components.minute, components.second) = (hour, minute, second)
      if take(46) {
        let digits = cursor.prefix(while: { $0 >= 48 && $0 <= 57 })
        cursor = cursor.dropFirst(digits.count)
        let nine = String(decoding: digits.prefix(9), as: UTF8.self)
        if let value = Int(nine) {
          fraction = Double(value * Int(pow(10, Double(9 - nine.count)))) / 1_000_000_000
        }
      }
      cursor = cursor.drop(while: { $0 == 32 || $0 == 9 })
      if take(UInt8(ascii: "Z")) {
      } else if let sign = cursor.first, sign == 43 || sign == 45 {
        cursor = cursor.dropFirst()
        guard let hours = number(min: 1, max: 2) else { return nil }
        offset = hours * 3600
        if take(58) {
          guard let minutes = number(min: 2, max: 2) else { return nil }
          offset += minutes * 60
        }
        if sign == 45 { offset = -offset }
      }
    }
    guard cursor.isEmpty else { return nil }
    components.timeZone = TimeZone(secondsFromGMT: offset)
    return components.date.map { date in fraction.map(date.addingTimeInterval) ?? date }
  }

  private static let calendar = Calendar(identifier: .gregorian)
}
