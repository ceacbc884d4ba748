import Foundation
import SiteModel
import SiteSupport

/// The parse stage for one document: its body through cmark-gfm, with links to other
/// documents rewritten to their pages, beside the front matter the content stage read.
public struct DocumentParser: Sendable {
  let renderer: MarkdownRenderer
  /// Ids of the documents that will have pages in this build.
  let published: Set<DocumentID>
  /// The site's languages other than the default: `proposal.fr.md` is a translation.
  let translationLanguages: Set<String>

  public init(renderer: MarkdownRenderer, published: Set<DocumentID>, translationLanguages: Set<String> = []) {
    self.renderer = renderer
    self.published = published
    self.translationLanguages = translationLanguages
  }

  public func parse(_ source: SourceDocument, frontMatter: YAMLNode) -> ParsedDocument {
    let published = self.published
    let translation = source.id.translation(languages: translationLanguages)
    let page =
      translation.map { PagePlan.translation(of: $0.source, language: $0.language) } ?? source.id.publishedPath
    let rewriteLink: MarkdownRenderer.LinkRewriter = { [translationLanguages] target, fragment in
      guard published.contains(target) else { return nil }
      // A link to a translation goes to its page under its language's folder.
      let path =
        target.translation(languages: translationLanguages).map {
          PagePlan.translation(of: $0.source, language: $0.language)
        } ?? target.publishedPath
      return page.href(to: path, fragment: fragment)
    }
    let body = renderer.render(
      source.body, source: source.id, file: source.file, firstLine: source.bodyStartLine,
      // Without HTML no link's href is read.
      rewriteLink: renderer.options.renderHTML ? rewriteLink : nil, title: frontMatter["title"]?.scalarText,
      reserving: Self.recommendationIDs(frontMatter),
      countsWords: renderer.options.wordCountKinds.map { kinds in
        frontMatter["kind"]?.string.map(kinds.contains) ?? true
      } ?? true)
    let lastLine = Self.lineCount(source.text)
    return ParsedDocument(
      id: source.id, file: source.file, frontMatter: frontMatter, body: body,
      frontMatterLocation: SourceLocation(file: source.file, line: 1, column: 1), bodyStartLine: source.bodyStartLine,
      lastLine: lastLine, modified: source.modified, translating: translation,
      // Only a site with translations needs the versions.
      version: translationLanguages.isEmpty ? "" : Self.version(of: source, frontMatter: frontMatter))
  }

  /// The ids the document page gives a report's recommendations (`rec-1`, or
  /// `recommendation-N` when the front matter gives none).
  static func recommendationIDs(_ frontMatter: YAMLNode) -> Set<String> {
    Set(
      (frontMatter["recommendations"]?.list ?? []).enumerated().map { offset, item in
        item["id"]?.scalarText ?? "recommendation-\(offset + 1)"
      })
  }

  /// A short hash of what a translation translates: the title, the summary, the
  /// recommendations' text and the body. A change to the facts does not date a translation.
  static func version(of source: SourceDocument, frontMatter: YAMLNode) -> String {
    var text = [
      frontMatter["title"]?.scalarText ?? "", frontMatter["summary"]?.scalarText ?? "",
    ]
    text += (frontMatter["recommendations"]?.list ?? []).map { $0["text"]?.scalarText ?? "" }
    text.append(String(source.body))
    var joined = text.joined(separator: "\n\u{0}")
    let hash = joined.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
    let hex = String(hash & 0xFFFF_FFFF, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// The number of lines of a text (a final line without a newline counts).
  static func lineCount(_ text: String) -> Int {
    var copy = text
    return copy.withUTF8 { bytes in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
      var lines = 0
      var offset = 0
      while let hit = memchr(base + offset, 10, bytes.count - offset) {
        lines += 1
        offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
        if offset >= bytes.count { break }
      }
      return bytes[bytes.count - 1] == 10 ? lines : lines + 1
    }
  }
}
