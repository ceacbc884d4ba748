import Foundation
import SiteContent
import SiteMarkdown
import SiteModel
import SiteSupport
import SiteValidate

/// `igfsite new`: starts a document of a kind from the schema, never overwriting a file.
public enum NewDocument {
  /// What was created and what the author must still write.
  public struct Created: Sendable {
    public var file: String
    public var fieldsToFill: [String]
    public var sectionsToWrite: [String]
    /// Where the text came from, for `--from`.
    public var importedFrom: String?
    /// The template's sections the imported text has no heading for.
    public var sectionsNotInText: [String] = []
  }

  /// Why a document could not be created: a usage problem or a broken schema.
  public enum Failure: Error, Sendable {
    case usage(String)
    case problems([Diagnostic])
  }

  /// - Parameter from: a Markdown or Word file to bring in as the body, as it is.
  public static func create(
    kind kindName: String, path: String, title: String?, from source: String? = nil, layout: SiteLayout
  ) throws(Failure) -> Created {
    var diagnostics: [Diagnostic] = []
    guard let schema = SchemaLoader.load(layout, diagnostics: &diagnostics) else { throw .problems(diagnostics) }
    let kinds = schema.kinds.map(\.id)
    guard let kind = schema.kind(kindName) else {
      var message = "unknown kind \"\(kindName)\""
      if let suggestion = Suggestion.didYouMean(kindName, in: kinds) { message += "; \(suggestion)" }
      throw .usage("\(message) (the kinds in modalities.yml are \(kinds.joined(separator: ", ")))")
    }
    var relative = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
    if relative.hasPrefix("content/") { relative.removeFirst("content/".count) }
    // A cycle's text is its folder's _cycle.md: `2019.md` would take the cycle's page.
    if kind.id == "cycle", DocumentID(relative).cycleFolder != nil, !relative.hasSuffix("/_cycle") {
      let year = relative.split(separator: "/").first.map(String.init) ?? relative
      relative = "\(year)/_cycle"
    }
    let id = DocumentID(relative)
    if let problem = id.namingProblem {
      throw .usage("\(path) cannot be a permanent URL: \(problem); try \(id.suggestedRename)")
    }
    guard id.cycleFolder != nil else {
      throw .usage("\(path) must start with the cycle's year, such as 2017/bpf/local-content/proposal")
    }
    let url = layout.content.appendingPathComponent(id.contentPath)
    let file = layout.displayContent(id.contentPath)
    guard !FileManager.default.fileExists(atPath: url.path) else {
      throw .usage("\(file) already exists; igfsite new never overwrites a document")
    }
    var imported: ImportedText?
    if let source { imported = try ImportedText.read(source) }
    let documentTitle = title ?? imported?.title ?? defaultTitle(for: id, kind: kind)
    let scaffold = DocumentScaffold(schema: schema, kind: kind, id: id, title: documentTitle, body: imported?.body)
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      // withoutOverwriting: a file created meanwhile is not replaced.
      try Data(scaffold.text.utf8).write(to: url, options: .withoutOverwriting)
    } catch {
      throw .problems([
        Diagnostic(
          .error, .contentUnwritable, "cannot create the document: \(error.localizedDescription)",
          at: SourceLocation(file: file))
      ])
    }
    var created = Created(file: file, fieldsToFill: scaffold.fieldsToFill, sectionsToWrite: scaffold.sectionsToWrite)
    if let imported {
      created.importedFrom = source
      var options = MarkdownOptions()
      options.renderHTML = false
      let headings = MarkdownRenderer(options: options).render(imported.body).headings
      created.sectionsNotInText = kind.sectionsMissing(in: id.cycleFolder, headings: headings)
    }
    return created
  }

  /// `IGF 2019` for a cycle; `Local content proposal` for `2017/bpf/local-content/proposal`.
  static func defaultTitle(for id: DocumentID, kind: KindSpec) -> String {
    if id.isCycleLanding, let year = id.cycleFolder { return "IGF \(year)" }
    let words = id.components.dropFirst().suffix(2).joined(separator: " ").replacingOccurrences(of: "-", with: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }
}
