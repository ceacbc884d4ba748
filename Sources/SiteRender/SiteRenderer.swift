import Foundation
import Mustache
import SiteLink
import SiteModel

/// Renders the pages of a linked site with the site's templates.
public struct SiteRenderer: Sendable {
  public let site: LinkedSite
  public let templates: TemplateSet
  let context: PageContext
  /// The same for each other language with translations, whose documents' links go to
  /// their translations.
  let localizedContexts: [String: PageContext]
  /// Where names the templates print but the view models lack are collected.
  public let missing: MissingNames
  /// Every name looked up, for tests.
  public let lookups: TemplateLookups?
  /// Pieces of the site-wide files kept from the last rendering (the preview's).
  public let cache: RenderCache?
  private let cacheEpoch: Int

  public init(
    site: LinkedSite, templates: TemplateSet, missing: MissingNames = MissingNames(), lookups: TemplateLookups? = nil,
    cache: RenderCache? = nil
  ) {
    self.site = site
    self.templates = templates
    self.missing = missing
    self.lookups = lookups
    self.cache = cache
    cacheEpoch = cache?.currentEpoch ?? 0
    context = PageContext(site: site, cache: cache, templates: templates)
    var localized: [String: PageContext] = [:]
    for language in site.translatedLanguages {
      localized[language] = PageContext(site: site, cache: cache, templates: templates, language: language)
    }
    localizedContexts = localized
  }

  private func htmlPage(_ path: PagePath, _ template: PageTemplate, _ model: TemplateObject) -> OutputFile {
    // The page's interface language, as the view model set it.
    var language: String?
    if case .text(let code)? = model["page"]?["lang"] { language = code }
    return OutputFile(
      path: path, bytes: templates.render(template, model, language: language, missing: missing, lookups: lookups))
  }

  /// Every page, feed and data file, and the assets to copy, in a stable order.
  public func render() -> [OutputFile] {
    render(site.allPages)
  }

  /// The files of some pages, in the order of `pages` sorted.
  public func render(_ pages: some Sequence<SitePage>) -> [OutputFile] {
    pages.sorted().flatMap(render)
  }

  /// The files of a page of `LinkedSite.localizablePages` in a context's language.
  private func render(_ page: SitePage, in context: PageContext) -> [OutputFile] {
    switch page {
    case .home:
      return [htmlPage(context.local(.home), .home, HomePage(context: context).model())]
    case .notFound:
      return [htmlPage(context.local(PagePlan.notFound), .notFound, NotFoundPage(context: context).model())]
    case .cycle(let year):
      guard let cycle = site.cycle(year) else { return [] }
      return [htmlPage(context.local(cycle.pagePath), .cycle, CyclePage(context: context).model(cycle))]
    case .cycleKind(let year, let kind, let page):
      guard let cycle = site.cycle(year), let group = cycle.groups.first(where: { $0.kind.id == kind }) else {
        return []
      }
      return [
        htmlPage(
          context.local(PagePlan.cycleKind(year, kind, page: page)), .cycleKind,
          CyclePage(context: context).kindModel(cycle, group: group, page: page))
      ]
    case .series(let key):
      guard let series = site.series(key) else { return [] }
      return [htmlPage(context.local(key.pagePath), .series, SeriesPage(context: context).model(series))]
    case .peopleIndex:
      return [htmlPage(context.local(PagePlan.peopleIndex), .people, PeopleIndexPage(context: context).model())]
    case .person(let id):
      guard let record = site.person(id) else { return [] }
      return [htmlPage(context.local(record.pagePath), .person, PersonPage(context: context).model(record))]
    case .themesIndex:
      return [htmlPage(context.local(PagePlan.themesIndex), .themes, ThemesIndexPage(context: context).model())]
    case .theme(let id):
      guard let theme = site.theme(id) else { return [] }
      return [htmlPage(context.local(theme.pagePath), .theme, ThemePage(context: context).model(theme))]
    default:
      return []
    }
  }

