import Foundation
import SiteSupport

/// A set of named Mustache templates (pages, layouts, partials) compiled once and rendered
/// many times into bytes, straight from `TemplateValue`s.
///
/// igfsite renders its own templates with this engine rather than swift-mustache: profiling a
/// 1,000-document build showed two thirds of the time in template rendering (dynamic casts
/// and `Any` lookups); this renderer walks typed values and escapes bytes. It passes the
/// official Mustache specification (comments, delimiters, interpolation, inverted sections,
/// partials, sections and inheritance), and in strict mode reports every variable a
/// template prints that the view model does not have.
public final class MustacheTemplates: @unchecked Sendable {
  /// A name a template printed that no object of the view model had.
  public struct MissingName: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var name: String

    public init(file: String, line: Int, name: String) {
      self.file = file
      self.line = line
      self.name = name
    }
  }

  private let sources: [String: MustacheSource]
  /// The named templates' programs, in the order of `programIndex`.
  private let programs: [MustacheProgram]
  private let programIndex: [String: Int]
  private let lock = NSLock()
  private var variants: [VariantKey: MustacheProgram] = [:]

  private struct VariantKey: Hashable {
    var source: Int
    var indentation: [UInt8]
  }

  /// Compiles every template; a syntax error or a partial that does not exist is reported
  /// with its file, line and column (all of them, not just the first).
  /// - Parameter templates: name → (file shown in messages, text).
  public init(
    _ templates: [String: (file: String, text: String)], requireKnownPartials: Bool = true
  ) throws(MustacheErrors) {
    var sources: [String: MustacheSource] = [:]
    var compiled: [String: [MustacheNode]] = [:]
    var errors: [MustacheSyntaxError] = []
    for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
      let source = MustacheSource(bytes: Array(template.text.utf8), file: template.file)
      sources[name] = source
      do {
        compiled[name] = try MustacheParser(source: source).parse()
      } catch {
        errors.append(error)
      }
    }
    if requireKnownPartials {
      for (name, nodes) in compiled.sorted(by: { $0.key < $1.key }) {
        Self.checkPartials(nodes, known: sources, file: sources[name]?.file ?? name, errors: &errors)
      }
    }
    guard errors.isEmpty else { throw MustacheErrors(errors: errors) }
    self.sources = sources
    let names = compiled.keys.sorted()
    let programIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    self.programIndex = programIndex
    programs = names.map { name in
      MustacheProgram(compiled[name] ?? [], file: sources[name]?.file ?? name, programIndex: programIndex)
    }
  }

  public func has(_ name: String) -> Bool { programIndex[name] != nil }

  /// Renders template `name` with `value` as the context; names printed but missing from the
  /// view model are added to `missing` when given.
  public func render(
    _ name: String, _ value: TemplateValue, missing: UnsafeMutablePointer<[MissingName]>? = nil,
    lookups: TemplateLookups? = nil
  ) -> [UInt8] {
    guard let index = programIndex[name] else { return [] }
    var renderer = MustacheRenderer(templates: self, recordMissing: missing != nil)
    defer { renderer.deallocate() }
    renderer.lookups = lookups
    withUnsafePointer(to: value) { renderer.render(programs[index], root: $0) }
    if let missing { missing.pointee += renderer.missing }
    return renderer.output.bytes
  }

  /// Renders and returns text.
  public func renderText(_ name: String, _ value: TemplateValue) -> String {
    String(decoding: render(name, value), as: UTF8.self)
  }

  func source(named name: String) -> MustacheSource? { sources[name] }

  func program(at index: Int) -> MustacheProgram { programs[index] }

  /// The program of a source indented by `indentation`, compiled once (blocks and indented
  /// partials are compiled when first used; their text comes from templates that already
  /// parsed, so they parse again).
  func program(for source: MustacheSource, indentedBy indentation: [UInt8] = []) -> MustacheProgram {
    let key = VariantKey(source: source.identity, indentation: indentation)
    lock.lock()
    if let cached = variants[key] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    let parsed = (try? MustacheParser(source: source.indented(by: indentation)).parse()) ?? []
    let program = MustacheProgram(parsed, file: source.file, programIndex: programIndex)
    lock.lock()
    variants[key] = program
    lock.unlock()
    return program
  }

  /// The message for a partial that does not exist, with the closest name when it looks
  /// like a typo.
  static func missingMessage(_ what: String, _ name: String, known: [String: MustacheSource]) -> String {
    var message = "the template refers to a missing \(what) \"\(name)\""
    if let suggestion = Suggestion.didYouMean(name, in: known.keys) { message += "; \(suggestion)" }
    return message
  }

  private static func checkPartials(
    _ nodes: [MustacheNode], known: [String: MustacheSource], file: String, errors: inout [MustacheSyntaxError]
  ) {
    for node in nodes {
      switch node {
      case .partial(let name, _, let line, let column):
        if known[name] == nil {
          errors.append(
            MustacheSyntaxError(
              file: file, line: line, column: column, message: missingMessage("partial", name, known: known)))
        }
      case .parent(let name, _, let blocks, let line, let column):
        if known[name] == nil {
          errors.append(
            MustacheSyntaxError(
              file: file, line: line, column: column, message: missingMessage("parent template", name, known: known)))
        }
        for (_, content) in blocks {
          if let nested = try? MustacheParser(source: content).parse() {
            checkPartials(nested, known: known, file: file, errors: &errors)
          }
        }
      case .block(_, let content, _):
        if let nested = try? MustacheParser(source: content).parse() {
          checkPartials(nested, known: known, file: file, errors: &errors)
        }
      case .section(_, _, let children, _):
        checkPartials(children, known: known, file: file, errors: &errors)
      default:
        break
      }
    }
  }
}

/// All the syntax errors of a set of templates.
public struct MustacheErrors: Error, Sendable {
  public var errors: [MustacheSyntaxError]
}
