import SiteLink
import SiteModel
import SiteValidate

/// The machine-readable twins of the cycle inventories: JSON per cycle and for the whole
/// site, described by `schema/inventory.schema.json`. Keys come in a fixed order so that two
/// builds' files can be compared with a plain diff.
struct InventoryData {
  let site: LinkedSite

  /// The schema every inventory file declares.
  static let schemaPath = "schema/inventory.schema.json"

  func cycleFile(_ cycle: CycleInventory) -> OutputFile {
    let value = JSONValue.object([
      ("$schema", .string(PagePath(Self.schemaPath).canonicalURL(base: site.config.baseURL))),
      ("cycle", cycleObject(cycle)),
    ])
    return OutputFile(path: "\(cycle.year)/inventory.json", contents: .bytes(value.serializedBytes()))
  }

  func siteFile() -> OutputFile {
    let value = JSONValue.object([
      ("$schema", .string(PagePath(Self.schemaPath).canonicalURL(base: site.config.baseURL))),
      ("site", .object([("title", .string(site.config.title)), ("url", .string(site.config.baseURL))])),
      ("cycles", .array(site.cycles.map(cycleObject))),
    ])
    return OutputFile(path: "inventory.json", contents: .bytes(value.serializedBytes()))
  }

  func cycleObject(_ cycle: CycleInventory) -> JSONValue {
    .object([
      ("year", .int(cycle.year)),
      ("title", .string(cycle.title)),
      ("url", .string(cycle.pagePath.canonicalURL(base: site.config.baseURL))),
      ("items", .array(cycle.items.map(item))),
      (
        "attention",
        .array(
          cycle.attention.map { entry in
            .object([
              ("reason", .string(entry.reason.rawValue)), ("id", .string(entry.document.id.rawValue)),
              ("detail", .string(entry.detail)),
            ])
          })
      ),
    ])
  }

  func item(_ item: InventoryItem) -> JSONValue {
    let document = item.document
    let base = site.config.baseURL
    return .object([
      ("id", .string(document.id.rawValue)),
      ("url", .string(document.id.pagePath.canonicalURL(base: base))),
      ("title", .string(document.title)),
      ("kind", .string(item.kind.id)),
      ("cycle", .int(document.cycle ?? 0)),
      ("status", .optional(document.status)),
      ("series", item.series.map { .object([("type", .string($0.field)), ("id", .string($0.id))]) } ?? .null),
      ("dates", dates(of: document)),
      ("facilitators", .array(item.facilitators.map(person))),
      ("themes", .array(document.themes.map(JSONValue.string))),
      ("outputs", .array(item.outputs.map { .string($0.id.rawValue) })),
      ("references", .array((site.references[document.id] ?? []).map { .string($0.rawValue) })),
      ("referenced_by", .array((site.referencedBy[document.id] ?? []).map { .string($0.rawValue) })),
      ("continues_from", .optional(item.continuesFrom?.id.rawValue)),
      ("continued_in", .optional(item.continuedIn?.id.rawValue)),
      ("example", .bool(document.isExample)),
      (
        "warnings",
        .array(
          item.warnings.map { warning in
            .object([
              ("rule", .string(warning.rule)), ("line", .int(warning.location.line)), ("message", .string(warning.message)),
            ])
          })
      ),
    ])
  }

  /// Every date-typed field of the document, in schema order.
  func dates(of document: ParsedDocument) -> JSONValue {
    guard let kind = site.kind(of: document) else { return .object([]) }
    var members: [(String, JSONValue)] = []
    for field in site.schema.fields(of: kind) {
      guard case .date = field.type, let date = document[field.name]?.date else { continue }
      members.append((field.name, .string(date.description)))
    }
    return .object(members)
  }

  func person(_ person: Person) -> JSONValue {
    .object([
      ("id", .string(person.id)),
      ("name", .string(person.name)),
      ("stakeholder_group", .optional(person.stakeholderGroup)),
      ("regional_group", .optional(person.regionalGroup)),
    ])
  }
}

/// The inventory of a cycle as CSV, one row per item, for spreadsheets.
struct InventoryCSV {
  let site: LinkedSite

  static let header = [
    "id", "url", "title", "kind", "cycle", "status", "date", "facilitators", "stakeholder_groups", "themes",
    "outputs", "references", "warnings",
  ]

  func file(_ cycle: CycleInventory) -> OutputFile {
    var lines = [Self.header.map(Self.cell).joined(separator: ",")]
    for item in cycle.items {
      let document = item.document
      let row = [
        document.id.rawValue, document.id.pagePath.canonicalURL(base: site.config.baseURL), document.title, item.kind.id,
        String(document.cycle ?? 0), document.status ?? "", document.date?.description ?? "",
        item.facilitators.map(\.name).joined(separator: "; "),
        item.facilitators.map { $0.stakeholderGroup ?? "" }.joined(separator: "; "),
        document.themes.joined(separator: "; "), item.outputs.map(\.id.rawValue).joined(separator: "; "),
        (site.references[document.id] ?? []).map(\.rawValue).joined(separator: "; "), String(item.warnings.count),
      ]
      lines.append(row.map(Self.cell).joined(separator: ","))
    }
    return OutputFile(path: "\(cycle.year)/inventory.csv", contents: .text(lines.joined(separator: "\r\n") + "\r\n"))
  }

  /// One RFC 4180 cell. Text a spreadsheet would run as a formula (starting with `=`, `+`,
  /// `-`, `@`, a tab or a carriage return) gets a leading apostrophe.
  static func cell(_ text: String) -> String {
    var value = text
    if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      value = "'" + value
    }
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
