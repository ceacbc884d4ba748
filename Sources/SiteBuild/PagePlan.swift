import SiteModel
import SiteValidate

/// Where pages go, and the documents whose page would land on another page: no page is
/// taken silently.
enum PagePlan {
  /// First path components of pages igfsite generates itself, besides the series types'.
  static let generatedFolders: Set<String> = ["assets", "people", "themes", "schema", "search"]

  /// The first path components no document page may take: igfsite's own and the series
  /// types' folders.
  static func reservedFolders(_ schema: ModalitiesSchema) -> Set<String> {
    generatedFolders.union(schema.seriesTypes.map(\.field))
  }

  /// The error for a document whose page would take another page's place, if it would.
  static func collision(of document: ParsedDocument, reserved folders: Set<String>) -> Diagnostic? {
    let id = document.id
    let components = id.components
    let first = String(components.first ?? "")
    let location = SourceLocation(file: document.file)
    if components.count == 1, let year = id.cycleFolder {
      return Diagnostic(
        .error, "content.url-collision",
        "this document would be published at \(id.pagePath), which is the \(year) cycle's outcome inventory",
        at: location,
        help: "a cycle's own text goes in content/\(year)/_cycle.md (igfsite new cycle \(year) writes it)")
    }
    if components.last == "index", components.count > 1 {
      let folder = components.dropLast().joined(separator: "/")
      let what = components.count == 2 && id.cycleFolder != nil ? ", the \(first) cycle's outcome inventory" : ""
      return Diagnostic(
        .error, "content.url-collision",
        "a file named index.md reads as the page of its folder (\(folder)/index.html\(what)), but igfsite publishes it at \(id.pagePath)",
        at: location,
        help: id.cycleFolder != nil && components.count == 2
          ? "a cycle's own text goes in content/\(first)/_cycle.md; otherwise give the file a name of its own"
          : "give the file a name of its own, such as content/\(folder)/overview.md")
    }
    guard folders.contains(first) else { return nil }
    return Diagnostic(
      .error, "content.url-collision",
      "the page of this document (\(id.pagePath)) would collide with the pages igfsite generates under \(first)/",
      at: location, help: "move the document into a cycle folder such as content/\(document.cycle ?? 2017)/")
  }
}
