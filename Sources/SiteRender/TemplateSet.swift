import Foundation
import Mustache
import SiteModel
import Synchronization

/// The page types igfsite renders, each from `templates/<name>.mustache`.
public enum PageTemplate: String, Sendable, CaseIterable {
  case home
  case cycle
  case cycleKind = "cycle-kind"
  case document
  case series
  case person
  case people
  case theme
  case themes
  case search
  case notFound = "404"
}

/// The site's Mustache templates and assets: the built-in theme, with the files of the
/// site's own `templates/` in place of the built-in ones of the same path (a site that
/// changes only the footer holds only the footer). Checked before any page is rendered:
/// every syntax error, missing partial and missing page template is reported with its file
/// and line, instead of rendering empty text.
public struct TemplateSet: Sendable {
  public static let syntaxRule = RuleID.templateSyntax
  public static let missingRule = RuleID.templateMissing
  public static let missingNameRule = RuleID.templateMissingName
  /// How messages name a file of the built-in theme.
  public static let builtInPrefix = "(built-in theme) "

  let engine: MustacheTemplates
  /// The templates with the interface texts of each language written in
  /// (`{{i18n.search}}` → `Rechercher`): a page's interface costs nothing to render.
  let engines: LanguageEngines
  /// Files copied to `output/assets/`, by their path (`assets/style.css`), with their bytes.
  public let assets: [(path: String, contents: OutputFile.Contents)]
  /// The site's own theme files (relative to `templates/`), in path order: those replacing
  /// a built-in file and those adding one.
  public let overrides: [String]
  /// The interface in each language the theme has (`i18n/<language>.yml`).
  public let interface: [String: InterfaceStrings]

  /// The interface for a language: its own, else its primary language's (`zh` for
  /// `zh-Hans`), else English.
  public func strings(for language: String) -> InterfaceStrings {
    let primary = String(language.split(separator: "-").first ?? Substring(language))
    return interface[language] ?? interface[primary] ?? interface["en"]
      ?? InterfaceStrings(language: language, texts: [:])
  }

  /// The files of the built-in theme, by path relative to the theme folder.
  public static var builtInFiles: [(path: String, text: String)] { BuiltInTheme.files }

  /// Loads and checks every template; returns the diagnostics when any is wrong.
  public static func load(_ layout: SiteLayout) -> Result<TemplateSet, DiagnosticsError> {
    let folder = layout.templates
    var sources: [String: (file: String, text: String)] = [:]
    var assets: [String: OutputFile.Contents] = [:]
    for (path, text) in BuiltInTheme.files {
      if path.hasPrefix("assets/") {
        assets[path] = .text(text)
      } else if path.hasSuffix(".mustache") {
        sources[String(path.dropLast(".mustache".count))] = (builtInPrefix + path, text)
      }
    }
    let own = siteThemeFiles(layout)
    for relative in own {
      if relative.hasPrefix("assets/") {
        assets[relative] = .copy(from: folder.appendingPathComponent(relative))
      } else if relative.hasSuffix(".mustache") {
        let data = (try? Data(contentsOf: folder.appendingPathComponent(relative))) ?? Data()
        sources[String(relative.dropLast(".mustache".count))] = (
          layout.displayTemplate(relative), SourceText.decode(data).text
        )
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
            .error, isMissing ? missingRule : syntaxRule,
            isMissing ? problem.message : "template syntax error: \(problem.message)",
            at: SourceLocation(file: problem.file, line: problem.line, column: problem.column),
            help: isMissing
              ? "create the template or correct the name" : "close each {{#name}} with {{/name}}, innermost first"))
      }
    }
    let siteStrings = own.filter { $0.hasPrefix("i18n/") }.map { relative in
      (
        layout.displayTemplate(relative), relative,
        SourceText.decode((try? Data(contentsOf: folder.appendingPathComponent(relative))) ?? Data()).text
      )
    }
    var interface: [String: InterfaceStrings] = [:]
    switch InterfaceStringsLoader.load(builtIn: BuiltInTheme.files, site: siteStrings) {
    case .success(let loaded): interface = loaded
    case .failure(let error): diagnostics += error.diagnostics
    }
    guard diagnostics.isEmpty, let engine else { return .failure(DiagnosticsError(diagnostics)) }
    let engines = LanguageEngines(sources: sources, interface: interface)
    let sortedAssets = assets.keys.sorted().compactMap { path in assets[path].map { (path, $0) } }
    return .success(
      TemplateSet(engine: engine, engines: engines, assets: sortedAssets, overrides: own, interface: interface))
  }

  /// The theme files of the site's own `templates/` (templates, interface texts and
  /// assets), relative to it.
  public static func siteThemeFiles(_ layout: SiteLayout) -> [String] {
    files(in: layout.templates).filter {
      $0.hasPrefix("assets/") || $0.hasSuffix(".mustache") || ($0.hasPrefix("i18n/") && $0.hasSuffix(".yml"))
    }
  }

  /// Renders a page type with its view model; names the templates print that the model
  /// lacks go to `missing`.
  /// - Parameter language: the page's language, whose interface texts the page gets
  ///   (English for a language the theme has no texts for).
  public func render(
    _ page: PageTemplate, _ model: TemplateObject, language: String? = nil, missing: MissingNames? = nil,
    lookups: TemplateLookups? = nil
  ) -> [UInt8] {
    let engine =
      language.flatMap { engines.engine($0) ?? engines.engine(String($0.split(separator: "-").first ?? "")) }
      ?? engines.engine("en") ?? engine
    guard let missing else { return engine.render(page.rawValue, .object(model), lookups: lookups) }
    var found: [MustacheTemplates.MissingName] = []
    let bytes = withUnsafeMutablePointer(to: &found) {
      engine.render(page.rawValue, .object(model), missing: $0, lookups: lookups)
    }
    if !found.isEmpty { missing.add(found) }
    return bytes
  }

  /// Every file under a folder, relative to it, skipping hidden files.
  static func files(in folder: URL) -> [String] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
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

/// The templates with each language's interface texts written in, compiled the first time
/// a page in that language asks for them: a site in one language compiles them once, not
/// once for each of the six languages the theme speaks (and `check` not at all).
final class LanguageEngines: Sendable {
  private let sources: [String: (file: String, text: String)]
  private let interface: [String: InterfaceStrings]
  private let compiled = Mutex<[String: MustacheTemplates]>([:])

  init(sources: [String: (file: String, text: String)], interface: [String: InterfaceStrings]) {
    self.sources = sources
    self.interface = interface
  }

  /// The templates in a language the theme has texts for; nil for another.
  func engine(_ language: String) -> MustacheTemplates? {
    guard let strings = interface[language] else { return nil }
    return compiled.withLock { engines in
      if let engine = engines[language] { return engine }
      // The sources parsed when the set was loaded, and the texts hold no tags (the loader
      // refuses `{{`), so these parse too.
      let engine = try? MustacheTemplates(sources.mapValues { ($0.file, strings.writtenIn($0.text)) })
      engines[language] = engine
      return engine
    }
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
        .error, TemplateSet.missingNameRule,
        "the template prints {{\(name.name)}}, which this page's view model does not have",
        at: SourceLocation(file: name.file, line: name.line),
        help: "correct the name, or print it only inside {{#\(name.name)}}…{{/\(name.name)}}")
    }
  }
}
