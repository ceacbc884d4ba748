import Mustache
import SiteContent
import SiteLink
import SiteModel

/// A cycle's outcome inventory: every item grouped by kind with its status, facilitators,
/// outputs, conformance and continuity, the stakeholder balance, and what needs further
/// attention.
struct CyclePage {
  let context: PageContext

  func model(_ cycle: CycleInventory) -> TemplateObject {
    let strings = context.strings()
    let title = context.cycleTitle(cycle)
    let heading = strings.format("outcome_inventory", ["title": title])
    var model = context.localizablePage(
      cycle.pagePath, title: heading,
      description: strings.format("cycle_description", ["year": String(cycle.year)]), type: "cycle")
    var object: TemplateObject = [
      "year": .number(cycle.year), "title": .text(title),
      "heading": .text(heading),
      "count": .text(Format.count(cycle.items.count, "document", in: strings)),
      "feed_url": .text("\(cycle.year)/feed.xml"),
      "json_url": .text("\(cycle.year)/inventory.json"),
      "csv_url": .text("\(cycle.year)/inventory.csv"),
    ]
    if let landing = cycle.landing {
      // In another language, its translation, or nothing: the original's links are made
      // for the original's page (the switcher leads there).
      if let language = context.language {
        if let body = context.site.landing(of: cycle, in: language)?.body, !body.htmlBytes.isEmpty {
          object["body"] = context.bodyHTML(body)
        }
      } else {
        object["body"] = context.bodyHTML(landing.body)
      }
      object.set("host", text: landing["host"]?.scalarText)
      object.set("location", text: landing["location"]?.scalarText)
      object.set("theme", text: landing["theme"]?.scalarText)
      object.set("start", object: landing["start"]?.partialDate.map { Format.date($0, in: strings) })
      object.set("end", object: landing["end"]?.partialDate.map { Format.date($0, in: strings) })
      if landing.isExample { object["example"] = true }
    }
    // A long inventory lists its kinds here and their items on pages of their own.
    let split = cycle.isSplitByKind
    object.set(
      "groups",
      list: cycle.groups.map { group in
        var kind: TemplateObject = [
          "label": .text(context.word(group.kind.label).text), "kind": .text(group.kind.id),
          "count": .text(context.strings().number(group.items.count)),
          "items": .list(split ? [] : group.items.map { .object(item($0)) }),
        ]
        if split { kind.set("pages", list: kindPageLinks(cycle, group: group)) } else { kind.markAbsent(["has_pages"]) }
        return .object(kind)
      })
    object.set("attention", list: attention(cycle))
    if cycle.balance.total > 0 {
      let language = context.language ?? context.site.config.language
      object["balance"] = .object(
        BalanceChart.model(
          cycle.balance, id: "balance-\(cycle.year)",
          caption: strings.format("balance_caption", ["year": String(cycle.year)]),
          rightToLeft: Language(language).isRightToLeft, strings: context.language == nil ? nil : strings))
    }
    model["cycle"] = .object(object)
    return model
  }

  /// One page of a kind's items of a long inventory.
  func kindModel(
    _ cycle: CycleInventory, group: (kind: KindSpec, items: [InventoryItem]), page: Int
  ) -> TemplateObject {
    let pages = CycleInventory.pageCount(of: group.items.count)
    let strings = context.strings()
    let label = context.word(group.kind.label).text
    let title =
      "\(context.cycleTitle(cycle)): \(label)"
      + (pages > 1 ? strings.format("page_of", ["page": String(page), "pages": String(pages)]) : "")
    var model = context.localizablePage(
      PagePlan.cycleKind(cycle.year, group.kind.id, page: page), title: title,
      description: strings.format("kind_description", ["kind": label, "year": String(cycle.year)]),
      type: "cycle_kind")
    let perPage = PagePlan.inventoryItemsPerPage
    let items = group.items[((page - 1) * perPage)..<min(group.items.count, page * perPage)]
    var object: TemplateObject = [
      "title": .text(title), "cycle_title": .text(context.cycleTitle(cycle)),
      "cycle_url": .text(context.local(cycle.pagePath).rawValue),
      "cycle_heading": .text(context.strings().format("outcome_inventory", ["title": context.cycleTitle(cycle)])),
      "count_text": .text(
        strings.format("of_this_kind", ["count": Format.count(group.items.count, "document", in: strings)])),
      "pages_label": .text(context.strings().format("pages_of", ["label": label])),
      "label": .text(label), "kind": .text(group.kind.id),
      "count": .text(Format.count(group.items.count, "document", in: strings)),
      "items": .list(items.map { .object(item($0)) }),
    ]
    object.set("pages", list: pages > 1 ? kindPageLinks(cycle, group: group, current: page) : [])
    object.markAbsent(["has_pages"])
    model["kind_page"] = .object(object)
    return model
  }

