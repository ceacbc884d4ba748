import Foundation

/// Renders compiled templates against a `TemplateValue` into bytes.
///
/// The values are read in place: the context the page was given lives until its render
/// returns and nothing changes it meanwhile, so the objects the sections enter are kept on
/// the stack as pointers to their fields, and looking a name up counts no references.
struct MustacheRenderer {
  /// An object (or other value) a section entered, with its fields where a lookup reads them.
  private struct Frame {
    var value: UnsafePointer<TemplateValue>
    var hashes: UnsafePointer<Int>?
    var keys: UnsafePointer<String>?
    var values: UnsafePointer<TemplateValue>?
    var count = 0
    var keyBits: UInt64 = 0

    init(_ value: UnsafePointer<TemplateValue>) {
      self.value = value
      guard case .object(let object) = value.pointee else { return }
      let storage = object.storage
      hashes = UnsafePointer(storage.hashes)
      keys = UnsafePointer(storage.keys)
      values = UnsafePointer(storage.values)
      count = storage.count
      keyBits = storage.keyBits
    }

    @inline(__always)
    func field(_ key: UnsafePointer<TemplateKey>) -> UnsafePointer<TemplateValue>? {
      guard let hashes, let keys, let values else { return nil }
      return TemplateObject.Storage.position(of: key, hashes: hashes, keys: keys, count: count, keyBits: keyBits)
        .map { values + $0 }
    }
  }

  typealias Arguments = [String: MustacheSource]

  let templates: MustacheTemplates
  let recordMissing: Bool
  /// Every name looked up, when a test wants to know which names no view model has.
  var lookups: TemplateLookups?
  var output = ByteBuffer(capacity: 32 * 1024)
  var missing: [MustacheTemplates.MissingName] = []
  private var file = ""
  private var frames: UnsafeMutablePointer<Frame>
  private var depth = 0
  private var capacity = 32

  init(templates: MustacheTemplates, recordMissing: Bool) {
    self.templates = templates
    self.recordMissing = recordMissing
    frames = .allocate(capacity: capacity)
  }

  /// Renders `program` with `root` as the context; `root` must stay unchanged until it returns.
  mutating func render(_ program: MustacheProgram, root: UnsafePointer<TemplateValue>) {
    file = program.file
    push(root)
    run(program, from: 0, to: program.operations.count, arguments: [:])
    depth = 0
  }

  /// Frees the stack and the output; the renderer is not used after.
  func deallocate() {
    frames.deallocate()
    output.deallocate()
  }

  private mutating func run(_ program: MustacheProgram, from start: Int, to end: Int, arguments: Arguments) {
    let operations = program.operations
    var index = start
    while index < end {
      let operation = operations[index]
      let first = Int(operation.first)
      let count = Int(operation.count)
      switch operation.kind {
      case .text:
        output.append(UnsafeBufferPointer(rebasing: program.text[first..<first + count]))
        index += 1
      case .variable:
        let found = lookup(program.keys, first, count)
        lookups?.record(program.path(of: operation), found: found != nil)
        if let found {
          append(found.pointee, escaped: !operation.flag)
        } else if recordMissing {
          let name = program.path(of: operation).map(\.name).joined(separator: ".")
          missing.append(.init(file: file, line: Int(operation.extra), name: name))
        }
        index += 1
      case .section:
        let found = lookup(program.keys, first, count)
        lookups?.record(program.path(of: operation), found: found != nil)
        let contentEnd = Int(operation.extra)
        if operation.flag {
          if !Self.isTruthy(found) { run(program, from: index + 1, to: contentEnd, arguments: arguments) }
        } else if let found, Self.isTruthy(found) {
          switch found.pointee {
          case .list(let items):
            items.withUnsafeBufferPointer { items in
              guard let base = items.baseAddress else { return }
              for item in 0..<items.count {
                push(base + item)
                run(program, from: index + 1, to: contentEnd, arguments: arguments)
                depth -= 1
              }
            }
          case .bool:
            run(program, from: index + 1, to: contentEnd, arguments: arguments)
          default:
            push(found)
            run(program, from: index + 1, to: contentEnd, arguments: arguments)
            depth -= 1
          }
        }
        index = contentEnd
      case .call:
        call(program.calls[first], arguments: arguments)
        index += 1
      }
    }
  }

