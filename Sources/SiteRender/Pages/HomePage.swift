import Mustache
import SiteLink
import SiteModel
import SiteSupport

/// The home page: cycles newest first with their counts, the latest outputs and reports, and
/// the search box.
struct HomePage {
  let context: PageContext
  /// How many recent outputs and reports the home page lists.
  static let latestCount = 10

  func model() -> TemplateObject {
    let site = context.site
    let strings = context.strings()
    var model = context.localizablePage(.home, title: site.config.title, type: "home")
    model["cycles"] = .list(
      site.cycles.map { cycle in
        var object: TemplateObject = [
          "year": .number(cycle.year), "title": .text(context.cycleTitle(cycle)),
          "url": .text(context.local(cycle.pagePath).rawValue),
          "count": .text(Format.count(cycle.items.count, "document", in: strings)),
        ]
        object.set(
          "kinds",
          list: cycle.groups.map { group in
            .object([
              "label": .text(context.word(group.kind.label).text), "count": .text(strings.number(group.items.count)),
            ])
          })
        object.set("summary", text: cycle.landing?["summary"]?.scalarText)
        if !cycle.attention.isEmpty {
          object["attention"] = .text(Format.count(cycle.attention.count, "item", in: strings))
        }
        object.markAbsent(["summary", "attention"])
        return .object(object)
      })
    let outputKinds = Set(site.schema.inventory.outputKinds)
    let outputs = site.pagedDocuments.filter { outputKinds.contains($0.kind ?? "") }
    let latest = AtomFeed.newestFirst(outputs, limit: Self.latestCount)
      .map { document -> TemplateValue in
        var link = context.documentLink(document)
        link["date"] = document.published.map { .object(Format.date($0, in: strings)) } ?? false
        return .object(link)
      }
    model.set("latest", list: Array(latest))
    return model
  }
}

/// The page shown for a missing URL. It cannot know how deep the missing URL was, so its
/// links use the site's absolute base URL, and the page is written at the root.
struct NotFoundPage {
  let context: PageContext

  func model() -> TemplateObject {
    var model = context.localizablePage(
      PagePlan.notFound, title: context.strings()["page_not_found"], type: "not_found")
    model["root"] = .text(context.site.config.baseURL)
    return model
  }
}

/// The search page: the theme's script reads `?q=` (and the filters) and searches the
/// index the build wrote in parts (`SearchIndex`).
struct SearchPage {
  let context: PageContext

  /// The filters' choices, from the inventory: its cycles, the kinds and themes it has
  /// (the series, which may be thousands, are loaded by the script when asked for).
  /// - Parameter language: the language of the texts searched; nil for the site's default.
  func model(language: String? = nil) -> TemplateObject {
    let site = context.site
    let versions =
      [(site.config.language, PagePlan.search)] + site.translatedLanguages.map { ($0, PagePlan.translatedSearch($0)) }
    var model = context.page(
      language.map(PagePlan.translatedSearch) ?? PagePlan.search, title: context.strings(language)["search"],
      type: "search", language: language,
      versions: versions)
    model["search_index"] = .text(language.map { "\($0)/search/" } ?? "search/")
    // What the script says, in the page's language.
    let strings = context.strings(language)
    var json = JSONWriter()
    json.beginObject()
    for key in [
      "search_type_words", "search_searching", "search_matches_one", "search_matches_many", "search_nothing",
      "search_browse_instead", "by_cycle", "by_theme", "by_person", "search_index_missing",
    ] {
      json.field(String(key.dropFirst(key.hasPrefix("search_") ? 7 : 0)), strings[key])
    }
    json.endObject()
    model["search_strings"] = .text(json.text)
    let present = Set(site.pagedDocuments.compactMap(\.kind))
    var filters: TemplateObject = [:]
    filters.set("cycles", list: site.cycles.map { .object(["year": .number($0.year)]) })
    filters.set("kinds", list: site.schema.kinds.filter { present.contains($0.id) }.map { .text($0.label) })
    filters.set("themes", list: site.themes.map { .text($0.name) })
    model["filters"] = .object(filters)
    return model
  }
}
