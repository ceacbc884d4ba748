import Foundation
import SiteModel

/// Types plain YAML scalars the way Yams' default resolver does (YAML 1.1: booleans,
/// integers, floats, null, timestamps), with byte matchers equivalent to its regular
/// expressions: those expressions were the largest cost of reading front matter. Values are
/// then built by `ScalarValues`. Tests compare both with Yams on thousands of scalars.
public enum ScalarResolver {
  /// The YAML type a plain scalar resolves to.
  public enum Kind: Sendable, Equatable {
    case bool, int, float, merge, null, timestamp, value, string
  }

  public static func kind(of text: String) -> Kind {
    var text = text
    return text.withUTF8 { kind(of: $0) }
  }

  static func kind(of bytes: UnsafeBufferPointer<UInt8>) -> Kind {
    if isBool(bytes) { return .bool }
    if isInt(bytes) { return .int }
    if isFloat(bytes) { return .float }
    if bytes.count == 2, bytes[0] == 60, bytes[1] == 60 { return .merge }
    if isNull(bytes) { return .null }
    if isTimestamp(bytes) { return .timestamp }
    if bytes.count == 1, bytes[0] == 61 { return .value }
    return .string
  }

  /// The typed value of a plain scalar.
  public static func value(of text: String) -> YAMLValue {
    switch kind(of: text) {
    case .bool:
      return .bool(["true", "yes", "on"].contains(text.lowercased()))
    case .int:
      return ScalarValues.integer(text).map(YAMLValue.int) ?? .string(text)
    case .float:
      return ScalarValues.float(text).map(YAMLValue.double) ?? .string(text)
    case .null:
      return .null
    case .timestamp:
      if let day = CalendarDate(iso: text) { return .date(day) }
      // A date-shaped value that is no day (2017-02-30) stays text, for the type check to
      // report; Foundation would quietly roll it over into March.
      if text.utf8.count == 10 { return .string(text) }
      return ScalarValues.timestamp(text).map(YAMLValue.timestamp) ?? .string(text)
    case .merge, .value, .string:
      return .string(text)
    }
  }

  // MARK: Matchers, one per rule of Yams' default resolver

  /// The words, each packed into an integer (`packed`): compared as numbers, without making
  /// an array of every scalar to look it up.
  private static let boolWords: [UInt64] = [
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off",
    "Off", "OFF",
  ]
  .map { word in word.utf8.reversed().reduce(0) { $0 << 8 | UInt64($1) } }