  /// The files one page or group produces.
  public func render(_ page: SitePage) -> [OutputFile] {
    switch page {
    case .home, .notFound, .cycle, .cycleKind, .series, .peopleIndex, .person, .themesIndex, .theme:
      return render(page, in: context)
    case .inLanguage(let language, let inner):
      guard let localized = localizedContexts[language], inner.isLocalizable else { return [] }
      return render(inner, in: localized)
    case .search:
      return [htmlPage(PagePlan.search, .search, SearchPage(context: context).model())]
    case .translatedSearch(let language):
      return [
        htmlPage(PagePlan.translatedSearch(language), .search, SearchPage(context: context).model(language: language))
      ]
    case .translatedSearchIndex(let language):
      return SearchIndex(site: site, language: language).filesWithFragments()
    case .document(let id):
      guard let document = site.index[id], !document.isCycleLanding else { return [] }
      return [htmlPage(id.pagePath, .document, DocumentPage(context: context).model(document))]
    case .translation(let id):
      guard let translation = site.index.translation(id),
        let source = translation.translationOf.flatMap({ site.index[$0] })
      else { return [] }
      // In its language's context: its navigation and links go to that language's pages.
      let localized = translation.language.flatMap { localizedContexts[$0] } ?? context
      return [
        htmlPage(
          translation.pagePath, .document, DocumentPage(context: localized).model(source, translation: translation))
      ]
    case .cycleData(let year):
      guard let cycle = site.cycle(year) else { return [] }
      return [
        AtomFeed(site: site).cycleFeed(cycle),
        InventoryData(site: site, cache: cache, cacheEpoch: cacheEpoch).cycleFile(cycle),
        InventoryCSV(site: site).file(cycle),
      ] + AtomFeed(site: site).languageFeeds(cycle)
    case .siteFeed:
      return [AtomFeed(site: site).siteFeed()] + AtomFeed(site: site).languageFeeds()
    case .siteInventory:
      return [
        InventoryData(site: site, cache: cache, cacheEpoch: cacheEpoch).siteFile(),
        OutputFile(path: PagePlan.inventorySchema, contents: .text(InventorySchema.text)),
      ]
    case .searchIndex:
      return SearchIndex(site: site, cache: cache).files()
    case .searchFragments(let group):
      return SearchIndex(site: site, cache: cache).fragments(group: group)
    case .sitemap:
      let pages = htmlPages
      return cache?.sitemap(pages) { Sitemap(site: site).files(pages: pages) }
        ?? Sitemap(site: site).files(pages: pages)
    case .assets:
      return templates.assets.map { OutputFile(path: $0.path, contents: $0.contents) }
    }
  }

  /// The processor time the search index has taken on every thread since the process
  /// started: a build prints it with `IGFSITE_TIMINGS=1` (the benchmark reads it).
  public static var searchIndexProcessorSeconds: Double {
    Double(SearchIndex.processorTime.load(ordering: .relaxed)) / 1e9
  }

  /// Every HTML page, with its document's date and its versions in other languages, for
  /// the sitemap.
  var htmlPages: [SitemapPage] {
    var pages = PagePlan.fixedPages
    pages += site.cycles.map(\.pagePath)
    for cycle in site.cycles {
      for case .cycleKind(let year, let kind, let page) in cycle.kindPages {
        pages.append(PagePlan.cycleKind(year, kind, page: page))
      }
    }
    pages += site.series.map(\.key.pagePath)
    pages += site.people.map(\.pagePath)
    pages += site.themes.map(\.pagePath)
    // The search pages name each other, as their pages do.
    let searches =
      site.translatedLanguages.isEmpty
      ? []
      : [(site.config.language, PagePlan.search)] + site.translatedLanguages.map { ($0, PagePlan.translatedSearch($0)) }
    var listed = pages.map { SitemapPage(path: $0, versions: $0 == PagePlan.search ? searches : []) }
    listed += site.translatedLanguages.map { SitemapPage(path: PagePlan.translatedSearch($0), versions: searches) }
    // The pages of every language with translations (the page not found is in no sitemap).
    if !site.translatedLanguages.isEmpty {
      let localizable = pages.filter { $0 != PagePlan.notFound && $0 != PagePlan.search }
      let paths = Set(localizable)
      for (position, page) in listed.enumerated() where paths.contains(page.path) {
        listed[position].versions = localizedVersions(page.path)
      }
      for language in site.translatedLanguages {
        listed += localizable.map {
          SitemapPage(path: PageContext.local($0, in: language), versions: localizedVersions($0))
        }
      }
    }
    let language = site.config.language
    for document in site.pagedDocuments {
      let translations = site.translations(of: document)
      let versions =
        translations.isEmpty
        ? [] : [(language, document.pagePath)] + translations.map { ($0.language ?? "", $0.pagePath) }
      listed.append(SitemapPage(path: document.pagePath, lastModified: document.published?.fullDay, versions: versions))
      for translation in translations {
        listed.append(SitemapPage(path: translation.pagePath, versions: versions))
      }
    }
    return listed
  }
}

extension SiteRenderer {
  /// A localizable page in the default language and every language with translations.
  func localizedVersions(_ path: PagePath) -> [(language: String, path: PagePath)] {
    [(site.config.language, path)] + site.translatedLanguages.map { ($0, PageContext.local(path, in: $0)) }
  }
}

/// A page as the sitemap lists it: its date when the record gives the whole day, and the
/// page in each language it exists in (`hreflang`), when more than one.
struct SitemapPage: Sendable, Equatable {
  var path: PagePath
  var lastModified: CalendarDate?
  var versions: [(language: String, path: PagePath)] = []

  static func == (lhs: SitemapPage, rhs: SitemapPage) -> Bool {
    lhs.path == rhs.path && lhs.lastModified == rhs.lastModified
      && lhs.versions.elementsEqual(rhs.versions) { $0.language == $1.language && $0.path == $1.path }
  }
}
