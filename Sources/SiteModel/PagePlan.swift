/// Every path igfsite generates, in one place: the renderer writes these files, the
/// sitemap lists the pages, the preview serves the not-found page, and the page-collision
/// rule keeps documents' pages off them. Documents' pages are `DocumentID.pagePath`.
public enum PagePlan {
  public static let notFound = PagePath("404.html")
  public static let search = PagePath("search/index.html")
  /// The search page of the translations into a language (`fr/search/index.html`).
  public static func translatedSearch(_ language: String) -> PagePath { PagePath("\(language)/search/index.html") }
  public static let peopleIndex = PagePath("people/index.html")
  public static let themesIndex = PagePath("themes/index.html")
  /// The HTML pages that are always there, in the sitemap's order.
  public static let fixedPages: [PagePath] = [.home, notFound, search, peopleIndex, themesIndex]

  /// A cycle inventory with more items than this lists its kinds on the cycle page and each
  /// kind's items on pages of their own, at most this many to a page: at 150 a page stays
  /// well under 300 KB.
  public static let inventoryItemsPerPage = 150
  /// The folder of a cycle holding its kinds' pages (`2017/kinds/`).
  public static let cycleKindsFolder = "kinds"
  /// Page `page` (from 1) of a kind's items in a long inventory (`2017/kinds/bpf-proposal/index.html`).
  public static func cycleKind(_ year: Int, _ kind: String, page: Int) -> PagePath {
    PagePath("\(year)/\(cycleKindsFolder)/\(kind)/" + (page > 1 ? "\(page)/index.html" : "index.html"))
  }

  /// A document's page in another of the site's languages: under the language's folder
  /// (`fr/2017/bpf/iot/proposal/index.html`); a cycle's landing text's is its cycle's page
  /// in that language (`fr/2017/index.html`).
  public static func translation(of document: DocumentID, language: String) -> PagePath {
    PagePath("\(language)/" + document.publishedPath.rawValue)
  }

  public static func person(_ id: String) -> PagePath { PagePath("people/\(id)/index.html") }
  public static func theme(_ id: String) -> PagePath { PagePath("themes/\(id)/index.html") }
  /// A series' page: under its series type's field (`bpf/cybersecurity/index.html`).
  public static func series(field: String, id: String) -> PagePath { PagePath("\(field)/\(id)/index.html") }

  public static let siteFeed = "feed.xml"
  public static func cycleFeed(_ year: Int) -> String { "\(year)/feed.xml" }
  /// The feed of the translations into a language, and of a cycle's (`fr/feed.xml`, `fr/2017/feed.xml`).
  public static func languageFeed(_ language: String) -> String { "\(language)/feed.xml" }
  public static func languageCycleFeed(_ language: String, _ year: Int) -> String { "\(language)/\(year)/feed.xml" }
  public static let siteInventory = "inventory.json"
  public static func cycleInventory(_ year: Int) -> String { "\(year)/inventory.json" }
  public static func cycleInventoryCSV(_ year: Int) -> String { "\(year)/inventory.csv" }
  public static let inventorySchema = "schema/inventory.schema.json"
  /// The search index's parts (`SearchIndex` in SiteRender says what each holds).
  public static let searchManifest = "search/index.js"
  public static func searchShard(_ fileName: String) -> String { "search/w/\(fileName).js" }
  public static func searchDocument(_ number: Int) -> String { "search/d/\(number).js" }
  /// The documents' search fragments are rendered this many to a group, so that a build
  /// holds one group's fragments at a time and spreads them over the cores.
  public static let searchFragmentsPerGroup = 500
  public static func searchFacet(_ name: String) -> String { "search/f/\(name).js" }
  public static let sitemap = "sitemap.xml"
  public static let robots = "robots.txt"
  /// Where the files of `templates/assets/` go.
  public static let assetsFolder = "assets"

  /// The first path components of the pages and files above that are folders: no
  /// document's page may start with one (the series types' fields are added by the schema).
  public static let generatedFolders: Set<String> = [assetsFolder, "people", "themes", "schema", "search"]
}
