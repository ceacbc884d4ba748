import SiteContent
import SiteModel

/// Which pages a change to some documents affects, so a preview rebuild renders only those.
///
/// A document's title, status or dates appear on its own page, on the pages of the
/// documents it references and that reference it, on its series' page and the pages of the
/// series' documents, on its people's and themes' pages, and on the site-wide pages. Its
/// cycle's inventory lists it; the inventories of the cycles next to it in its series name
/// it as continuity; every inventory of the series shows the series' title. A cycle's
/// landing text titles every page of its cycle. A change can also change other documents'
/// warnings and backlinks. Anything wider (settings, templates, the set of cycles or their
/// titles, which every page's navigation may show) renders everything.
public enum ChangeImpact {
  /// Nil means "render every page".
  public static func pages(from old: LinkedSite, to new: LinkedSite, changed: Set<DocumentID>) -> Set<SitePage>? {
    guard old.cycles.map(\.year) == new.cycles.map(\.year), old.cycles.map(\.title) == new.cycles.map(\.title),
      old.translatedLanguages == new.translatedLanguages
    else {
      return nil
    }
    var pages: Set<SitePage> = [
      .home, .search, .siteFeed, .siteInventory, .searchIndex, .sitemap, .peopleIndex, .themesIndex,
    ]
    // Every language's search; the others' are small, and their pages list the filters.
    for language in Set(old.translatedLanguages + new.translatedLanguages) {
      pages.formUnion([.translatedSearch(language), .translatedSearchIndex(language)])
    }
    // A document added or gone moves the numbers of those after it (the cache keeps the rest).
    pages.formUnion((0..<new.searchFragmentGroups).map { .searchFragments(group: $0) })
    var cycles = inventoryYears(
      of: changed, in: [old.index, new.index], series: [old.series(_:), new.series(_:)], schema: new.schema)
    var documents = Set<DocumentID>()
    // A translation's title shows on the pages in its language that list its document.
    var listed = changed
    for site in [old, new] {
      for id in changed { if let source = site.index.translation(id)?.translationOf { listed.insert(source) } }
    }
    for site in [old, new] {
      for id in listed {
        guard let document = site.index[id] else { continue }
        documents.insert(id)
        if document.isCycleLanding, let inventory = document.cycle.flatMap(site.cycle) {
          documents.formUnion(inventory.items.map(\.document.id))
        }
        documents.formUnion(site.references[id] ?? [])
        documents.formUnion(site.referencedBy[id] ?? [])
        if let series = site.series(of: document) {
          pages.insert(.series(series.key))
          documents.formUnion(series.documents.map(\.id))
          if old.series(series.key)?.title != new.series(series.key)?.title {
            cycles.formUnion(series.cycles.map(\.year))
          }
        }
        for reference in site.schema.personReferences(of: document) { pages.insert(.person(reference.id)) }
        for theme in document.themes { pages.insert(.theme(Slug.make(theme))) }
      }
    }
    // Documents whose warnings or errors changed show them on their page and in their cycle.
    let warned = Set(old.warnings.keys).union(new.warnings.keys).filter { old.warnings[$0] != new.warnings[$0] }
      .union(Set(old.errors.keys).union(new.errors.keys).filter { old.errors[$0] != new.errors[$0] })
    if !warned.isEmpty {
      for document in new.index.documents where warned.contains(document.file) {
        documents.insert(document.id)
        if let cycle = document.cycle { cycles.insert(cycle) }
      }
    }
    for id in documents {
      guard let document = new.index[id] else { continue }
      if !document.isCycleLanding { pages.insert(.document(id)) }
      // The inventory data files list each document's references and backlinks.
      if old.references[id] != new.references[id] || old.referencedBy[id] != new.referencedBy[id],
        let cycle = document.cycle
      {
        cycles.insert(cycle)
      }
    }
    // A translation shows its document's facts and warnings; its document's page and
    // inventory item list the languages it can be read in.
    for site in [old, new] {
      for id in changed {
        if let translation = site.index.translation(id), let source = translation.translationOf {
          pages.insert(.translation(id))
          documents.insert(source)
          if let cycle = site.index[source]?.cycle { cycles.insert(cycle) }
        }
      }
      for id in documents {
        for translation in site.index.translations(of: id) { pages.insert(.translation(translation.id)) }
      }
      for translation in site.translations where warned.contains(translation.file) {
        pages.insert(.translation(translation.id))
      }
    }
    for id in documents where new.index[id].map({ !$0.isCycleLanding }) ?? false { pages.insert(.document(id)) }
    for cycle in cycles {
      pages.formUnion([.cycle(cycle), .cycleData(cycle)] + (new.cycle(cycle)?.kindPages ?? []))
    }
    // The pages in the other languages follow their default-language pages.
    for language in new.translatedLanguages {
      pages.formUnion(pages.filter(\.isLocalizable).map { .inLanguage(language, $0) })
    }
    // Only pages the new site still has; removed pages are deleted by the writer.
    return pages.filter(new.has)
  }

  /// The cycles whose inventories a change to `changed` can alter, looking at the site
  /// before and after: the documents' own cycles and, in their series, the nearest earlier
  /// and later cycles, whose items name the changed cycle's documents as continuity and
  /// say whether the series was renewed.
  static func inventoryYears(
    of changed: Set<DocumentID>, in indexes: [SiteIndex], series: [(SeriesKey) -> Series?], schema: ModalitiesSchema
  ) -> Set<Int> {
    var years = Set<Int>()
    for id in changed {
      for index in indexes {
        guard let document = index[id], let year = document.cycle else { continue }
        years.insert(year)
        guard let key = SeriesKey(document, schema: schema) else { continue }
        for lookup in series {
          guard let cycles = lookup(key)?.cycles.map(\.year) else { continue }
          if let earlier = cycles.last(where: { $0 < year }) { years.insert(earlier) }
          if let later = cycles.first(where: { $0 > year }) { years.insert(later) }
        }
      }
    }
    return years
  }
}
