import Foundation

/// A YAML value as igfsite keeps it: typed, ordered, and carrying where it was written, so
/// that every later stage can point at the exact line of a bad value.
public enum YAMLValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  /// A date without a time (`2017-03-28`).
  case date(CalendarDate)
  /// A timestamp with a time of day, kept as an instant.
  case timestamp(Date)
  case list([YAMLNode])
  case map([YAMLEntry])

  /// The name of the type, as messages show it.
  public var typeName: String {
    switch self {
    case .null: "nothing"
    case .bool: "a boolean"
    case .int: "an integer"
    case .double: "a number"
    case .string: "text"
    case .date, .timestamp: "a date"
    case .list: "a list"
    case .map: "a mapping"
    }
  }
}

/// A value with its position in the source file.
public struct YAMLNode: Sendable, Hashable {
  public var value: YAMLValue
  public var location: SourceLocation

  public init(_ value: YAMLValue, at location: SourceLocation) {
    self.value = value
    self.location = location
  }

  public var string: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  /// Whether two values are the same wherever they are written (`==` compares places too).
  public func hasSameValue(as other: YAMLNode) -> Bool {
    switch (value, other.value) {
    case (.list(let mine), .list(let theirs)):
      return mine.count == theirs.count && zip(mine, theirs).allSatisfy { $0.hasSameValue(as: $1) }
    case (.map(let mine), .map(let theirs)):
      return mine.count == theirs.count
        && mine.allSatisfy { entry in
          theirs.first { $0.key == entry.key }.map { entry.value.hasSameValue(as: $0.value) } ?? false
        }
    case (.list, _), (_, .list), (.map, _), (_, .map):
      return false
    default:
      // `cycle: "2017"` repeats `cycle: 2017`: the same fact written another way.
      return value == other.value || (scalarText != nil && scalarText == other.scalarText)
    }
  }

  public var int: Int? {
    if case .int(let number) = value { return number }
    return nil
  }

  public var bool: Bool? {
    if case .bool(let flag) = value { return flag }
    return nil
  }

  /// A day, from either a date or a timestamp (its UTC day).
  public var date: CalendarDate? {
    switch value {
    case .date(let day): day
    case .timestamp(let instant): CalendarDate(utc: instant)
    default: nil
    }
  }

  /// A date as far as it is known: a day, a month (`2020-11`, plain or quoted) or a year
  /// (`2018`). A quoted full day is not one: the type check asks for the quotes to go.
  public var partialDate: PartialDate? {
    switch value {
    case .date, .timestamp: date.map(PartialDate.init)
    case .int(let year): PartialDate(year: year)
    case .string(let text) where text.utf8.count != 10: PartialDate(text: text)
    default: nil
    }
  }

  /// The word `unknown`, which fields the schema allows it for take instead of a value.
  public var isUnknown: Bool { string == Self.unknownWord }

  public static let unknownWord = "unknown"

  public var list: [YAMLNode]? {
    if case .list(let items) = value { return items }
    return nil
  }

  public var entries: [YAMLEntry]? {
    if case .map(let entries) = value { return entries }
    return nil
  }

  /// The value of `key` when this node is a mapping.
  public subscript(key: String) -> YAMLNode? {
    guard case .map(let entries) = value else { return nil }
    // Through a pointer: every stage asks for fields by name, and stepping through the
    // entries as values copied each one (its key, places and value) on the way.
    return entries.withUnsafeBufferPointer { entries in
      for index in entries.indices where entries[index].key == key { return entries[index].value }
      return nil
    }
  }

  /// Text of a scalar, whatever its YAML type: what a reader would see.
  public var scalarText: String? {
    switch value {
    case .string(let text): text
    case .int(let number): String(number)
    case .double(let number): String(number)
    case .bool(let flag): String(flag)
    case .date(let day): day.description
    case .timestamp(let instant): ISO8601DateFormatter().string(from: instant)
    case .null, .list, .map: nil
    }
  }

  /// A list of strings, accepting a single string as a one-item list.
  public var strings: [String] {
    switch value {
    case .string(let text): [text]
    case .list(let items): items.compactMap(\.scalarText)
    default: []
    }
  }
}

/// One `key: value` pair of a mapping, with the key's own position.
public struct YAMLEntry: Sendable, Hashable {
  public var key: String
  public var keyLocation: SourceLocation
  public var value: YAMLNode

  public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
    self.key = key
    self.keyLocation = keyLocation
    self.value = value
  }
}