  private mutating func call(_ call: MustacheProgram.Call, arguments: Arguments) {
    switch call.node {
    case .partial(let name, let indentation, _, _):
      if let target = call.target { return nested(templates.program(at: target), arguments: arguments) }
      guard let source = templates.source(named: name) else { return }
      nested(templates.program(for: source, indentedBy: indentation), arguments: arguments)
    case .parent(let name, let indentation, let blocks, _, _):
      // Arguments given further out take precedence over this parent's own.
      var merged = arguments
      for (block, content) in blocks where merged[block] == nil { merged[block] = content }
      if let target = call.target { return nested(templates.program(at: target), arguments: merged) }
      guard let source = templates.source(named: name) else { return }
      nested(templates.program(for: source, indentedBy: indentation), arguments: merged)
    case .block(let name, let content, let reindent):
      let chosen = arguments[name] ?? content
      nested(templates.program(for: chosen, indentedBy: reindent ?? []), arguments: arguments)
    case .text, .variable, .section:
      break
    }
  }

  private mutating func nested(_ program: MustacheProgram, arguments: Arguments) {
    // The file is only needed to name where a missing name is printed.
    guard recordMissing else { return run(program, from: 0, to: program.operations.count, arguments: arguments) }
    let outer = file
    file = program.file
    run(program, from: 0, to: program.operations.count, arguments: arguments)
    file = outer
  }

  private mutating func push(_ value: UnsafePointer<TemplateValue>) {
    if depth == capacity {
      let larger = UnsafeMutablePointer<Frame>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: frames, count: depth)
      frames.deallocate()
      frames = larger
      capacity *= 2
    }
    (frames + depth).initialize(to: Frame(value))
    depth += 1
  }

  /// Resolves `a.b.c` (the keys `keys[first..<first + count]`): `a` in the nearest object
  /// of the stack that has it, then `b` and `c` strictly inside it.
  private func lookup(
    _ keys: UnsafeMutableBufferPointer<TemplateKey>, _ first: Int, _ count: Int
  ) -> UnsafePointer<TemplateValue>? {
    guard count > 0, let base = keys.baseAddress else { return nil }
    let key = UnsafePointer(base + first)
    if key.pointee.isCurrentItem { return count == 1 && depth > 0 ? frames[depth - 1].value : nil }
    var level = depth - 1
    var found: UnsafePointer<TemplateValue>?
    while level >= 0 {
      if let value = frames[level].field(key) {
        found = value
        break
      }
      level -= 1
    }
    guard var resolved = found else { return nil }
    for position in 1..<count {
      guard let next = Frame(resolved).field(key + position) else { return nil }
      resolved = next
    }
    return resolved
  }

  static func isTruthy(_ value: UnsafePointer<TemplateValue>?) -> Bool {
    guard let value else { return false }
    switch value.pointee {
    case .null: return false
    case .bool(let flag): return flag
    case .list(let items): return !items.isEmpty
    default: return true
    }
  }

  private mutating func append(_ value: TemplateValue, escaped: Bool) {
    switch value {
    case .text(let text):
      if escaped { HTMLBytes.appendEscaped(text, to: &output) } else { output.append(text) }
    case .bytes(let bytes):
      if escaped {
        HTMLBytes.appendEscaped(String(decoding: bytes, as: UTF8.self), to: &output)
      } else {
        output.append(bytes)
      }
    case .number(let number):
      output.append(String(number))
    case .decimal(let number):
      output.append(String(number))
    case .bool(let flag):
      output.append(flag ? "true" : "false")
    case .null, .list, .object:
      break
    }
  }
}

/// Byte-level HTML escaping of `&`, `<`, `>`, `"` and `'`.
enum HTMLBytes {
  static func appendEscaped(_ text: String, to output: inout ByteBuffer) {
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in 0..<bytes.count {
        let replacement: StaticString
        switch bytes[index] {
        case 38: replacement = "&amp;"
        case 60: replacement = "&lt;"
        case 62: replacement = "&gt;"
        case 34: replacement = "&quot;"
        case 39: replacement = "&#39;"
        default: continue
        }
        if start < index { output.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
        output.append(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        start = index + 1
      }
      if start < bytes.count { output.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
    }
  }
}

/// Records the names templates look up, so a test can list the names that no object of any
/// view model had: a typo in a template, or a field the view models forgot.
public final class TemplateLookups: @unchecked Sendable {
  private let lock = NSLock()
  private var found = Set<String>()
  private var missed = Set<String>()

  public init() {}

  func record(_ path: [TemplateKey], found isFound: Bool) {
    let name = path.map(\.name).joined(separator: ".")
    lock.lock()
    if isFound { found.insert(name) } else { missed.insert(name) }
    lock.unlock()
  }

  /// How many distinct names were looked up.
  public var namesLookedUp: Int {
    lock.lock()
    defer { lock.unlock() }
    return found.union(missed).count
  }

  /// Names looked up that were found in no object at all.
  public var neverFound: Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return missed.subtracting(found)
  }
}
