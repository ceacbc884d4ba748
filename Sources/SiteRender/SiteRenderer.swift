import SiteLink
import SiteModel

/// Renders the pages of a linked site with the site's templates.
public struct SiteRenderer: Sendable {
  public let site: LinkedSite
  public let templates: TemplateSet
  let context: PageContext

  public init(site: LinkedSite, templates: TemplateSet) {
    self.site = site
    self.templates = templates
    context = PageContext(site: site)
  }

  /// Every page, feed and data file, and the assets to copy, in a stable order.
  public func render() -> [OutputFile] {
    render(site.allPages)
  }

  /// The files of some pages, in the order of `pages` sorted.
  public func render(_ pages: some Sequence<SitePage>) -> [OutputFile] {
    pages.sorted().flatMap(render)
  }

  /// The files one page or group produces.
  public func render(_ page: SitePage) -> [OutputFile] {
    switch page {
    case .home:
      return [OutputFile(path: .home, text: templates.render(.home, HomePage(context: context).model()))]
    case .notFound:
      return [OutputFile(path: PagePath("404.html"), text: templates.render(.notFound, NotFoundPage(context: context).model()))]
    case .search:
      return [OutputFile(path: PagePath("search/index.html"), text: templates.render(.search, SearchPage(context: context).model()))]
    case .cycle(let year):
      guard let cycle = site.cycle(year) else { return [] }
      return [OutputFile(path: cycle.pagePath, text: templates.render(.cycle, CyclePage(context: context).model(cycle)))]
    case .document(let id):
      guard let document = site.index[id], !document.isCycleLanding else { return [] }
      return [OutputFile(path: id.pagePath, text: templates.render(.document, DocumentPage(context: context).model(document)))]
    case .series(let key):
      guard let series = site.series.first(where: { $0.key == key }) else { return [] }
      return [OutputFile(path: key.pagePath, text: templates.render(.series, SeriesPage(context: context).model(series)))]
    case .peopleIndex:
      return [OutputFile(path: PagePath("people/index.html"), text: templates.render(.people, PeopleIndexPage(context: context).model()))]
    case .person(let id):
      guard let record = site.people.first(where: { $0.person.id == id }) else { return [] }
      return [OutputFile(path: record.pagePath, text: templates.render(.person, PersonPage(context: context).model(record)))]
    case .themesIndex:
      return [OutputFile(path: PagePath("themes/index.html"), text: templates.render(.themes, ThemesIndexPage(context: context).model()))]
    case .theme(let id):
      guard let theme = site.themes.first(where: { $0.id == id }) else { return [] }
      return [OutputFile(path: theme.pagePath, text: templates.render(.theme, ThemePage(context: context).model(theme)))]
    case .cycleData(let year):
      guard let cycle = site.cycle(year) else { return [] }
      return [AtomFeed(site: site).cycleFeed(cycle), InventoryData(site: site).cycleFile(cycle), InventoryCSV(site: site).file(cycle)]
    case .siteData:
      return [
        AtomFeed(site: site).siteFeed(), InventoryData(site: site).siteFile(),
        OutputFile(path: InventoryData.schemaPath, contents: .text(InventorySchema.text)),
      ] + SearchIndex(site: site).files() + Sitemap(site: site).files(pages: htmlPages)
    case .assets:
      return templates.assets.map { OutputFile(path: $0, contents: .copy(from: templates.folder.appendingPathComponent($0))) }
    }
  }

  /// The paths of every HTML page, for the sitemap.
  var htmlPages: [PagePath] {
    var pages: [PagePath] = [.home, PagePath("404.html"), PagePath("search/index.html"), PagePath("people/index.html"), PagePath("themes/index.html")]
    pages += site.cycles.map(\.pagePath)
    pages += site.pagedDocuments.map(\.id.pagePath)
    pages += site.series.map(\.key.pagePath)
    pages += site.people.map(\.pagePath)
    pages += site.themes.map(\.pagePath)
    return pages
  }
}
