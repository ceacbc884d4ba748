import Mustache
import SiteContent
import SiteLink
import SiteModel
import SiteSupport

/// What every page's view model starts from: the site, the page's place in it and the
/// navigation. All internal URLs in view models are relative to the site root and the
/// templates prefix them with `{{root}}`, so every link works from any sub-path and from
/// the file system.
struct PageContext: Sendable {
  let site: LinkedSite
  let navigation: TemplateValue
  /// Every document's and person's link, built once: many pages list the same documents,
  /// and the links do not depend on the page (their URLs are relative to the site root).
  private let documentLinks: [DocumentID: TemplateObject]
  private let personLinks: [String: TemplateObject]
  private let themeLinks: [String: TemplateObject]
  /// The `site` object of every page.
  let siteObject: TemplateObject
  /// The interface in each of the site's languages.
  private let interface: [String: InterfaceStrings]
  /// The language of the pages made with this context (`fr` for `fr/2017/`); nil for the
  /// site's default. Its documents' links are to their translations where there are some.
  let language: String?

  init(site: LinkedSite, cache: RenderCache? = nil, templates: TemplateSet? = nil, language: String? = nil) {
    self.site = site
    self.language = language
    var interface: [String: InterfaceStrings] = [:]
    for language in site.config.languages {
      var strings = templates?.strings(for: language) ?? InterfaceStrings(language: language, texts: [:])
      strings.schemaLabels = site.schema.labels[language] ?? [:]
      interface[language] = strings
    }
    self.interface = interface
    let prefix = language.map { "\($0)/" } ?? ""
    navigation = .list(
      site.cycles.map { cycle in
        .object([
          "year": .number(cycle.year), "url": .text(prefix + cycle.pagePath.rawValue), "title": .text(cycle.title),
        ])
      })
    let links =
      language != nil
      ? Self.makeLinks(site: site)(site.index.documents)
      : cache?.links(for: site.index.documents, make: Self.makeLinks(site: site))
        ?? Self.makeLinks(site: site)(site.index.documents)
    var documentLinks = links.documents
    if let language, let strings = interface[language] {
      for document in site.pagedDocuments {
        documentLinks[document.id] = Self.localizedLink(
          documentLinks[document.id] ?? [:], of: document, in: language, site: site, strings: strings)
      }
      // A cycle's landing text links to the cycle's inventory in the language, titled by
      // its translation where there is one.
      for cycle in site.cycles {
        guard let landing = cycle.landing, let original = documentLinks[landing.id] else { continue }
        var link = Self.localizedLink(original, of: landing, in: language, site: site, strings: strings)
        link["url"] = .text(Self.local(landing.publishedPath, in: language).rawValue)
        link["in_original"] = false
        if let translated = site.landing(of: cycle, in: language) {
          link["title"] = .text(translated.title)
          link["link_attrs"] = ""
        } else {
          // The title is the original's; the page it leads to is in the language.
          let code = Language(site.config.language)
          link["link_attrs"] = .text(" lang=\"\(code.code)\" dir=\"\(code.direction)\"")
        }
        documentLinks[landing.id] = link
      }
    } else if !site.config.language.hasPrefix("en"), let strings = interface[site.config.language] {
      // A site written in another language than English dates its links in it.
      for document in site.pagedDocuments {
        documentLinks[document.id]?.set("date", object: document.date.map { Format.date($0, in: strings) })
      }
    }
    self.documentLinks = documentLinks
    // Another language's pages link to that language's theme and people pages.
    themeLinks =
      language.map { language in links.themes.mapValues { Self.localized($0, in: language) } } ?? links.themes
    var personLinks: [String: TemplateObject] = [:]
    let groupNames = language.flatMap { interface[$0] }
    for person in site.index.peopleInOrder {
      var link = Self.makePersonLink(person)
      if let language, let strings = groupNames {
        link = Self.localized(link, in: language)
        link.set("stakeholder_group", text: person.stakeholderGroup.map(strings.group))
        link.set("regional_group", text: person.regionalGroup.map(strings.group))
        link.markAbsent(["stakeholder_group", "regional_group"])
      }
      personLinks[person.id] = link
    }
    self.personLinks = personLinks
    var object: TemplateObject = [
      "title": .text(site.config.title),
      "language": .text(site.config.language),
      "base_url": .text(site.config.baseURL),
    ]
    object.set("description", text: site.config.description)
    object.set("publisher", text: site.config.publisher)
    siteObject = object
  }

  /// The interface in a language; nil for the context's.
  func strings(_ language: String? = nil) -> InterfaceStrings {
    let language = language ?? self.language ?? site.config.language
    return interface[language] ?? InterfaceStrings(language: language, texts: [:])
  }

  /// The link to a theme's page, by the theme's name as documents write it.
  func themeLink(_ name: String) -> TemplateObject? { themeLinks[name] }

