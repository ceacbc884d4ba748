import SiteContent
import SiteModel

/// `content.url-collision`: a document whose page would land on another page (a cycle's
/// inventory, a folder's page, the pages igfsite generates under `PagePlan`'s folders or a
/// series type's): no page is taken silently.
public enum PageCollisionRule {
  public static let rule = RuleID.contentURLCollision

  /// The first path components no document page may take: igfsite's own and the series
  /// types' folders.
  public static func reservedFolders(_ schema: ModalitiesSchema) -> Set<String> {
    PagePlan.generatedFolders.union(schema.seriesTypes.map(\.field))
  }

  /// The error for a document whose page would take another page's place, if it would.
  public static func collision(of document: ParsedDocument, reserved folders: Set<String>) -> Diagnostic? {
    let id = document.id
    let components = id.components
    let first = String(components.first ?? "")
    let location = SourceLocation(file: document.file)
    if components.count == 1, let year = id.cycleFolder {
      return Diagnostic(
        .error, rule,
        "this document would be published at \(id.pagePath), which is the \(year) cycle's outcome inventory",
        at: location,
        help: "a cycle's own text goes in content/\(year)/_cycle.md (igfsite new cycle \(year) writes it)")
    }
    if components.last == "index", components.count > 1 {
      let folder = components.dropLast().joined(separator: "/")
      let what = components.count == 2 && id.cycleFolder != nil ? ", the \(first) cycle's outcome inventory" : ""
      return Diagnostic(
        .error, rule,
        "a file named index.md reads as the page of its folder (\(folder)/index.html\(what)), but igfsite publishes it at \(id.pagePath)",
        at: location,
        help: id.cycleFolder != nil && components.count == 2
          ? "a cycle's own text goes in content/\(first)/_cycle.md; otherwise give the file a name of its own"
          : "give the file a name of its own, such as content/\(folder)/overview.md")
    }
    if components.count > 2, id.cycleFolder != nil, components[1] == PagePlan.cycleKindsFolder {
      return Diagnostic(
        .error, rule,
        "the page of this document (\(id.pagePath)) would collide with the pages of the kinds of the \(first) inventory, under \(first)/\(PagePlan.cycleKindsFolder)/",
        at: location, help: "give the folder another name, such as content/\(first)/kind-\(components[2])/")
    }
    guard folders.contains(first) else { return nil }
    return Diagnostic(
      .error, rule,
      "the page of this document (\(id.pagePath)) would collide with the pages igfsite generates under \(first)/",
      at: location, help: "move the document into a cycle folder such as content/\(document.cycle ?? 2017)/")
  }
}
