import SiteContent
import SiteLink
import SiteModel
import SiteSupport

/// The machine-readable twins of the cycle inventories: JSON per cycle and for the whole
/// site, described by `schema/inventory.schema.json`. Keys come in a fixed order and the
/// JSON is indented, so two builds' files can be compared with a plain diff.
struct InventoryData {
  let site: LinkedSite
  var cache: RenderCache?
  /// The cache's epoch when the renderer was made.
  var cacheEpoch = 0

  /// The schema every inventory file declares.

  func cycleFile(_ cycle: CycleInventory) -> OutputFile {
    // With a cache, the cycle is written once, as `inventory.json` holds it, and moved one
    // level out here.
    let shared = cache.map { JSONWriter.outdented(siteFragment(cycle, cache: $0), levels: 1) }
    var json = JSONWriter(pretty: true, capacity: (shared?.count ?? 64 * 1024) + 256)
    json.beginObject()
    json.field("$schema", PagePath(PagePlan.inventorySchema).canonicalURL(base: site.config.baseURL))
    json.key("cycle")
    if let shared { json.element(shared) } else { write(cycle, into: &json) }
    json.endObject()
    return OutputFile(path: PagePlan.cycleInventory(cycle.year), contents: .bytes(json.finish()))
  }

  /// A cycle as an element of the site file's `cycles` list.
  private func siteFragment(_ cycle: CycleInventory, cache: RenderCache?) -> [UInt8] {
    let render = {
      var element = JSONWriter(pretty: true, elementAtDepth: 2, capacity: 1024 * 1024)
      write(cycle, into: &element)
      return element.bytes
    }
    return cache?.cycle(cycle.year, since: cacheEpoch, render: render) ?? render()
  }

  /// The site's inventory: its cycles' inventories in parts as their own files have them
  /// (17 MB at 10,000 documents, which a copy put together would hold twice).
  func siteFile() -> OutputFile {
    let fragments = site.cycles.map { siteFragment($0, cache: cache) }
    var json = JSONWriter(pretty: true, capacity: 4096)
    json.beginObject()
    json.field("$schema", PagePath(PagePlan.inventorySchema).canonicalURL(base: site.config.baseURL))
    json.key("site")
    json.beginObject()
    json.field("title", site.config.title)
    json.field("url", site.config.baseURL)
    json.endObject()
    json.key("cycles")
    json.beginArray()
    // A NUL byte (which JSON text never holds raw) marks where each cycle goes.
    for _ in fragments { json.element([0]) }
    json.endArray()
    json.endObject()
    let skeleton = json.finish()
    var parts: [[UInt8]] = []
    var start = 0
    var next = fragments.makeIterator()
    for (offset, byte) in skeleton.enumerated() where byte == 0 {
      parts.append(Array(skeleton[start..<offset]))
      parts.append(next.next() ?? [])
      start = offset + 1
    }
    parts.append(Array(skeleton[start...]))
    return OutputFile(path: PagePlan.siteInventory, contents: .parts(parts))
  }

