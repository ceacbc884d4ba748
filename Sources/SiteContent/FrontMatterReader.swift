import SiteModel

/// The content stage's reading of one document's front matter: YAML fields, each with its
/// line, read before the body so drafts can be set aside unparsed.
public enum FrontMatterReader {
  /// Parses the front matter only; the body waits until drafts are sorted out.
  public static func frontMatter(of source: SourceDocument) -> Result<YAMLNode, Diagnostic> {
    let reader = YAMLReader(file: source.file, firstLine: source.frontMatterStartLine, rule: .frontMatterYAML)
    switch reader.parse(String(source.frontMatter)) {
    case .success(let node):
      guard node.entries != nil else {
        return .failure(
          Diagnostic(
            .error, .frontMatterYAML,
            "the front matter must be fields (\"name: value\" lines), not \(node.value.typeName)",
            at: node.location, help: "write one field per line, such as \"title: …\""))
      }
      return .success(node)
    case .failure(let diagnostic):
      return .failure(diagnostic)
    }
  }
}
