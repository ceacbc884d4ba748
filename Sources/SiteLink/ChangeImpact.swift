import SiteModel

/// Which pages a change to some documents affects, so a preview rebuild renders only those.
///
/// A document's title, status or dates appear on its own page, on the pages of the
/// documents it references and that reference it, on its series' page and the pages of the
/// series' documents, on its cycles' inventories (and those of its series' other cycles,
/// which show "continues from / continued in"), on its people's and themes' pages, and on
/// the home page; a cycle's landing text titles every page of its cycle; a change can also
/// change other documents' warnings. Anything wider
/// (settings, templates, the set of cycles) renders everything.
public enum ChangeImpact {
  /// Nil means "render every page".
  public static func pages(from old: LinkedSite, to new: LinkedSite, changed: Set<DocumentID>) -> Set<SitePage>? {
    guard old.cycles.map(\.year) == new.cycles.map(\.year) else { return nil }
    var pages: Set<SitePage> = [.home, .siteFeed, .siteInventory, .searchIndex, .sitemap, .peopleIndex, .themesIndex]
    var cycles = Set<Int>()
    var documents = Set<DocumentID>()
    for site in [old, new] {
      for id in changed {
        guard let document = site.index[id] else { continue }
        if let cycle = document.cycle { cycles.insert(cycle) }
        documents.insert(id)
        // Every page of a cycle names it by its landing text's title.
        if document.isCycleLanding, let inventory = document.cycle.flatMap(site.cycle) {
          documents.formUnion(inventory.items.map(\.document.id))
        }
        documents.formUnion(site.references[id] ?? [])
        documents.formUnion(site.referencedBy[id] ?? [])
        if let series = site.series(of: document) {
          pages.insert(.series(series.key))
          for member in series.documents {
            documents.insert(member.id)
            if let cycle = member.cycle { cycles.insert(cycle) }
          }
        }
        for reference in site.schema.personReferences(of: document) { pages.insert(.person(reference.id)) }
        for theme in document.themes { pages.insert(.theme(Slug.make(theme))) }
      }
    }
    // Documents whose warnings changed show it on their page and in their cycle.
    for file in Set(old.warnings.keys).union(new.warnings.keys) where old.warnings[file] != new.warnings[file] {
      if let document = new.index.documents.first(where: { $0.file == file }) ?? old.index.documents.first(where: { $0.file == file }) {
        documents.insert(document.id)
        if let cycle = document.cycle { cycles.insert(cycle) }
      }
    }
    // A document's references and backlinks are listed in its cycle's inventory files too.
    for id in documents {
      guard let document = new.index[id] else { continue }
      if let cycle = document.cycle { cycles.insert(cycle) }
      if !document.isCycleLanding { pages.insert(.document(id)) }
    }
    for cycle in cycles { pages.formUnion([.cycle(cycle), .cycleData(cycle)]) }
    // Only pages the new site still has; removed pages are deleted by the writer.
    return pages.intersection(new.allPages)
  }
}
