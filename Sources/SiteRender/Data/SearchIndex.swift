import SiteLink
import SiteModel
import SiteSupport

/// The search index the theme's script searches, built at build time: for every document
/// its title, URL, kind, cycle, themes, people and the distinct words of its body. It is
/// written twice: as `search-index.json` for any tool, and as `search-index.js`, which a
/// page can load with a `<script>` element, so search works from `file://` too.
struct SearchIndex {
  let site: LinkedSite
  var cache: RenderCache?

  func files() -> [OutputFile] {
    let documents = site.pagedDocuments
    let render = { (document: ParsedDocument) -> [UInt8] in
      var element = JSONWriter(pretty: false, elementAtDepth: 1, capacity: 2048)
      entry(document, into: &element)
      return element.bytes
    }
    let entries = cache?.searchEntries(documents, render: render) ?? documents.map(render)
    var json = JSONWriter(capacity: entries.reduce(17) { $0 + $1.count + 1 })
    json.beginArray()
    for entry in entries { json.element(entry) }
    json.endArray()
    // The script is the same JSON, assigned to a global so the page can load it offline.
    let prefix = Array("window.IGFSITE_SEARCH_INDEX = ".utf8)
    var script: [UInt8] = []
    script.reserveCapacity(prefix.count + json.bytes.count + 2)
    script += prefix
    script += json.bytes
    script += Array(";\n".utf8)
    var bytes = json.bytes
    json = JSONWriter()  // so that `bytes` is the only reference and grows in place
    bytes.append(10)
    return [
      OutputFile(path: PagePlan.searchIndexData, contents: .bytes(bytes)),
      OutputFile(path: PagePlan.searchIndexScript, contents: .bytes(script)),
    ]
  }

  func entry(_ document: ParsedDocument, into json: inout JSONWriter) {
    var seenPeople = Set<String>()
    let people = site.schema.personReferences(of: document).compactMap { site.index.people[$0.id]?.name }
      .filter { seenPeople.insert($0).inserted }
    json.beginObject()
    json.field("title", document.title)
    json.field("url", document.pagePath.rawValue)
    json.field("kind", site.kind(of: document)?.label ?? document.kind ?? "")
    json.key("cycle")
    json.int(document.cycle ?? 0)
    json.strings("themes", document.themes)
    json.strings("people", people)
    json.field("summary", document["summary"]?.scalarText ?? "")
    json.field("words", document.body.searchWords)
    json.endObject()
  }
}