  /// A page that exists in every language with translations (the home page, the cycles'
  /// inventories): at its path in the default language, under the context's language's
  /// folder in another, naming its versions in all of them.
  func localizablePage(_ path: PagePath, title: String, description: String? = nil, type: String) -> TemplateObject {
    let versions = [(site.config.language, path)] + site.translatedLanguages.map { ($0, Self.local(path, in: $0)) }
    return page(
      language.map { Self.local(path, in: $0) } ?? path, title: title, description: description, type: type,
      language: language, versions: versions)
  }

  /// A cycle's title in the context's language: its landing text's translation's, else its own.
  func cycleTitle(_ cycle: CycleInventory) -> String {
    language.flatMap { site.landing(of: cycle, in: $0)?.title } ?? cycle.title
  }

  /// A localizable page's path in the context's language (`fr/2017/index.html`).
  func local(_ path: PagePath) -> PagePath { language.map { Self.local(path, in: $0) } ?? path }

  static func local(_ path: PagePath, in language: String) -> PagePath { PagePath("\(language)/" + path.rawValue) }

  /// A link to a page that exists in every language (a theme's, a person's), to its
  /// version in `language`.
  private static func localized(_ link: TemplateObject, in language: String) -> TemplateObject {
    guard case .text(let url)? = link["url"] else { return link }
    var link = link
    link["url"] = .text(local(PagePath(url), in: language).rawValue)
    return link
  }

  /// A document's link on a page in `language`: its translation's title and page, else
  /// the original's, marked with its language; its kind and status in the schema's
  /// `labels:` for the language.
  private static func localizedLink(
    _ original: TemplateObject, of document: ParsedDocument, in language: String, site: LinkedSite,
    strings: InterfaceStrings
  ) -> TemplateObject {
    var link = original
    link.set("date", object: document.date.map { Format.date($0, in: strings) })
    let labels = site.schema.labels[language] ?? [:]
    if let kind = site.kind(of: document), let text = labels[kind.label] { link["kind"] = .text(text) }
    if let status = document.status, let text = labels[status] { link["status_label"] = .text(text) }
    if let translation = site.translations(of: document).first(where: { $0.language == language }) {
      link["title"] = .text(translation.title)
      link["url"] = .text(translation.pagePath.rawValue)
      return link
    }
    let original = Language(site.config.language)
    link["link_attrs"] = .text(" lang=\"\(original.code)\" dir=\"\(original.direction)\" hreflang=\"\(original.code)\"")
    link["in_original"] = .text(strings.name(of: site.config.language))
    return link
  }

  /// The fields every page has.
  /// - Parameter language: the language of the page's text; nil for the site's default.
  /// - Parameter versions: the page in each language it exists in (the default first),
  ///   for the language switcher and `hreflang`; nil for a page only in the default.
  func page(
    _ path: PagePath, title: String, description: String? = nil, type: String, language: String? = nil,
    versions: [(language: String, path: PagePath)]? = nil
  ) -> TemplateObject {
    let language = language ?? site.config.language
    var page: TemplateObject = [
      "title": .text(title),
      "path": .text(path.rawValue),
      "canonical": .text(path.canonicalURL(base: site.config.baseURL)),
      "type": .text(type),
      "lang": .text(language),
      "dir": .text(Language(language).direction),
      // A page in another language offers that language's feed.
      "feed": .text(language == site.config.language ? PagePlan.siteFeed : PagePlan.languageFeed(language)),
      // And searches that language's texts.
      "search": .text(
        language == site.config.language ? PagePlan.search.rawValue : PagePlan.translatedSearch(language).rawValue),
    ]
    page.set("description", text: description ?? site.config.description)
    let versions = versions ?? [(site.config.language, path)]
    page["switcher"] = switcher(current: language, versions: versions).map(TemplateValue.object) ?? false
    // The home, themes and people pages in the page's language, where there are some.
    let prefix =
      language != site.config.language && site.translatedLanguages.contains(language) ? "\(language)/" : ""
    page["home"] = .text(prefix + PagePath.home.rawValue)
    page["themes"] = .text(prefix + PagePlan.themesIndex.rawValue)
    page["people"] = .text(prefix + PagePlan.peopleIndex.rawValue)
    if versions.count > 1 {
      let base = site.config.baseURL
      page["alternates"] = .list(
        versions.map { .object(["lang": .text($0.language), "url": .text($0.path.canonicalURL(base: base))]) }
          + [.object(["lang": "x-default", "url": .text(versions[0].path.canonicalURL(base: base))])])
    } else {
      page["alternates"] = false
    }
    var model: TemplateObject = [
      "root": .text(path.rootPrefix),
      "page": .object(page),
      "site": .object(siteObject),
      "cycles_nav": navigation,
    ]
    // What is still in the site's language on a page in another (the schema's labels, the
    // site's title, diagnostics) is marked so.
    let original = Language(site.config.language)
    let foreign = language != site.config.language
    let attributes = foreign ? " lang=\"\(original.code)\" dir=\"\(original.direction)\"" : ""
    model["original_attrs"] = .text(attributes)
    model["original_open"] = .text(foreign ? "<span\(attributes)>" : "")
    model["original_close"] = .text(foreign ? "</span>" : "")
    // Names, affiliations and titles, whatever script they are in, are isolated from the
    // page's own direction on a page in another language.
    model["isolate"] = .text(foreign ? " dir=\"auto\"" : "")
    model.set("is_\(type)", text: "true")
    return model
  }

