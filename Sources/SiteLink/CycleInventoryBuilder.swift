import SiteContent
import SiteModel

/// Builds each cycle's outcome inventory: its items grouped by kind with facilitators,
/// outputs and continuity, and what needs further attention.
struct CycleInventoryBuilder {
  let index: SiteIndex
  let schema: ModalitiesSchema
  let series: [Series]
  let warnings: [String: [Diagnostic]]

  private var policy: InventoryPolicy { schema.inventory }

  /// One cycle's inventory, from its documents in id order.
  func inventory(
    of year: Int, documents: [ParsedDocument]? = nil, latestYear: Int, seriesByKey: [SeriesKey: Series]
  ) -> CycleInventory {
    let documents = documents ?? index.documents.filter { $0.cycle == year }
    let landing = documents.first { $0.isCycleLanding }
    var groups: [(kind: KindSpec, items: [InventoryItem])] = []
    for kind in schema.kinds {
      let members = documents.filter { $0.kind == kind.id && !$0.isCycleLanding }
      let items = DocumentOrder.inventory(members, order: policy.order)
        .map { item(for: $0, kind: kind, year: year, seriesByKey: seriesByKey) }
      if !items.isEmpty { groups.append((kind, items)) }
    }
    let items = groups.flatMap(\.items)
    return CycleInventory(
      year: year, landing: landing, groups: groups,
      attention: attention(items, year: year, latestYear: latestYear, seriesByKey: seriesByKey),
      balance: balance(of: items.flatMap(\.facilitators)))
  }

  private func item(
    for document: ParsedDocument, kind: KindSpec, year: Int, seriesByKey: [SeriesKey: Series]
  ) -> InventoryItem {
    let key = SeriesKey(document, schema: schema)
    let facilitators = (document["facilitators"]?.list ?? []).compactMap { $0.string.flatMap { index.people[$0] } }
    var outputs: [ParsedDocument] = []
    var earlier: ParsedDocument?
    var later: ParsedDocument?
    if let key, let series = seriesByKey[key] {
      let outputKinds = schema.seriesType(key.field)?.finalOutput?.kinds ?? []
      if !outputKinds.contains(kind.id) {
        outputs =
          series.cycles.first { $0.year == year }?.documents.filter { outputKinds.contains($0.kind ?? "") } ?? []
      }
      earlier = series.cycles.last { $0.year < year }?.documents.first
      later = series.cycles.first { $0.year > year }?.documents.first
    }
    return InventoryItem(
      document: document, kind: kind, series: key, facilitators: facilitators, outputs: outputs,
      continuesFrom: earlier, continuedIn: later, warnings: warnings[document.file] ?? [],
      balance: balance(of: facilitators), modalities: schema.applicability(of: document))
  }

  private func attention(
    _ items: [InventoryItem], year: Int, latestYear: Int, seriesByKey: [SeriesKey: Series]
  ) -> [AttentionItem] {
    var found: [AttentionItem] = []
    let active = items.filter { !policy.closedStatuses.contains($0.document.status ?? "") }
    // One entry per series expected to produce a final output: its first active document of
    // the cycle, unless the series has a final output that cycle.
    var seenOutputs = Set<SeriesKey>()
    for item in active {
      guard let key = item.series, let rule = schema.seriesType(key.field)?.finalOutput,
        seenOutputs.insert(key).inserted
      else { continue }
      let outputs =
        seriesByKey[key]?.cycles.first { $0.year == year }?.documents.filter { rule.kinds.contains($0.kind ?? "") }
        ?? []
      guard !outputs.contains(where: { rule.statuses.contains($0.status ?? "") }) else { continue }
      let label = schema.seriesType(key.field)?.label ?? key.field
      found.append(
        AttentionItem(
          reason: .noFinalOutput, document: item.document,
          details: outputs.isEmpty ? .noOutput(series: label, year: year) : .onlyDrafts(series: label, outputs: outputs)
        ))
    }
    if year < latestYear {
      var seen = Set<SeriesKey>()
      for item in active {
        guard let key = item.series, schema.seriesType(key.field)?.renewedEachCycle == true, seen.insert(key).inserted,
          !(seriesByKey[key]?.cycles.contains { $0.year > year } ?? false)
        else { continue }
        found.append(AttentionItem(reason: .notRenewed, document: item.document, details: .notInLaterCycle))
      }
    }
    for item in items where policy.pendingStatuses.contains(item.document.status ?? "") {
      found.append(
        AttentionItem(reason: .pending, document: item.document, details: .status(item.document.status ?? "")))
    }
    for item in items where !item.warnings.isEmpty {
      found.append(
        AttentionItem(reason: .warnings, document: item.document, details: .warnings(item.warnings.map(\.message))))
    }
    if let request = schema.translations {
      for item in items {
        let has = Set(index.translations(of: item.document.id).compactMap(\.language))
        let missing = request.missing(for: item.document, has: has)
        guard !missing.isEmpty else { continue }
        found.append(
          AttentionItem(reason: .missingTranslations, document: item.document, details: .missingTranslations(missing)))
      }
    }
    return found
  }

  func balance(of people: [Person]) -> StakeholderBalance {
    var seen = Set<String>()
    var counts: [String: Int] = [:]
    for person in people where seen.insert(person.id).inserted {
      counts[person.stakeholderGroup ?? "Not stated", default: 0] += 1
    }
    var ordered: [(group: String, count: Int)] = (schema.vocabularies["stakeholder_group"] ?? []).map {
      ($0, counts[$0] ?? 0)
    }
    if let unknown = counts["Not stated"] { ordered.append(("Not stated", unknown)) }
    return StakeholderBalance(counts: ordered)
  }
}
