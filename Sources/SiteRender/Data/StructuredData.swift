import SiteLink
import SiteModel

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
  func jsonLD(_ document: ParsedDocument) -> String {
    let base = site.config.baseURL
    let url = document.id.pagePath.canonicalURL(base: base)
    var members: [(String, JSONValue)] = [
      ("@context", "https://schema.org"),
      ("@type", .string(Self.type(of: document.kind))),
      ("@id", .string(url)),
      ("url", .string(url)),
      ("name", .string(document.title)),
      ("inLanguage", .string(site.config.language)),
      ("isPartOf", .object([("@type", "WebSite"), ("name", .string(site.config.title)), ("url", .string(base))])),
    ]
    if let summary = document["summary"]?.scalarText { members.append(("description", .string(summary))) }
    if document.date != nil || document["published"]?.date != nil {
      members.append(("datePublished", .string(AtomFeed.updated(document).description)))
    }
    if let kind = site.kind(of: document) { members.append(("genre", .string(kind.label))) }
    if !document.themes.isEmpty { members.append(("keywords", .string(document.themes.joined(separator: ", ")))) }
    let people = site.schema.personReferences(of: document)
    let authors = people.filter { $0.field == "authors" || $0.field == "facilitators" }
      .compactMap { site.index.people[$0.id] }
    if !authors.isEmpty {
      members.append((document["authors"] != nil ? "author" : "contributor", .array(authors.map(person))))
    }
    if let publisher = document["publisher"]?.scalarText ?? (site.config.publisher.isEmpty ? nil : site.config.publisher) {
      members.append(("publisher", .object([("@type", "Organization"), ("name", .string(publisher))])))
    }
    if document.kind == "meeting-summary", let date = document.date {
      var event: [(String, JSONValue)] = [
        ("@type", "Event"), ("name", .string(document.title)), ("startDate", .string(date.description)),
      ]
      if document["meeting"]?["format"]?.string == "virtual" {
        event.append(("eventAttendanceMode", "https://schema.org/OnlineEventAttendanceMode"))
      }
      members.append(("about", .object(event)))
    }
    return JSONValue.object(members).serialized(pretty: false)
  }

  private func person(_ person: Person) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("@type", "Person"), ("name", .string(person.name)),
      ("url", .string(person.pagePath.canonicalURL(base: site.config.baseURL))),
    ]
    if let affiliation = person.affiliation {
      members.append(("affiliation", .object([("@type", "Organization"), ("name", .string(affiliation))])))
    }
    return .object(members)
  }

  /// Open Graph properties as `{property, content}` pairs for `<meta>` elements.
  func openGraph(_ document: ParsedDocument) -> [TemplateValue] {
    var pairs: [(String, String)] = [
      ("og:type", "article"),
      ("og:title", document.title),
      ("og:url", document.id.pagePath.canonicalURL(base: site.config.baseURL)),
      ("og:site_name", site.config.title),
      ("og:locale", site.config.language.replacingOccurrences(of: "-", with: "_")),
    ]
    if let summary = document["summary"]?.scalarText { pairs.append(("og:description", summary)) }
    if document.date != nil || document["published"]?.date != nil {
      pairs.append(("article:published_time", AtomFeed.updated(document).description))
    }
    for theme in document.themes { pairs.append(("article:tag", theme)) }
    return pairs.map { .object(["property": .text($0.0), "content": .text($0.1)]) }
  }
}
