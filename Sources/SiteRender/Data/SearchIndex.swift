import SiteLink
import SiteModel

/// The search index the theme's script searches, built at build time: for every document
/// its title, URL, kind, cycle, themes, people and the distinct words of its body. It is
/// written twice: as `search-index.json` for any tool, and as `search-index.js`, which a
/// page can load with a `<script>` element, so search works from `file://` too.
struct SearchIndex {
  let site: LinkedSite

  func files() -> [OutputFile] {
    let entries = JSONValue.array(site.pagedDocuments.map(entry))
    let json = entries.serialized(pretty: false)
    return [
      OutputFile(path: "search-index.json", contents: .text(json + "\n")),
      OutputFile(path: "search-index.js", contents: .text("window.IGFSITE_SEARCH_INDEX = \(json);\n")),
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
      ("words", .string(Self.distinctWords(document.body.plainText))),
    ])
  }

  /// The body's distinct lowercase words of three letters or more, in first-seen order:
  /// enough to find a document by any word in it, at a fraction of the body's size.
  static func distinctWords(_ text: String) -> String {
    var seen = Set<Substring>()
    var words: [Substring] = []
    let lowered = text.lowercased()
    for word in lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where word.count >= 3 {
      if seen.insert(word).inserted { words.append(word) }
    }
    return words.joined(separator: " ")
  }
}
