import SiteLink
import SiteModel

/// The search index the theme's script searches, built at build time: for every document
/// its title, URL, kind, cycle, themes, people and the distinct words of its body. It is
/// written twice: as `search-index.json` for any tool, and as `search-index.js`, which a
/// page can load with a `<script>` element, so search works from `file://` too.
struct SearchIndex {
  let site: LinkedSite

  func files() -> [OutputFile] {
    let json = JSONValue.array(site.pagedDocuments.map(entry)).serializedBytes(pretty: false)
    return [
      OutputFile(path: "search-index.json", contents: .bytes(json + [10])),
      OutputFile(path: "search-index.js", contents: .bytes(Array("window.IGFSITE_SEARCH_INDEX = ".utf8) + json + Array(";\n".utf8))),
    ]
  }

  func entry(_ document: ParsedDocument) -> JSONValue {
    let people = site.schema.personReferences(of: document).compactMap { site.index.people[$0.id]?.name }
    var seenPeople = Set<String>()
    return .object([
      ("title", .string(document.title)),
      ("url", .string(document.id.pagePath.rawValue)),
      ("kind", .string(site.kind(of: document)?.label ?? document.kind ?? "")),
      ("cycle", .int(document.cycle ?? 0)),
      ("themes", .array(document.themes.map(JSONValue.string))),
      ("people", .array(people.filter { seenPeople.insert($0).inserted }.map(JSONValue.string))),
      ("summary", .string(document["summary"]?.scalarText ?? "")),
      ("words", .string(document.body.searchWords)),
    ])
  }
}
