/// The values page templates are rendered with: text, flags, numbers, lists and objects,
/// built by the view models of each page type. Keeping them typed (rather than `Any`) keeps
/// rendering `Sendable` and lets a missing name be noticed.
public indirect enum TemplateValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral
{
  /// Text; `{{name}}` escapes it, `{{{name}}}` does not (used only for HTML igfsite built).
  case text(String)
  case bool(Bool)
  case number(Int)
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
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
  public private(set) var fields: [String: TemplateValue]

  public init(_ fields: [String: TemplateValue] = [:]) {
    self.fields = fields
  }

  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    fields = Dictionary(elements, uniquingKeysWith: { _, last in last })
  }

  public subscript(key: String) -> TemplateValue? {
    get { fields[key] }
    set { fields[key] = newValue }
  }

  /// Sets `key` to text, or leaves it absent when `text` is nil or empty.
  public mutating func set(_ key: String, text: String?) {
    guard let text, !text.isEmpty else { return }
    fields[key] = .text(text)
  }

  /// Sets `key` to a list and `has_<key>` to true, or leaves both absent when the list is
  /// empty, so a template can wrap a list in a heading only when it has items.
  public mutating func set(_ key: String, list: [TemplateValue]) {
    guard !list.isEmpty else { return }
    fields[key] = .list(list)
    fields["has_" + key] = .bool(true)
  }

  /// Sets `key` to an object built elsewhere, when there is one.
  public mutating func set(_ key: String, object: TemplateObject?) {
    guard let object else { return }
    fields[key] = .object(object)
  }

  /// Sets each of `keys` that has no value to `false`. Mustache looks a name up in the
  /// enclosing objects when the current one lacks it, so a list item without a `url` would
  /// otherwise take its page's `url`: objects rendered by shared partials declare their
  /// absent fields this way.
  public mutating func markAbsent(_ keys: [String]) {
    for key in keys where fields[key] == nil { fields[key] = .bool(false) }
  }

  /// Copies every field of `other` into this object.
  public mutating func merge(_ other: TemplateObject) {
    fields.merge(other.fields) { _, new in new }
  }
}
