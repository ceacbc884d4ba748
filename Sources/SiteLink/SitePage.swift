import SiteModel

/// One page of the site, or one group of generated files, as the renderer produces it and
/// as a rebuild decides what a change affects.
public enum SitePage: Sendable, Hashable, Comparable {
  case home
  case notFound
  case search
  /// A page of `LinkedSite.localizablePages` in another language with translations
  /// (`fr/2017/index.html`, `fr/people/index.html`).
  indirect case inLanguage(String, SitePage)
  /// The search page of another language with translations, and its index.
  case translatedSearch(String)
  case translatedSearchIndex(String)
  case cycle(Int)
  /// One page of a kind's items, when a cycle's inventory is too long for one page.
  case cycleKind(year: Int, kind: String, page: Int)
  case document(DocumentID)
  /// A document's page in another language, by the translation's id (`…/proposal.fr`).
  case translation(DocumentID)
  case series(SeriesKey)
  case peopleIndex
  case person(String)
  case themesIndex
  case theme(String)
  /// A cycle's feed and machine-readable inventories.
  case cycleData(Int)
  /// The site's feed.
  case siteFeed
  /// The site's inventory and its schema.
  case siteInventory
  /// The search index but its documents' fragments.
  case searchIndex
  /// The search fragments of documents `group × PagePlan.searchFragmentsPerGroup` onwards,
  /// as `LinkedSite.searchOrder` numbers them.
  case searchFragments(group: Int)
  /// The sitemap and robots.txt.
  case sitemap
  /// The files of `templates/assets/`.
  case assets

  public static func < (lhs: SitePage, rhs: SitePage) -> Bool { lhs.sortKey < rhs.sortKey }

  /// Whether the page gathers a whole cycle or the whole site (slow to render): rendered
  /// first, so that no core is left alone with one of them at the end.
  public var gathersManyDocuments: Bool {
    switch self {
    case .home, .cycle, .cycleData, .siteFeed, .siteInventory, .searchIndex, .searchFragments, .sitemap: true
    case .inLanguage(_, let page): page.gathersManyDocuments
    default: false
    }
  }

  /// Whether the page is a site-wide data file (feeds, inventories as data, the search
  /// index, the sitemap) rather than HTML a reader has open.
  public var isDataFile: Bool {
    switch self {
    case .cycleData, .siteFeed, .siteInventory, .searchIndex, .searchFragments, .translatedSearchIndex, .sitemap: true
    default: false
    }
  }

  /// Whether the page exists in every language with translations (`LinkedSite.localizablePages`).
  public var isLocalizable: Bool {
    switch self {
    case .home, .notFound, .cycle, .cycleKind, .series, .peopleIndex, .person, .themesIndex, .theme: true
    default: false
    }
  }

  var sortKey: String {
    switch self {
    case .home: "0"
    case .notFound: "1"
    case .search: "2"
    case .translatedSearch(let language): "2 \(language)"
    case .translatedSearchIndex(let language): "B3 \(language)"
    case .inLanguage(let language, let page): "L \(language) " + page.sortKey
    case .cycle(let year): "3 \(year)"
    case .cycleKind(let year, let kind, let page): "3 \(year) \(kind) \(page)"
    case .document(let id), .translation(let id): "4 \(id)"
    case .series(let key): "5 \(key.field)/\(key.id)"
    case .peopleIndex: "6"
    case .person(let id): "7 \(id)"
    case .themesIndex: "8"
    case .theme(let id): "9 \(id)"
    case .cycleData(let year): "A \(year)"
    case .siteFeed: "B1"
    case .siteInventory: "B2"
    case .searchIndex: "B3"
    case .searchFragments(let group): "B3 " + String(String(group + 1_000_000).dropFirst())
    case .sitemap: "B4"
    case .assets: "C"
    }
  }
}

extension LinkedSite {
  /// How many groups the documents' search fragments are rendered in.
  public var searchFragmentGroups: Int {
    (pagedDocuments.count + PagePlan.searchFragmentsPerGroup - 1) / PagePlan.searchFragmentsPerGroup
  }

  /// The pages that exist in every language with translations: the home page, the
  /// cycles' inventories with their kinds' pages, the series', people's and themes' pages
  /// and the page not found. (Documents exist in the languages they are translated into.)
  public var localizablePages: [SitePage] {
    [.home, .notFound, .peopleIndex, .themesIndex] + cycles.flatMap { [SitePage.cycle($0.year)] + $0.kindPages }
      + series.map { .series($0.key) } + people.map { .person($0.person.id) } + themes.map { .theme($0.id) }
  }

  /// Every page and file group of the site.
  public var allPages: [SitePage] {
    var pages: [SitePage] = [
      .home, .notFound, .search, .peopleIndex, .themesIndex, .siteFeed, .siteInventory, .searchIndex, .sitemap, .assets,
    ]
    pages += (0..<searchFragmentGroups).map { .searchFragments(group: $0) }
    pages += cycles.flatMap { [SitePage.cycle($0.year), .cycleData($0.year)] + $0.kindPages }
    pages += pagedDocuments.map { .document($0.id) }
    pages += translations.map { .translation($0.id) }
    pages += translatedLanguages.flatMap { [SitePage.translatedSearch($0), .translatedSearchIndex($0)] }
    pages += translatedLanguages.flatMap { language in localizablePages.map { SitePage.inLanguage(language, $0) } }
    pages += series.map { .series($0.key) }
    pages += people.map { .person($0.person.id) }
    pages += themes.map { .theme($0.id) }
    return pages
  }
}

extension LinkedSite {
  /// Whether the site has this page (as `allPages` would list it).
  public func has(_ page: SitePage) -> Bool {
    switch page {
    case .cycle(let year), .cycleData(let year): cycle(year) != nil
    case .cycleKind(let year, _, _): cycle(year)?.kindPages.contains(page) ?? false
    case .document(let id): index[id].map { !$0.isCycleLanding } ?? false
    case .translation(let id): translations.contains { $0.id == id }
    case .translatedSearch(let language), .translatedSearchIndex(let language): translatedLanguages.contains(language)
    case .inLanguage(let language, let page): translatedLanguages.contains(language) && page.isLocalizable && has(page)
    case .series(let key): series(key) != nil
    case .person(let id): person(id) != nil
    case .theme(let id): theme(id) != nil
    case .searchFragments(let group): group >= 0 && group < searchFragmentGroups
    case .home, .notFound, .search, .peopleIndex, .themesIndex, .siteFeed, .siteInventory, .searchIndex, .sitemap,
      .assets:
      true
    }
  }
}

extension CycleInventory {
  /// Whether the inventory lists its kinds on the cycle page and their items on pages of
  /// their own (`PagePlan.inventoryItemsPerPage`).
  public var isSplitByKind: Bool { items.count > PagePlan.inventoryItemsPerPage }

  /// How many pages a kind's items take, when the inventory is split.
  public static func pageCount(of items: Int) -> Int {
    max(1, (items + PagePlan.inventoryItemsPerPage - 1) / PagePlan.inventoryItemsPerPage)
  }

  /// The kinds' pages of a split inventory, in order; none for one that is not split.
  public var kindPages: [SitePage] {
    guard isSplitByKind else { return [] }
    return groups.flatMap { group in
      (1...Self.pageCount(of: group.items.count)).map { SitePage.cycleKind(year: year, kind: group.kind.id, page: $0) }
    }
  }
}
