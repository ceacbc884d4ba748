import Foundation
import Mustache
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

  let library: MustacheLibrary
  /// Files of `templates/assets/`, relative to `templates/`, copied to `output/assets/`.
  public let assets: [String]
  public let folder: URL

  /// Loads and checks every template; returns the diagnostics when any is wrong.
  public static func load(_ layout: SiteLayout) -> Result<TemplateSet, DiagnosticsError> {
    let folder = layout.templates
    var diagnostics: [Diagnostic] = []
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
    var library = MustacheLibrary()
    for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
      do {
        library.register(try MustacheTemplate(string: source.text), named: name)
      } catch let error as MustacheTemplate.ParserError {
        diagnostics.append(
          Diagnostic(
            .error, syntaxRule, "template syntax error: \(TemplateErrors.describe(error.error))",
            at: SourceLocation(file: source.file, line: error.context.lineNumber, column: error.context.columnNumber + 1),
            help: TemplateErrors.help(error.error)))
      } catch {
        diagnostics.append(
          Diagnostic(.error, syntaxRule, "template syntax error: \(error)", at: SourceLocation(file: source.file, line: 1)))
      }
      diagnostics += PartialReferences.check(source.text, file: source.file, available: Set(sources.keys))
    }
    for page in PageTemplate.allCases where sources[page.rawValue] == nil {
      diagnostics.append(
        Diagnostic(
          .error, missingRule, "the page template \(page.rawValue).mustache is missing",
          at: SourceLocation(file: layout.displayTemplate("\(page.rawValue).mustache")),
          help: "add templates/\(page.rawValue).mustache; every page type needs its template"))
    }
    guard diagnostics.isEmpty else { return .failure(DiagnosticsError(diagnostics)) }
    return .success(TemplateSet(library: library, assets: assets.sorted(), folder: folder))
  }

  /// Renders a page type with its view model.
  public func render(_ page: PageTemplate, _ model: TemplateObject) -> String {
    library.render(model, withTemplate: page.rawValue) ?? ""
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

/// Finds `{{> name}}` and `{{< name}}` tags naming templates that do not exist.
enum PartialReferences {
  static func check(_ text: String, file: String, available: Set<String>) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var rest = line[...]
      while let open = rest.range(of: "{{") {
        let afterOpen = rest[open.upperBound...]
        guard let close = afterOpen.range(of: "}}") else { break }
        let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
        if let sigil = tag.first, sigil == ">" || sigil == "<" {
          let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
          if !name.isEmpty, !name.hasPrefix("*"), !available.contains(name) {
            let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: open.lowerBound) + 1
            var message = "the template refers to a missing partial \"\(name)\""
            if let suggestion = Suggestion.didYouMean(name, in: available) { message += "; \(suggestion)" }
            diagnostics.append(
              Diagnostic(
                .error, TemplateSet.missingRule, message, at: SourceLocation(file: file, line: lineIndex + 1, column: column),
                help: "create templates/\(name).mustache or correct the name"))
          }
        }
        rest = afterOpen[close.upperBound...]
      }
    }
    return diagnostics
  }
}

/// Words for swift-mustache's parser errors.
enum TemplateErrors {
  static func describe(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
    case .unfinishedName: return "a tag is not closed"
    case .expectedSectionEnd: return "a section is opened but never closed"
    case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
    case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
    case .illegalTokenInsideInheritSection: return "an inheritance section contains something other than blocks"
    case .textInsideInheritSection: return "an inheritance section contains text outside its blocks"
    case .invalidConfigVariableSyntax: return "a configuration tag is malformed"
    case .unrecognisedConfigVariable: return "a configuration tag is not recognised"
    }
  }

  static func help(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "check the tags around this line" }
    switch error {
    case .sectionCloseNameIncorrect, .expectedSectionEnd: return "close each {{#name}} with {{/name}}, innermost first"
    case .unfinishedName: return "end the tag with }}"
    default: return "check the tags around this line"
    }
  }
}