  /// Up to eight bytes as one integer, the first in the lowest byte.
  private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }

  static func isBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 2, bytes.count <= 5, let first = bytes.first else { return false }
    // Every word starts with one of y, n, t, f, o in either case.
    switch first | 0x20 {
    case UInt8(ascii: "y"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "o"):
      return boolWords.contains(packed(bytes))
    default:
      return false
    }
  }

  static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch bytes.count {
    case 0: return true
    case 1: return bytes[0] == UInt8(ascii: "~")
    case 4:
      let word = String(decoding: bytes, as: UTF8.self)
      return word == "null" || word == "Null" || word == "NULL"
    default: return false
    }
  }

  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  /// A cursor over the scalar's bytes for the matchers below.
  struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index == bytes.count }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func take(_ byte: UInt8) -> Bool {
      guard current == byte else { return false }
      index += 1
      return true
    }

    mutating func takeSign() { if current == 43 || current == 45 { index += 1 } }

    /// Takes one or more bytes satisfying `predicate`; false when there is none.
    mutating func takeMany(_ predicate: (UInt8) -> Bool) -> Bool {
      let start = index
      while let byte = current, predicate(byte) { index += 1 }
      return index > start
    }

    mutating func takeAny(_ predicate: (UInt8) -> Bool) {
      while let byte = current, predicate(byte) { index += 1 }
    }
  }

  static func isInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let underscore = UInt8(ascii: "_")
    // [-+]?0b[0-1_]+
    do {
      var cursor = Cursor(bytes: bytes)
      cursor.takeSign()
      if cursor.take(48), cursor.take(UInt8(ascii: "b")), cursor.takeMany({ $0 == 48 || $0 == 49 || $0 == underscore }),
        cursor.atEnd
      {
        return true
      }
    }
    // [-+]?0o?[0-7_]+
    do {
      var cursor = Cursor(bytes: bytes)
      cursor.takeSign()
      if cursor.take(48) {
        _ = cursor.take(UInt8(ascii: "o"))
        if cursor.takeMany({ ($0 >= 48 && $0 <= 55) || $0 == underscore }), cursor.atEnd { return true }
      }
    }
    // [-+]?(?:0|[1-9][0-9_]*)
    do {
      var cursor = Cursor(bytes: bytes)
      cursor.takeSign()
      if cursor.take(48) {
        if cursor.atEnd { return true }
      } else if let first = cursor.current, first >= 49, first <= 57 {
        cursor.index += 1
        cursor.takeAny { isDigit($0) || $0 == underscore }
        if cursor.atEnd { return true }
      }
    }
    // [-+]?0x[0-9a-fA-F_]+
    do {
      var cursor = Cursor(bytes: bytes)
      cursor.takeSign()
      if cursor.take(48), cursor.take(UInt8(ascii: "x")),
        cursor.takeMany({ isDigit($0) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) || $0 == underscore }),
        cursor.atEnd
      {
        return true
      }
    }
    // [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
    do {
      var cursor = Cursor(bytes: bytes)
      cursor.takeSign()
      if let first = cursor.current, first >= 49, first <= 57 {
        cursor.index += 1
        cursor.takeAny { isDigit($0) || $0 == underscore }
        if takeSexagesimalParts(&cursor), cursor.atEnd { return true }
      }
    }
    return false
  }

  /// `(?::[0-5]?[0-9])+`, matched greedily as a regular expression would.
  static func takeSexagesimalParts(_ cursor: inout Cursor) -> Bool {
    var parts = 0
    while cursor.current == UInt8(ascii: ":") {
      var trial = cursor
      trial.index += 1
      guard let first = trial.current, isDigit(first) else { break }
      trial.index += 1
      // [0-5]?[0-9]: one digit, or a digit 0–5 followed by a digit.
      if first <= 53, let second = trial.current, isDigit(second) { trial.index += 1 }
      cursor = trial
      parts += 1
    }
    return parts > 0
  }

  static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let underscore = UInt8(ascii: "_")
    let dot = UInt8(ascii: ".")
    func takeExponent(_ cursor: inout Cursor, signRequired: Bool) -> Bool {
      var trial = cursor
      guard trial.take(UInt8(ascii: "e")) || trial.take(UInt8(ascii: "E")) else { return true }
      if signRequired {
        guard trial.take(43) || trial.take(45) else { return false }
      } else {
        trial.takeSign()
      }
      guard trial.takeMany(isDigit) else { return false }
      cursor = trial
      return true
    }
    // [-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
    do {
      var cursor = Cursor(bytes: bytes)
      cursor.takeSign()
      if let first = cursor.current, isDigit(first) {
        cursor.index += 1
        cursor.takeAny { isDigit($0) || $0 == underscore }
        if cursor.take(dot) { cursor.takeAny { isDigit($0) || $0 == underscore } }
        if takeExponent(&cursor, signRequired: false), cursor.atEnd { return true }
      }
    }
    // \.[0-9_]+(?:[eE][-+][0-9]+)?
    do {
      var cursor = Cursor(bytes: bytes)
      if cursor.take(dot), cursor.takeMany({ isDigit($0) || $0 == underscore }),
        takeExponent(&cursor, signRequired: true), cursor.atEnd
      {
        return true
      }
    }
    // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    do {
      var cursor = Cursor(bytes: bytes)
      cursor.takeSign()
      if let first = cursor.current, isDigit(first) {
        cursor.index += 1
        cursor.takeAny { isDigit($0) || $0 == underscore }
        if takeSexagesimalParts(&cursor), cursor.take(dot) {
          cursor.takeAny { isDigit($0) || $0 == underscore }
          if cursor.atEnd { return true }
        }
      }
    }
    // [-+]?\.(?:inf|Inf|INF)   and   \.(?:nan|NaN|NAN)
    guard let first = bytes.first, first == dot || first == 43 || first == 45, bytes.count <= 5 else { return false }
    let text = String(decoding: bytes, as: UTF8.self)
    if [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"].contains(
      text)
    {
      return true
    }
    return false
  }

  static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func digits(_ cursor: inout Cursor, min: Int, max: Int) -> Bool {
      var count = 0
      while count < max, let byte = cursor.current, isDigit(byte) {
        cursor.index += 1
        count += 1
      }
      return count >= min
    }
    // [0-9]{4}-[0-9]{2}-[0-9]{2}
    if bytes.count == 10 {
      var cursor = Cursor(bytes: bytes)
      if digits(&cursor, min: 4, max: 4), cursor.take(45), digits(&cursor, min: 2, max: 2), cursor.take(45),
        digits(&cursor, min: 2, max: 2), cursor.atEnd
      {
        return true
      }
    }
    // [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
    //   (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?
    var cursor = Cursor(bytes: bytes)
    guard digits(&cursor, min: 4, max: 4), cursor.take(45), digits(&cursor, min: 1, max: 2), cursor.take(45),
      digits(&cursor, min: 1, max: 2)
    else { return false }
    if !(cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: "t"))) {
      guard cursor.takeMany({ $0 == 32 || $0 == 9 }) else { return false }
    }
    guard digits(&cursor, min: 1, max: 2), cursor.take(58), digits(&cursor, min: 2, max: 2), cursor.take(58),
      digits(&cursor, min: 2, max: 2)
    else { return false }
    if cursor.take(UInt8(ascii: ".")) { cursor.takeAny(isDigit) }
    if cursor.atEnd { return true }
    cursor.takeAny { $0 == 32 || $0 == 9 }
    if cursor.take(UInt8(ascii: "Z")) { return cursor.atEnd }
    guard cursor.take(43) || cursor.take(45), digits(&cursor, min: 1, max: 2) else { return false }
    if cursor.atEnd { return true }
    guard cursor.take(58), digits(&cursor, min: 2, max: 2) else { return false }
    return cursor.atEnd
  }
}
