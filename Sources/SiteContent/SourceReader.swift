import Foundation
import SiteModel

/// Reads one Markdown file of `content/` and splits it, reporting an unreadable file,
/// invalid UTF-8, a bad file name or missing front matter as diagnostics.
public enum SourceReader {
  /// Largest document accepted; the biggest IGF reports are well under 1 MB of text.
  public static let maximumBytes = 16 * 1024 * 1024

  public static func read(contentPath: String, layout: SiteLayout) -> Result<SourceDocument, Diagnostic> {
    let file = layout.displayContent(contentPath)
    guard let id = DocumentID(contentPath: contentPath) else {
      return .failure(Diagnostic(.error, "content.unreadable", "not a Markdown file", at: SourceLocation(file: file)))
    }
    if let problem = id.namingProblem {
      return .failure(
        Diagnostic(
          .error, "content.file-name", "the file name cannot be a permanent URL: \(problem)",
          at: SourceLocation(file: file), help: "rename it to content/\(id.suggestedRename.contentPath)"))
    }
    let url = layout.content.appendingPathComponent(contentPath)
    let data: Data
    do {
      let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
      guard size <= maximumBytes else {
        return .failure(
          Diagnostic(
            .error, "content.too-large",
            "the file is \(size / 1_048_576) MB; documents are limited to \(maximumBytes / 1_048_576) MB",
            at: SourceLocation(file: file), help: "split it into several documents or publish it as an attachment"))
      }
      data = try Data(contentsOf: url)
    } catch {
      return .failure(
        Diagnostic(
          .error, "content.unreadable", "the file cannot be read: \(error.localizedDescription)",
          at: SourceLocation(file: file), help: "check that it exists and can be read"))
    }
    let decoded = SourceText.decode(data)
    if let invalid = decoded.invalidUTF8At {
      return .failure(
        Diagnostic(
          .error, "content.encoding", "the file is not valid UTF-8",
          at: SourceLocation(file: file, line: invalid.line, column: invalid.column),
          help: "save the file as UTF-8 in your editor"))
    }
    return FrontMatterSplitter.split(text: decoded.text, id: id, file: file)
  }
}
