/// The values page templates are rendered with: text, flags, numbers, lists and objects,
/// built by the view models of each page type. Keeping them typed (rather than `Any`) keeps
/// rendering `Sendable` and lets a missing name be noticed.
public enum TemplateValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral
{
  /// Text; `{{name}}` escapes it, `{{{name}}}` does not (used only for HTML igfsite built).
  case text(String)
  /// Text as UTF-8 bytes, printed as `text` is: a document's HTML body, copied in as
  /// cmark-gfm wrote it.
  case bytes([UInt8])
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

/// A name a template looks up, with its hash worked out once (when the template is parsed,
/// or when a view model sets it), so that finding it in an object compares integers.
public struct TemplateKey: Sendable, Hashable {
  public let name: String
  let hash: Int
  /// One bit of 64 chosen by the hash: an object whose `keyBits` lack it lacks the key, so
  /// looking a name up through the enclosing objects skips most of them without a search.
  let bit: UInt64
  /// Whether this is `.`, the current item itself.
  let isCurrentItem: Bool

  public init(_ name: String) {
    self.name = name
    // Keys are made by the hundred for every page: their bytes are read in one buffer.
    var text = name
    let (hash, isDot) = text.withUTF8 { bytes in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return (hash, bytes.count == 1 && bytes[0] == UInt8(ascii: "."))
    }
    self.hash = Int(truncatingIfNeeded: hash)
    bit = 1 << (hash >> 58)
    isCurrentItem = isDot
  }
}

/// A mapping of names to values; absent optional values are simply not there, so a
/// `{{#name}}` section is skipped for them.
///
/// Stored as short lists rather than a dictionary: view models have a dozen keys at most,
/// are built by the tens of thousands in a build, and a list is cheaper to build and to
/// search at that size. The lists live in one shared, copy-on-write box, so the renderer
/// copies an object for the price of one reference count, and reads them through pointers
/// without counting references at all.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
  final class Storage: @unchecked Sendable {
    private(set) var hashes: UnsafeMutablePointer<Int>
    private(set) var keys: UnsafeMutablePointer<String>
    private(set) var values: UnsafeMutablePointer<TemplateValue>
    private(set) var count = 0
    private var capacity: Int
    /// The `bit` of every key set (and perhaps of keys since removed).
    private(set) var keyBits: UInt64 = 0

    init(capacity: Int) {
      self.capacity = max(capacity, 1)
      hashes = .allocate(capacity: self.capacity)
      keys = .allocate(capacity: self.capacity)
      values = .allocate(capacity: self.capacity)
    }

    deinit {
      keys.deinitialize(count: count)
      values.deinitialize(count: count)
      hashes.deallocate()
      keys.deallocate()
      values.deallocate()
    }

    func copy() -> Storage {
      let copy = Storage(capacity: count + 4)
      copy.hashes.initialize(from: hashes, count: count)
      copy.keys.initialize(from: keys, count: count)
      copy.values.initialize(from: values, count: count)
      copy.count = count
      copy.keyBits = keyBits
      return copy
    }

    func position(of key: TemplateKey) -> Int? {
      withUnsafePointer(to: key) { key in
        Self.position(of: key, hashes: hashes, keys: keys, count: count, keyBits: keyBits)
      }
    }

    /// Where `key` is among `count` fields: the one search of both a view model's subscript
    /// and the renderer, which reads the fields through pointers it took when a section
    /// entered the object.
    @inline(__always)
    static func position(
      of key: UnsafePointer<TemplateKey>, hashes: UnsafePointer<Int>, keys: UnsafePointer<String>, count: Int,
      keyBits: UInt64
    ) -> Int? {
      guard keyBits & key.pointee.bit != 0 else { return nil }
      let hash = key.pointee.hash
      for index in 0..<count where hashes[index] == hash && keys[index] == key.pointee.name { return index }
      return nil
    }

    func append(_ key: TemplateKey, _ value: TemplateValue) {
      if count == capacity { grow() }
      hashes[count] = key.hash
      (keys + count).initialize(to: key.name)
      (values + count).initialize(to: value)
      keyBits |= key.bit
      count += 1
    }

    func replace(at index: Int, with value: TemplateValue) { values[index] = value }

    func remove(at index: Int) {
      let last = count - 1
      (keys + index).deinitialize(count: 1)
      (values + index).deinitialize(count: 1)
      if index < last {
        (hashes + index).update(from: hashes + index + 1, count: last - index)
        (keys + index).moveInitialize(from: keys + index + 1, count: last - index)
        (values + index).moveInitialize(from: values + index + 1, count: last - index)
      }
      count = last
    }

    private func grow() {
      let larger = capacity * 2
      let newHashes = UnsafeMutablePointer<Int>.allocate(capacity: larger)
      let newKeys = UnsafeMutablePointer<String>.allocate(capacity: larger)
      let newValues = UnsafeMutablePointer<TemplateValue>.allocate(capacity: larger)
      newHashes.initialize(from: hashes, count: count)
      newKeys.moveInitialize(from: keys, count: count)
      newValues.moveInitialize(from: values, count: count)
      hashes.deallocate()
      keys.deallocate()
      values.deallocate()
      hashes = newHashes
      keys = newKeys
      values = newValues
      capacity = larger
    }
  }

  private(set) var storage: Storage

  public init(_ fields: [String: TemplateValue] = [:]) {
    storage = Storage(capacity: fields.count + 4)
    for (key, value) in fields { self[key] = value }
  }

  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    storage = Storage(capacity: elements.count + 4)
    for (key, value) in elements { self[key] = value }
  }

  /// The names and values, in the order they were set.
  public var fields: [(String, TemplateValue)] { (0..<storage.count).map { (storage.keys[$0], storage.values[$0]) } }

  /// The value of a name, as the renderer looks it up.
  func value(for key: TemplateKey) -> TemplateValue? {
    storage.position(of: key).map { storage.values[$0] }
  }

  public subscript(key: String) -> TemplateValue? {
    get { value(for: TemplateKey(key)) }
    set {
      let templateKey = TemplateKey(key)
      if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
      if let index = storage.position(of: templateKey) {
        if let newValue { storage.replace(at: index, with: newValue) } else { storage.remove(at: index) }
      } else if let newValue {
        storage.append(templateKey, newValue)
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
    for (key, value) in other.fields { self[key] = value }
  }
}