  /// The languages a page can be read in and those it cannot, on a site of several.
  private func switcher(current: String, versions: [(language: String, path: PagePath)]) -> TemplateObject? {
    guard site.config.languages.count > 1 else { return nil }
    let available = Set(versions.map(\.language))
    let missing = site.config.languages.filter { !available.contains($0) }
    var object: TemplateObject = [
      "versions": .list(
        versions.map { version in
          let language = Language(version.language)
          return .object([
            "lang": .text(version.language), "dir": .text(language.direction), "name": .text(language.name),
            "url": .text(version.path.rawValue), "current": .bool(version.language == current),
          ])
        }),
      "missing": .list(
        missing.enumerated().map { offset, code in
          let language = Language(code)
          return .object([
            "lang": .text(code), "dir": .text(language.direction), "name": .text(language.name),
            "last": .bool(offset == missing.count - 1),
          ])
        }),
    ]
    object["has_missing"] = .bool(!missing.isEmpty)
    return object
  }

  /// A link to a document, with what lists of documents show about it.
  func documentLink(_ document: ParsedDocument) -> TemplateObject {
    documentLinks[document.id] ?? Self.makeDocumentLink(document, site: site)
  }

  /// The link of a document of the site by its id (every document of the index has one,
  /// so this is one look-up where finding the document first would be two); nil for an id
  /// no document has.
  func documentLink(_ id: DocumentID) -> TemplateObject? { documentLinks[id] }

  func personLink(_ person: Person) -> TemplateObject {
    personLinks[person.id] ?? Self.makePersonLink(person)
  }

  /// The links of some documents and of the themes they name.
  static func makeLinks(site: LinkedSite) -> @Sendable ([ParsedDocument]) -> DocumentLinks {
    { documents in
      var links = DocumentLinks()
      links.documents.reserveCapacity(documents.count)
      // Made on every core: before the first page, nothing else runs beside them.
      let made = Parallel.map(documents, jobs: nil) { makeDocumentLink($0, site: site) }
      for (document, link) in zip(documents, made) {
        links.documents[document.id] = link
        for name in document.themes where links.themes[name] == nil {
          let id = Slug.make(name)
          if !id.isEmpty { links.themes[name] = ["name": .text(name), "url": .text(PagePlan.theme(id).rawValue)] }
        }
      }
      return links
    }
  }

  private static func makeDocumentLink(_ document: ParsedDocument, site: LinkedSite) -> TemplateObject {
    var link: TemplateObject = [
      "title": .text(document.title),
      "url": .text(document.publishedPath.rawValue),
      "id": .text(document.id.rawValue),
    ]
    link.set("kind", text: site.kind(of: document)?.label ?? document.kind)
    link.set("status", text: document.status)
    link.set("status_label", text: document.status)
    if let cycle = document.cycle { link["cycle"] = .number(cycle) }
    link.set("date", object: document.date.map { Format.date($0) })
    link["example"] = .bool(document.isExample)
    link["draft"] = .bool(document.isDraft)
    link["link_attrs"] = ""
    link["in_original"] = false
    link.markAbsent(Self.documentLinkKeys)
    return link
  }

  private static func makePersonLink(_ person: Person) -> TemplateObject {
    var link: TemplateObject = ["name": .text(person.name), "url": .text(person.pagePath.rawValue)]
    link.set("stakeholder_group", text: person.stakeholderGroup)
    link.set("regional_group", text: person.regionalGroup)
    link.set("affiliation", text: person.affiliation)
    link.markAbsent(["stakeholder_group", "regional_group", "affiliation"])
    return link
  }

  /// The fields of a document link, always present (see `TemplateObject.markAbsent`).
  static let documentLinkKeys = ["kind", "status", "status_label", "cycle", "date"]
}

/// How dates and counts read on pages.
enum Format {
  /// `{iso: 2017-03-28, text: 28 March 2017}` for `<time datetime>`; `{iso: 2020-11,
  /// text: November 2020}` for a month.
  static func date(_ date: PartialDate, in strings: InterfaceStrings? = nil) -> TemplateObject {
    ["iso": .text(date.description), "text": .text(strings?.date(date) ?? date.longForm)]
  }

  static func date(_ date: CalendarDate) -> TemplateObject { self.date(PartialDate(date)) }

  /// What pages say of a date the record does not give.
  static let unknownDate = "not known"

  /// `12 documents` in a language, from its `<noun>s_one` and `<noun>s_many` texts.
  static func count(_ count: Int, _ noun: String, in strings: InterfaceStrings) -> String {
    strings.format("\(noun)s_\(count == 1 ? "one" : "many")", ["count": strings.number(count)])
  }
}

/// Documents' links by id, and themes' links by the name documents write.
struct DocumentLinks: Sendable {
  var documents: [DocumentID: TemplateObject] = [:]
  var themes: [String: TemplateObject] = [:]
}
