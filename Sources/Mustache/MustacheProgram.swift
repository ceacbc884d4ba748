/// A parsed template laid out flat for rendering: literal text in one byte buffer, every
/// name in one key buffer, and operations that refer to them by position.
///
/// The tree the parser builds is what the spec's rules are written against; this is what a
/// build renders ten thousand pages from. Walking the tree cost a reference count for every
/// node, name and piece of text on every page (a quarter of the render's time, measured with
/// `perf`); an operation here is plain numbers, and the buffers are read through pointers.
/// Partials, parents and blocks, a few per page, keep their parsed node and are resolved
/// by `MustacheTemplates` when rendered.
final class MustacheProgram: @unchecked Sendable {
  struct Operation {
    enum Kind: UInt8 {
      /// `text[first..<first + count]`.
      case text
      /// The path `keys[first..<first + count]`; `line` for a missing-name report.
      case variable
      /// The path `keys[first..<first + count]`; the section's content is the operations up
      /// to `end`.
      case section
      /// `calls[first]`.
      case call
    }
    var kind: Kind
    /// Raw for a variable, inverted for a section.
    var flag: Bool
    var first: Int32
    var count: Int32
    /// The line of a variable; the end of a section's content.
    var extra: Int32
  }

  /// A partial, parent or block, with the named template it refers to already looked up.
  struct Call {
    var node: MustacheNode
    /// The program of the named template (a partial or parent without indentation).
    var target: Int?
  }

  let operations: UnsafeMutableBufferPointer<Operation>
  let text: UnsafeMutableBufferPointer<UInt8>
  let keys: UnsafeMutableBufferPointer<TemplateKey>
  let calls: [Call]
  /// The file the template came from, for missing-name reports.
  let file: String

  /// - Parameter programIndex: the named templates' positions, to resolve partials and
  ///   parents by.
  init(_ nodes: [MustacheNode], file: String, programIndex: [String: Int]) {
    self.file = file
    var builder = Builder(programIndex: programIndex)
    builder.add(nodes)
    operations = .allocate(capacity: builder.operations.count)
    _ = operations.initialize(from: builder.operations)
    text = .allocate(capacity: builder.text.count)
    _ = text.initialize(from: builder.text)
    keys = .allocate(capacity: builder.keys.count)
    _ = keys.initialize(from: builder.keys)
    calls = builder.calls
  }

  deinit {
    operations.deallocate()
    text.deallocate()
    keys.deinitialize()
    keys.deallocate()
  }

  /// The names of a variable or section, for reports and tests.
  func path(of operation: Operation) -> [TemplateKey] {
    Array(keys[Int(operation.first)..<Int(operation.first + operation.count)])
  }

  private struct Builder {
    let programIndex: [String: Int]
    var operations: [Operation] = []
    var text: [UInt8] = []
    var keys: [TemplateKey] = []
    var calls: [Call] = []
    /// Operations before this one belong to a section already closed: text is not joined to them.
    var closed = 0

    mutating func add(_ nodes: [MustacheNode]) {
      for node in nodes {
        switch node {
        case .text(let bytes):
          // Text next to text (left by a comment or a standalone tag) becomes one append.
          if let last = operations.last, last.kind == .text, operations.count > closed {
            operations[operations.count - 1].count += Int32(bytes.count)
          } else {
            operations.append(
              Operation(kind: .text, flag: false, first: Int32(text.count), count: Int32(bytes.count), extra: 0))
          }
          text += bytes
        case .variable(let path, let raw, let line):
          operations.append(
            Operation(
              kind: .variable, flag: raw, first: Int32(keys.count), count: Int32(path.count), extra: Int32(line)))
          keys += path
        case .section(let path, let inverted, let children, _):
          let position = operations.count
          operations.append(
            Operation(kind: .section, flag: inverted, first: Int32(keys.count), count: Int32(path.count), extra: 0))
          keys += path
          add(children)
          operations[position].extra = Int32(operations.count)
          closed = operations.count
        case .partial(let name, let indentation, _, _), .parent(let name, let indentation, _, _, _):
          call(node, target: indentation.isEmpty ? programIndex[name] : nil)
        case .block:
          call(node, target: nil)
        }
      }
    }

    private mutating func call(_ node: MustacheNode, target: Int?) {
      operations.append(Operation(kind: .call, flag: false, first: Int32(calls.count), count: 0, extra: 0))
      calls.append(Call(node: node, target: target))
    }
  }
}
