import Foundation

/// Renders parsed Mustache nodes against a stack of `TemplateValue`s into bytes.
struct MustacheRenderer {
  let templates: MustacheTemplates
  let recordMissing: Bool
  /// Every name looked up, when a test wants to know which names no view model has.
  var lookups: TemplateLookups?
  var output: [UInt8] = []
  var missing: [MustacheTemplates.MissingName] = []
  private var file = ""

  init(templates: MustacheTemplates, recordMissing: Bool) {
    self.templates = templates
    self.recordMissing = recordMissing
    output.reserveCapacity(32 * 1024)
  }

  mutating func render(_ nodes: [MustacheNode], stack: inout [TemplateValue], arguments: [String: MustacheSource]) {
    for node in nodes {
      switch node {
      case .text(let bytes):
        output.append(contentsOf: bytes)
      case .variable(let path, let raw, let line):
        let found = Self.lookup(path, in: stack)
        lookups?.record(path, found: found != nil)
        guard let value = found else {
          if recordMissing {
            missing.append(.init(file: file, line: line, name: path.map(\.name).joined(separator: ".")))
          }
          continue
        }
        append(value, escaped: !raw)
      case .section(let path, let inverted, let children, _):
        let value = Self.lookup(path, in: stack)
        lookups?.record(path, found: value != nil)
        if inverted {
          if !Self.isTruthy(value) { render(children, stack: &stack, arguments: arguments) }
          continue
        }
        guard let value, Self.isTruthy(value) else { continue }
        switch value {
        case .list(let items):
          for item in items {
            stack.append(item)
            render(children, stack: &stack, arguments: arguments)
            stack.removeLast()
          }
        case .bool:
          render(children, stack: &stack, arguments: arguments)
        default:
          stack.append(value)
          render(children, stack: &stack, arguments: arguments)
          stack.removeLast()
        }
      case .partial(let name, let indentation, _, _):
        guard let source = templates.source(named: name) else { continue }
        let nodes =
          indentation.isEmpty
          ? (templates.nodes(named: name) ?? []) : templates.nodes(for: source, indentedBy: indentation)
        renderNested(nodes, file: source.file, stack: &stack, arguments: arguments)
      case .parent(let name, let indentation, let blocks, _, _):
        guard let source = templates.source(named: name) else { continue }
        // Arguments given further out take precedence over this parent's own.
        var merged = arguments
        for (block, content) in blocks where merged[block] == nil { merged[block] = content }
        let nodes =
          indentation.isEmpty
          ? (templates.nodes(named: name) ?? []) : templates.nodes(for: source, indentedBy: indentation)
        renderNested(nodes, file: source.file, stack: &stack, arguments: merged)
      case .block(let name, let content, let reindent):
        let chosen = arguments[name] ?? content
        renderNested(
          templates.nodes(for: chosen, indentedBy: reindent ?? []), file: chosen.file, stack: &stack,
          arguments: arguments)
      }
    }
  }

  private mutating func renderNested(
    _ nodes: [MustacheNode], file nestedFile: String, stack: inout [TemplateValue], arguments: [String: MustacheSource]
  ) {
    // The file is only needed to name where a missing name is printed.
    guard recordMissing else { return render(nodes, stack: &stack, arguments: arguments) }
    let outer = file
    file = nestedFile
    render(nodes, stack: &stack, arguments: arguments)
    file = outer
  }

  mutating func setFile(_ name: String) { file = name }

  /// Resolves `a.b.c`: `a` in the nearest object of the stack that has it, then `b` and `c`
  /// strictly inside it.
  static func lookup(_ path: [TemplateKey], in stack: [TemplateValue]) -> TemplateValue? {
    guard let first = path.first else { return nil }
    if first.isCurrentItem { return path.count == 1 ? stack.last : nil }
    var index = stack.count - 1
    var current: TemplateValue?
    while index >= 0 {
      if let found = stack[index].field(first) {
        current = found
        break
      }
      index -= 1
    }
    guard var resolved = current else { return nil }
    var position = 1
    while position < path.count {
      guard let next = resolved.field(path[position]) else { return nil }
      resolved = next
      position += 1
    }
    return resolved
  }

  static func isTruthy(_ value: TemplateValue?) -> Bool {
    switch value {
    case nil, .null?: false
    case .bool(let flag)?: flag
    case .list(let items)?: !items.isEmpty
    default: true
    }
  }

  private mutating func append(_ value: TemplateValue, escaped: Bool) {
    switch value {
    case .text(let text):
      if escaped { HTMLBytes.appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
    case .number(let number):
      output.append(contentsOf: String(number).utf8)
    case .decimal(let number):
      output.append(contentsOf: String(number).utf8)
    case .bool(let flag):
      output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .null, .list, .object:
      break
    }
  }
}

/// Byte-level HTML escaping of `&`, `<`, `>`, `"` and `'`.
enum HTMLBytes {
  static func appendEscaped(_ text: String, to output: inout [UInt8]) {
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
        if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
        output.append(
          contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        start = index + 1
      }
      if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
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
