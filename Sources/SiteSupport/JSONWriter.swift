/// Writes JSON straight into bytes, compact or indented by two spaces, with keys in the
/// order they are written. For the large outputs (inventories, search index) and the
/// per-page JSON-LD, where building a `JSONValue` tree first cost more than the writing.
public struct JSONWriter {
  public private(set) var bytes: [UInt8] = []
  private let pretty: Bool
  /// For each open container: whether it has an element yet.
  private var hasElements: [Bool] = [false]
  private var afterKey = false

  public init(pretty: Bool = false, capacity: Int = 1024) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  /// A writer for one element that another writer will insert with `element(_:)` inside
  /// `depth` open containers: indented as it will sit there, without the separator before it.
  public init(pretty: Bool, elementAtDepth depth: Int, capacity: Int = 1024) {
    self.init(pretty: pretty, capacity: capacity)
    hasElements = Array(repeating: true, count: depth + 1)
    afterKey = true
  }

  /// The comma and line break (when pretty) before an element of the current container.
  private mutating func beforeValue() {
    if afterKey {
      afterKey = false
      return
    }
    let depth = hasElements.count - 1
    if hasElements[depth] { bytes.append(UInt8(ascii: ",")) }
    hasElements[depth] = true
    if pretty, depth > 0 { newline(depth) }
  }

  private mutating func newline(_ depth: Int) {
    bytes.append(10)
    for _ in 0..<(depth * 2) { bytes.append(32) }
  }

  private mutating func open(_ bracket: UInt8) {
    beforeValue()
    bytes.append(bracket)
    hasElements.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    let hadElements = hasElements.removeLast()
    if pretty, hadElements { newline(hasElements.count - 1) }
    bytes.append(bracket)
  }

  public mutating func beginObject() { open(UInt8(ascii: "{")) }
  public mutating func endObject() { close(UInt8(ascii: "}")) }
  public mutating func beginArray() { open(UInt8(ascii: "[")) }
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  /// A key of the object being written; the next value is its value.
  public mutating func key(_ name: String) {
    beforeValue()
    JSONValue.appendQuoted(name, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(32) }
    afterKey = true
  }

  public mutating func string(_ text: String) {
    beforeValue()
    JSONValue.appendQuoted(text, to: &bytes)
  }

  public mutating func int(_ number: Int) {
    beforeValue()
    bytes.append(contentsOf: String(number).utf8)
  }

  public mutating func bool(_ flag: Bool) {
    beforeValue()
    bytes.append(contentsOf: (flag ? "true" : "false").utf8)
  }

  public mutating func null() {
    beforeValue()
    bytes.append(contentsOf: "null".utf8)
  }

  /// A number that may have a fraction; not finite is `null`.
  public mutating func double(_ number: Double) {
    beforeValue()
    bytes.append(contentsOf: (number.isFinite ? String(number) : "null").utf8)
  }

  /// A whole tree built as a `JSONValue`.
  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .int(let number): int(number)
    case .double(let number): double(number)
    case .string(let text): string(text)
    case .array(let items):
      beginArray()
      for item in items { self.value(item) }
      endArray()
    case .object(let members):
      beginObject()
      for (name, member) in members {
        key(name)
        self.value(member)
      }
      endObject()
    }
  }

  /// An element written beforehand by a writer made with `init(pretty:elementAtDepth:)` at
  /// this writer's current depth.
  public mutating func element(_ written: [UInt8]) {
    beforeValue()
    bytes.append(contentsOf: written)
  }

  /// Indented JSON moved `levels` containers out: two spaces fewer after every line break.
  /// (Line breaks inside strings are escaped, so every one in the bytes is indentation.)
  public static func outdented(_ bytes: [UInt8], levels: Int) -> [UInt8] {
    let remove = levels * 2
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { source in
      var start = 0
      var index = 0
      while let hit = source[index...].firstIndex(of: 10) {
        result.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...hit]))
        var skip = hit + 1
        while skip < source.count, skip - hit - 1 < remove, source[skip] == 32 { skip += 1 }
        start = skip
        index = skip
      }
      result.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
    }
    return result
  }

  /// `key: "text"` in one call.
  public mutating func field(_ name: String, _ text: String) {
    key(name)
    string(text)
  }

  /// `key: "text"`, or `key: null`.
  public mutating func field(_ name: String, _ text: String?) {
    key(name)
    if let text { string(text) } else { null() }
  }

  /// An array of strings.
  public mutating func strings(_ name: String, _ values: [String]) {
    key(name)
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// Ends the document with a newline when pretty, and returns its bytes.
  public mutating func finish() -> [UInt8] {
    if pretty { bytes.append(10) }
    return bytes
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
