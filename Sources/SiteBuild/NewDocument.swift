import Foundation
import SiteModel
import SiteValidate

/// `igfsite new`: starts a document of a kind from the schema, never overwriting a file.
public enum NewDocument {
  /// What was created and what the author must still write.
  public struct Created: Sendable {
    public var file: String
    public var fieldsToFill: [String]
    public var sectionsToWrite: [String]
  }

  /// Why a document could not be created: a usage problem or a broken schema.
  public enum Failure: Error, Sendable {
    case usage(String)
    case problems([Diagnostic])
  }

  public static func create(kind kindName: String, path: String, title: String?, layout: SiteLayout) throws(Failure) -> Created {
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
    let scaffold = DocumentScaffold(schema: schema, kind: kind, id: id, title: title ?? defaultTitle(for: id, kind: kind))
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      // withoutOverwriting: a file created meanwhile is not replaced.
      try Data(scaffold.text.utf8).write(to: url, options: .withoutOverwriting)
    } catch {
      throw .problems([
        Diagnostic(.error, "content.unwritable", "cannot create the document: \(error.localizedDescription)", at: SourceLocation(file: file))
      ])
    }
    return Created(file: file, fieldsToFill: scaffold.fieldsToFill, sectionsToWrite: scaffold.sectionsToWrite)
  }

  /// `Local content proposal` for `2017/bpf/local-content/proposal`.
  static func defaultTitle(for id: DocumentID, kind: KindSpec) -> String {
    let words = id.components.dropFirst().suffix(2).joined(separator: " ").replacingOccurrences(of: "-", with: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }
}