  func write(_ cycle: CycleInventory, into json: inout JSONWriter) {
    json.beginObject()
    json.key("year")
    json.int(cycle.year)
    json.field("title", cycle.title)
    json.field("url", cycle.pagePath.canonicalURL(base: site.config.baseURL))
    json.key("items")
    json.beginArray()
    for item in cycle.items { write(item, into: &json) }
    json.endArray()
    json.key("attention")
    json.beginArray()
    for entry in cycle.attention {
      json.beginObject()
      json.field("reason", entry.reason.rawValue)
      json.field("id", entry.document.id.rawValue)
      json.field("detail", entry.detail)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }

  func write(_ item: InventoryItem, into json: inout JSONWriter) {
    let document = item.document
    json.beginObject()
    json.field("id", document.id.rawValue)
    json.field("url", document.pagePath.canonicalURL(base: site.config.baseURL))
    json.field("title", document.title)
    json.field("kind", item.kind.id)
    json.key("cycle")
    json.int(document.cycle ?? 0)
    json.field("status", document.status)
    json.key("series")
    if let series = item.series {
      json.beginObject()
      json.field("type", series.field)
      json.field("id", series.id)
      json.field("name", site.series(series)?.title ?? SeriesRecord.nameFromID(series.id))
      json.endObject()
    } else {
      json.null()
    }
    json.key("dates")
    json.beginObject()
    for field in site.schema.fields(of: item.kind) {
      guard case .date = field.type, let node = document[field.name] else { continue }
      if let date = node.partialDate {
        json.field(field.name, date.description)
      } else if node.isUnknown {
        json.field(field.name, YAMLNode.unknownWord)
      }
    }
    json.endObject()
    json.key("facilitators")
    json.beginArray()
    for person in item.facilitators {
      json.beginObject()
      json.field("id", person.id)
      json.field("name", person.name)
      json.field("stakeholder_group", person.stakeholderGroup)
      json.field("regional_group", person.regionalGroup)
      json.endObject()
    }
    json.endArray()
    json.strings("themes", document.themes)
    json.key("languages")
    json.beginArray()
    json.beginObject()
    json.field("language", site.config.language)
    json.field("url", document.pagePath.canonicalURL(base: site.config.baseURL))
    json.key("translation")
    json.bool(false)
    json.key("follows_original")
    json.null()
    json.endObject()
    for translation in site.translations(of: document) {
      json.beginObject()
      json.field("language", translation.language)
      json.field("url", translation.pagePath.canonicalURL(base: site.config.baseURL))
      json.key("translation")
      json.bool(true)
      json.key("follows_original")
      // Not known when the translation does not say which version it follows.
      if translation["source_version"] == nil { json.null() } else { json.bool(translation.follows(document)) }
      json.endObject()
    }
    json.endArray()
    json.strings("outputs", item.outputs.map(\.id.rawValue))
    json.strings("references", (site.references[document.id] ?? []).map(\.rawValue))
    json.strings("referenced_by", (site.referencedBy[document.id] ?? []).map(\.rawValue))
    json.field("continues_from", item.continuesFrom?.id.rawValue)
    json.field("continued_in", item.continuedIn?.id.rawValue)
    json.key("example")
    json.bool(document.isExample)
    json.key("modalities")
    json.beginObject()
    json.key("applies")
    switch item.modalities {
    case .applies:
      json.bool(true)
      json.field("reason", nil as String?)
    case .notApplicable(let why):
      json.bool(false)
      json.field("reason", why.reason)
    }
    json.endObject()
    json.key("warnings")
    json.beginArray()
    for warning in item.warnings {
      json.beginObject()
      json.field("rule", warning.rule.rawValue)
      json.key("line")
      json.int(warning.location.line)
      json.field("message", warning.message)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }
}

/// The inventory of a cycle as CSV, one row per item, for spreadsheets.
struct InventoryCSV {
  let site: LinkedSite

  static let header = [
    "id", "url", "title", "kind", "cycle", "status", "date", "facilitators", "stakeholder_groups", "themes",
    "outputs", "references", "warnings", "modalities", "languages",
  ]

  func file(_ cycle: CycleInventory) -> OutputFile {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(cycle.items.count * 300)
    func row(_ cells: [String]) {
      for (index, cell) in cells.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        Self.append(cell, to: &bytes)
      }
      bytes.append(13)
      bytes.append(10)
    }
    row(Self.header)
    for item in cycle.items {
      let document = item.document
      row([
        document.id.rawValue, document.pagePath.canonicalURL(base: site.config.baseURL), document.title, item.kind.id,
        String(document.cycle ?? 0), document.status ?? "",
        document.date?.description ?? (document["date"]?.isUnknown == true ? YAMLNode.unknownWord : ""),
        item.facilitators.map(\.name).joined(separator: "; "),
        item.facilitators.map { $0.stakeholderGroup ?? "" }.joined(separator: "; "),
        document.themes.joined(separator: "; "), item.outputs.map(\.id.rawValue).joined(separator: "; "),
        (site.references[document.id] ?? []).map(\.rawValue).joined(separator: "; "), String(item.warnings.count),
        item.modalities.summary, site.languages(of: document).joined(separator: "; "),
      ])
    }
    return OutputFile(path: PagePlan.cycleInventoryCSV(cycle.year), contents: .bytes(bytes))
  }

  /// Appends one RFC 4180 cell (see `cell`).
  static func append(_ text: String, to bytes: inout [UInt8]) {
    var text = text
    text.withUTF8 { utf8 in
      let formula = utf8.first.map { $0 == 61 || $0 == 43 || $0 == 45 || $0 == 64 || $0 == 9 || $0 == 13 } ?? false
      let quoted = utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
      if quoted { bytes.append(34) }
      if formula { bytes.append(39) }
      // Copied a run at a time: each `"` is doubled, ending the run it closes.
      var start = 0
      for index in utf8.indices where utf8[index] == 34 {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
        bytes.append(34)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
      if quoted { bytes.append(34) }
    }
  }

  /// One RFC 4180 cell. Text a spreadsheet would run as a formula (starting with `=`, `+`,
  /// `-`, `@`, a tab or a carriage return) gets a leading apostrophe.
  static func cell(_ text: String) -> String {
    var bytes: [UInt8] = []
    append(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
