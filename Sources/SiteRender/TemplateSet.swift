import Foundation
import SiteModel

/// The page types igfsite renders, each from `templates/<name>.mustache`.
public enum PageTemplate: String, Sendable, CaseIterable {
  case home
  case cycle
  case document
  case series
  case person
  case people
  case theme
  case themes
  case search
  case notFound = "404"
}

/// The site's Mustache templates, loaded from `templates/` and checked before any page is
/// rendered: every syntax error, missing partial and missing page template is reported with
/// its file and line, instead of rendering empty text.
public struct TemplateSet: Sendable {
  public static let syntaxRule = "template.syntax"
  public static let missingRule = "template.missing"
  public static let missingNameRule = "template.missing-name"

  let engine: MustacheTemplates
  /// Files of `templates/assets/`, relative to `templates/`, copied to `output/assets/`.
  public let assets: [String]
  public let folder: URL

  /// Loads and checks every template; returns the diagnostics when any is wrong.
  public static func load(_ layout: SiteLayout) -> Result<TemplateSet, DiagnosticsError> {
    let folder = layout.templates
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return .failure(
        DiagnosticsError(
          Diagnostic(
            .error, missingRule, "the templates folder is missing", at: SourceLocation(file: layout.display("templates")),
            help: "create templates/ with a layout and one template per page type (copy them from the igfsite repository)")))
    }
    var sources: [String: (file: String, text: String)] = [:]
    var assets: [String] = []
    for relative in Self.files(in: folder) {
      if relative.hasPrefix("assets/") {
        assets.append(relative)
      } else if relative.hasSuffix(".mustache") {
        let data = (try? Data(contentsOf: folder.appendingPathComponent(relative))) ?? Data()
        sources[String(relative.dropLast(".mustache".count))] = (layout.displayTemplate(relative), SourceText.decode(data).text)
      }
    }
    var diagnostics: [Diagnostic] = []
    var engine: MustacheTemplates?
    do {
      engine = try MustacheTemplates(sources)
    } catch {
      for problem in error.errors {
        let isMissing = problem.message.hasPrefix("the template refers to a missing")
        diagnostics.append(
          Diagnostic(
            .error, isMissing ? missingRule : syntaxRule, isMissing ? problem.message : "template syntax error: \(problem.message)",
            at: SourceLocation(file: problem.file, line: problem.line, column: problem.column),
            help: isMissing ? "create the template or correct the name" : "close each {{#name}} with {{/name}}, innermost first"))
      }
    }
    for page in PageTemplate.allCases where sources[page.rawValue] == nil {
      diagnostics.append(
        Diagnostic(
          .error, missingRule, "the page template \(page.rawValue).mustache is missing",
          at: SourceLocation(file: layout.displayTemplate("\(page.rawValue).mustache")),
          help: "add templates/\(page.rawValue).mustache; every page type needs its template"))
    }
    guard diagnostics.isEmpty, let engine else { return .failure(DiagnosticsError(diagnostics)) }
    return .success(TemplateSet(engine: engine, assets: assets.sorted(), folder: folder))
  }

  /// Renders a page type with its view model; names the templates print that the model
  /// lacks go to `missing`.
  public func render(
    _ page: PageTemplate, _ model: TemplateObject, missing: MissingNames? = nil, lookups: TemplateLookups? = nil
  ) -> [UInt8] {
    guard let missing else { return engine.render(page.rawValue, .object(model), lookups: lookups) }
    var found: [MustacheTemplates.MissingName] = []
    let bytes = withUnsafeMutablePointer(to: &found) { engine.render(page.rawValue, .object(model), missing: $0, lookups: lookups) }
    if !found.isEmpty { missing.add(found) }
    return bytes
  }

  /// Every file under a folder, relative to it, skipping hidden files.
  static func files(in folder: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [] }
    var files: [String] = []
    let base = folder.standardizedFileURL.path
    for case let url as URL in enumerator {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
      let path = url.standardizedFileURL.path
      guard path.hasPrefix(base + "/") else { continue }
      files.append(String(path.dropFirst(base.count + 1)))
    }
    return files.sorted()
  }
}

/// Collects, from every page rendered, the names templates printed that their view model
/// did not have: a build with any fails, instead of publishing pages with holes.
public final class MissingNames: @unchecked Sendable {
  private let lock = NSLock()
  private var names = Set<MustacheTemplates.MissingName>()

  public init() {}

  func add(_ found: [MustacheTemplates.MissingName]) {
    lock.lock()
    names.formUnion(found)
    lock.unlock()
  }

  public var diagnostics: [Diagnostic] {
    lock.lock()
    defer { lock.unlock() }
    return names.sorted { ($0.file, $0.line, $0.name) < ($1.file, $1.line, $1.name) }.map { name in
      Diagnostic(
        .error, TemplateSet.missingNameRule, "the template prints {{\(name.name)}}, which this page's view model does not have",
        at: SourceLocation(file: name.file, line: name.line),
        help: "correct the name, or print it only inside {{#\(name.name)}}…{{/\(name.name)}}")
    }
  }
}
