import SiteLink
import SiteModel

/// Renders every page of a linked site with the site's templates.
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
    var files: [OutputFile] = []
    files.append(OutputFile(path: .home, text: templates.render(.home, HomePage(context: context).model())))
    files.append(OutputFile(path: PagePath("404.html"), text: templates.render(.notFound, NotFoundPage(context: context).model())))
    for cycle in site.cycles {
      files.append(OutputFile(path: cycle.pagePath, text: templates.render(.cycle, CyclePage(context: context).model(cycle))))
    }
    files += renderDocuments(site.pagedDocuments)
    for series in site.series {
      files.append(OutputFile(path: series.key.pagePath, text: templates.render(.series, SeriesPage(context: context).model(series))))
    }
    files.append(OutputFile(path: PagePath("people/index.html"), text: templates.render(.people, PeopleIndexPage(context: context).model())))
    for record in site.people {
      files.append(OutputFile(path: record.pagePath, text: templates.render(.person, PersonPage(context: context).model(record))))
    }
    files.append(OutputFile(path: PagePath("themes/index.html"), text: templates.render(.themes, ThemesIndexPage(context: context).model())))
    for theme in site.themes {
      files.append(OutputFile(path: theme.pagePath, text: templates.render(.theme, ThemePage(context: context).model(theme))))
    }
    files.append(OutputFile(path: PagePath("search/index.html"), text: templates.render(.search, SearchPage(context: context).model())))
    files += dataFiles(pages: files.map { PagePath($0.path) }.filter { $0.rawValue.hasSuffix(".html") })
    for asset in templates.assets {
      files.append(OutputFile(path: asset, contents: .copy(from: templates.folder.appendingPathComponent(asset))))
    }
    return files
  }

  /// Feeds, sitemap, search index and the machine-readable inventories.
  func dataFiles(pages: [PagePath]) -> [OutputFile] {
    let feeds = AtomFeed(site: site)
    let inventory = InventoryData(site: site)
    let csv = InventoryCSV(site: site)
    var files = [feeds.siteFeed(), inventory.siteFile()]
    for cycle in site.cycles {
      files += [feeds.cycleFeed(cycle), inventory.cycleFile(cycle), csv.file(cycle)]
    }
    files.append(OutputFile(path: InventoryData.schemaPath, contents: .text(InventorySchema.text)))
    files += SearchIndex(site: site).files()
    files += Sitemap(site: site).files(pages: pages)
    return files
  }

  /// The pages of some documents (all of them in a full build, the changed ones in a
  /// preview rebuild).
  public func renderDocuments(_ documents: [ParsedDocument]) -> [OutputFile] {
    let page = DocumentPage(context: context)
    return documents.map { OutputFile(path: $0.id.pagePath, text: templates.render(.document, page.model($0))) }
  }
}
