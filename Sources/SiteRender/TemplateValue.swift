/// The values page templates are rendered with: text, flags, numbers, lists and objects,
/// built by the view models of each page type. Keeping them typed (rather than `Any`) keeps
/// rendering `Sendable` and lets a missing name be noticed.
public enum TemplateValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral
{
  /// Text; `{{name}}` escapes it, `{{{name}}}` does not (used only for HTML igfsite built).
  case text(String)
  case bool(Bool)
  case number(Int)
  case decimal(Double)
  /// Nothing: prints as empty text and is false in sections (JSON's `null`).
  case null
  case list([TemplateValue])
  case object(TemplateObject)

  public init(stringLiteral value: String) { self = .text(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .number(value) }
  public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }

  public subscript(key: String) -> TemplateValue? {
    if case .object(let object) = self { return object[key] }
    return nil
  }
}

/// A mapping of names to values; absent optional values are simply not there, so a
/// `{{#name}}` section is skipped for them.
///
/// Stored as a short list of pairs rather than a dictionary: view models have a dozen keys
/// at most, are built by the tens of thousands in a build, and a list is cheaper to build
/// and to search at that size.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
  private var keys: [String]
  private var values: [TemplateValue]

  public init(_ fields: [String: TemplateValue] = [:]) {
    keys = Array(fields.keys)
    values = Array(fields.values)
  }

  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    keys = []
    values = []
    keys.reserveCapacity(elements.count + 4)
    values.reserveCapacity(elements.count + 4)
    for (key, value) in elements { self[key] = value }
  }

  /// The names and values, in the order they were set.
  public var fields: [(String, TemplateValue)] { Array(zip(keys, values)) }

  public subscript(key: String) -> TemplateValue? {
    get {
      for index in keys.indices where keys[index] == key { return values[index] }
      return nil
    }
    set {
      if let index = keys.firstIndex(of: key) {
        if let newValue {
          values[index] = newValue
        } else {
          keys.remove(at: index)
          values.remove(at: index)
        }
      } else if let newValue {
        keys.append(key)
        values.append(newValue)
      }
    }
  }

  /// Sets `key` to text, or leaves it absent when `text` is nil or empty.
  public mutating func set(_ key: String, text: String?) {
    guard let text, !text.isEmpty else { return }
    self[key] = .text(text)
  }

  /// Sets `key` to a list and `has_<key>` to true, or leaves both absent when the list is
  /// empty, so a template can wrap a list in a heading only when it has items.
  public mutating func set(_ key: String, list: [TemplateValue]) {
    guard !list.isEmpty else { return }
    self[key] = .list(list)
    self["has_" + key] = .bool(true)
  }

  /// Sets `key` to an object built elsewhere, when there is one.
  public mutating func set(_ key: String, object: TemplateObject?) {
    guard let object else { return }
    self[key] = .object(object)
  }

  /// Sets each of `keys` that has no value to `false`. Mustache looks a name up in the
  /// enclosing objects when the current one lacks it, so a list item without a `url` would
  /// otherwise take its page's `url`: objects rendered by shared partials declare their
  /// absent fields this way.
  public mutating func markAbsent(_ names: [String]) {
    for name in names where self[name] == nil { self[name] = .bool(false) }
  }

  /// Copies every field of `other` into this object.
  public mutating func merge(_ other: TemplateObject) {
    for (key, value) in zip(other.keys, other.values) { self[key] = value }
  }
}
