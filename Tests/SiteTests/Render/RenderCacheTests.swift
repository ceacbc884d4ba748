import Mustache
import SiteModel
import Testing

@testable import SiteRender

/// The preview's cache of documents' links: pages find a document's link by its id alone,
/// so a document gone must take its link with it, even when another took its place.
@Suite struct RenderCacheTests {
  static func document(_ id: String, title: String) -> ParsedDocument {
    let file = "content/\(id).md"
    let frontMatter = YAMLNode(
      .map([
        YAMLEntry(
          key: "title", keyLocation: SourceLocation(file: file),
          value: YAMLNode(.string(title), at: SourceLocation(file: file)))
      ]), at: SourceLocation(file: file))
    return ParsedDocument(
      id: DocumentID(id), file: file, frontMatter: frontMatter, body: RenderedMarkdown(html: ""),
      frontMatterLocation: SourceLocation(file: file), bodyStartLine: 3, lastLine: 3)
  }

  static func links(_ documents: [ParsedDocument]) -> DocumentLinks {
    var links = DocumentLinks()
    for document in documents { links.documents[document.id] = ["title": .text(document.title)] }
    return links
  }

  @Test func aDocumentGoneTakesItsLinkWithItWhenAnotherTakesItsPlace() {
    let cache = RenderCache()
    let a = Self.document("2018/a", title: "A")
    let b = Self.document("2018/b", title: "B")
    let c = Self.document("2018/c", title: "C")
    #expect(Set(cache.links(for: [a, b], make: Self.links).documents.keys) == [a.id, b.id])
    // b renamed to c: as many documents as before.
    let after = cache.links(for: [a, c], make: Self.links)
    #expect(Set(after.documents.keys) == [a.id, c.id])
    // An edited document keeps its place and gets a new link.
    let edited = Self.document("2018/c", title: "C, edited")
    #expect(cache.links(for: [a, edited], make: Self.links).documents[c.id]?["title"]?.textValue == "C, edited")
  }
}

extension TemplateValue {
  fileprivate var textValue: String? {
    if case .text(let text) = self { return text }
    return nil
  }
}
