import Mustache
import SiteLink
import SiteModel
import SiteSupport

/// schema.org JSON-LD and Open Graph metadata for a document page, so search engines and
/// link previews describe the document correctly.
struct StructuredData {
  let site: LinkedSite

  /// The schema.org type of each kind of document.
  static func type(of kind: String?) -> String {
    switch kind {
    case "report", "bpf-report", "bpf-output", "meeting-summary": "Report"
    default: "CreativeWork"
    }
  }

  /// The JSON-LD object; its serialisation escapes `<`, `>` and `&`, so no value can end the
  /// `<script>` element it is placed in.
  /// - Parameter translation: the document's text in another language, for its page there.
  func jsonLD(_ document: ParsedDocument, translation: ParsedDocument? = nil) -> String {
    let base = site.config.baseURL
    let text = translation ?? document
    let url = text.pagePath.canonicalURL(base: base)
    var json = JSONWriter(capacity: 1024)
    json.beginObject()
    json.field("@context", "https://schema.org")
    json.field("@type", Self.type(of: document.kind))
    json.field("@id", url)
    json.field("url", url)
    json.field("name", text.title)
    json.field("inLanguage", translation?.language ?? site.config.language)
    if translation != nil {
      json.key("translationOfWork")
      json.beginObject()
      json.field("@id", document.pagePath.canonicalURL(base: base))
      json.endObject()
    }
    json.key("isPartOf")
    json.beginObject()
    json.field("@type", "WebSite")
    json.field("name", site.config.title)
    json.field("url", base)
    json.endObject()
    if let summary = text["summary"]?.scalarText { json.field("description", summary) }
    if document.date != nil || document["published"]?.partialDate != nil, let published = document.published {
      json.field("datePublished", published.description)
    }
    if let kind = site.kind(of: document) { json.field("genre", kind.label) }
    if !document.themes.isEmpty { json.field("keywords", document.themes.joined(separator: ", ")) }
    let people = site.schema.personReferences(of: document)
    let authors = people.filter { $0.field == "authors" || $0.field == "facilitators" }
      .compactMap { site.index.people[$0.id] }
    if !authors.isEmpty {
      json.key(document["authors"] != nil ? "author" : "contributor")
      json.beginArray()
      for author in authors { person(author, into: &json) }
      json.endArray()
    }
    if let publisher = document["publisher"]?.scalarText
      ?? (site.config.publisher.isEmpty ? nil : site.config.publisher)
    {
      json.key("publisher")
      json.beginObject()
      json.field("@type", "Organization")
      json.field("name", publisher)
      json.endObject()
    }
    if document.kind == "meeting-summary", let date = document.date {
      json.key("about")
      json.beginObject()
      json.field("@type", "Event")
      json.field("name", document.title)
      json.field("startDate", date.description)
      if document["meeting"]?["format"]?.string == "virtual" {
        json.field("eventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode")
      }
      json.endObject()
    }
    json.endObject()
    return json.text
  }

  private func person(_ person: Person, into json: inout JSONWriter) {
    json.beginObject()
    json.field("@type", "Person")
    json.field("name", person.name)
    json.field("url", person.pagePath.canonicalURL(base: site.config.baseURL))
    if let affiliation = person.affiliation {
      json.key("affiliation")
      json.beginObject()
      json.field("@type", "Organization")
      json.field("name", affiliation)
      json.endObject()
    }
    json.endObject()
  }

  /// Open Graph properties as `{property, content}` pairs for `<meta>` elements.
  func openGraph(_ document: ParsedDocument, translation: ParsedDocument? = nil) -> [TemplateValue] {
    let text = translation ?? document
    var pairs: [(String, String)] = [
      ("og:type", "article"),
      ("og:title", text.title),
      ("og:url", text.pagePath.canonicalURL(base: site.config.baseURL)),
      ("og:site_name", site.config.title),
      ("og:locale", (translation?.language ?? site.config.language).replacingOccurrences(of: "-", with: "_")),
    ]
    if let summary = text["summary"]?.scalarText { pairs.append(("og:description", summary)) }
    if document.date != nil || document["published"]?.partialDate != nil, let published = document.published {
      pairs.append(("article:published_time", published.description))
    }
    for theme in document.themes { pairs.append(("article:tag", theme)) }
    return pairs.map { .object(["property": .text($0.0), "content": .text($0.1)]) }
  }
}