  /// Links to the pages of a kind's items: `Items 1–150`, `151–300` …
  private func kindPageLinks(
    _ cycle: CycleInventory, group: (kind: KindSpec, items: [InventoryItem]), current: Int? = nil
  ) -> [TemplateValue] {
    let perPage = PagePlan.inventoryItemsPerPage
    return (1...CycleInventory.pageCount(of: group.items.count)).map { page in
      let first = (page - 1) * perPage + 1
      let last = min(group.items.count, page * perPage)
      var link: TemplateObject = [
        "url": .text(context.local(PagePlan.cycleKind(cycle.year, group.kind.id, page: page)).rawValue),
        "label": .text("\(context.word(group.kind.label).text) \(first)–\(last)"),
      ]
      if page == current { link["current"] = true }
      return .object(link)
    }
  }

  private func item(_ item: InventoryItem) -> TemplateObject {
    let strings = context.strings()
    var object = context.documentLink(item.document)
    object.set("summary", text: item.document["summary"]?.scalarText)
    object.set("facilitators", list: item.facilitators.map { .object(context.personLink($0)) })
    object.set(
      "outputs",
      list: item.outputs.map { output in
        var link = context.documentLink(output)
        link.set(
          "date", object: (output["published"]?.partialDate ?? output.date).map { Format.date($0, in: strings) })
        return .object(link)
      })
    if let earlier = item.continuesFrom { object["continues_from"] = .object(context.documentLink(earlier)) }
    if let later = item.continuedIn { object["continued_in"] = .object(context.documentLink(later)) }
    if let series = item.series, let found = context.site.series(series) {
      object["series"] = .object([
        "title": .text(found.title), "url": .text(context.local(series.pagePath).rawValue),
        "type": .text(context.word(found.typeLabel).text),
      ])
    }
    object.set("warnings", list: item.warnings.map { DocumentPage.warning($0, file: item.document) })
    switch item.modalities {
    case .applies:
      if item.warnings.isEmpty, (context.site.errors[item.document.file] ?? []).isEmpty { object["conforms"] = true }
    case .notApplicable(let why):
      object["not_applicable"] = .text(context.notApplicableReason(why))
    }
    object.markAbsent(["conforms", "not_applicable"])
    object.set(
      "translations",
      list: context.site.translations(of: item.document).map { translation in
        let language = Language(translation.language ?? "")
        return .object([
          "name": .text(language.name), "lang": .text(language.code), "dir": .text(language.direction),
          "url": .text(translation.pagePath.rawValue), "may_be_out_of_date": .bool(!translation.follows(item.document)),
        ])
      })
    object.markAbsent(["translations", "has_translations"])
    // In words: a chart and a table for every item made a long inventory heavy.
    let groups = item.balance.counts.filter { $0.count > 0 }.map {
      "\(context.language == nil ? $0.group : strings.group($0.group)): \($0.count)"
    }
    if !groups.isEmpty { object["item_balance"] = .text(groups.joined(separator: ", ")) }
    return object
  }

  private func attention(_ cycle: CycleInventory) -> [TemplateValue] {
    AttentionItem.Reason.allCases.compactMap { reason in
      let entries = cycle.attention.filter { $0.reason == reason }
      guard !entries.isEmpty else { return nil }
      return .object([
        "heading": .text(context.strings()["attention_" + reason.rawValue.replacingOccurrences(of: "-", with: "_")]),
        "reason": .text(reason.rawValue),
        "entries": .list(
          entries.map { entry in
            var link = context.documentLink(entry.document)
            let detail = context.attentionDetail(entry)
            link["detail"] = .text(detail.text)
            link["detail_original"] = detail.original.map(TemplateValue.text) ?? false
            return .object(link)
          }),
      ])
    }
  }
}
