import SiteModel

/// Splits a Markdown file into the YAML between its opening and closing `---` lines and the
/// body after them.
public enum FrontMatterSplitter {
  public static let rule = "front-matter.missing"

  /// The split document, or the diagnostic for a file without (closed) front matter.
  public static func split(text: String, id: DocumentID, file: String) -> Result<SourceDocument, Diagnostic> {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    guard let first = lines.first, isFence(first) else {
      return .failure(
        Diagnostic(
          .error, rule, "the document has no front matter", at: SourceLocation(file: file, line: 1, column: 1),
          help: "start the file with a line \"---\", the fields (kind, title, cycle …), and another line \"---\""))
    }
    lines.removeFirst()
    var lineNumber = 2
    while let line = lines.first {
      if isFence(line) || line.trimmingTrailingSpaces == "..." {
        let yaml = text[first.endIndex..<line.startIndex].dropFirst()
        let bodyStart = line.endIndex < text.endIndex ? text.index(after: line.endIndex) : text.endIndex
        return .success(
          SourceDocument(
            id: id, file: file, text: text, frontMatter: yaml, frontMatterStartLine: 2,
            body: text[bodyStart...], bodyStartLine: lineNumber + 1))
      }
      lines.removeFirst()
      lineNumber += 1
    }
    return .failure(
      Diagnostic(
        .error, "front-matter.unclosed", "the front matter is not closed", at: SourceLocation(file: file, line: 1, column: 1),
        help: "add a line \"---\" after the last front-matter field"))
  }

  /// The body of a Markdown file: the text after its front matter, or all of it when it
  /// has none.
  public static func body(of text: String) -> Substring {
    switch split(text: text, id: DocumentID(""), file: "") {
    case .success(let source): source.body
    case .failure: text[...]
    }
  }

  static func isFence(_ line: Substring) -> Bool {
    line.trimmingTrailingSpaces == "---"
  }
}

extension Substring {
  var trimmingTrailingSpaces: Substring {
    var result = self
    while let last = result.last, last == " " || last == "\t" { result.removeLast() }
    return result
  }
}
