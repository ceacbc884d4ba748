import Mustache
import SiteContent
import SiteLink
import SiteModel

/// The "About this document" panel: each front-matter field of the kind, labelled as the
/// schema says and shown by its type (dates as dates, people and documents as links).
struct MetadataRows {
  let context: PageContext
  /// The interface of the page's language: its dates and "not known".
  var strings: InterfaceStrings? = nil
  /// Whether the page is in another language than the site's vocabulary: the stakeholder
  /// groups are then named in the UN's terms in it.
  var namesGroups = false
  /// Fields shown elsewhere on the page, or not at all.
  static let shownElsewhere: Set<String> = [
    "kind", "title", "cycle", "status", "date", "themes", "draft", "example", "summary", "related", "participants",
    "recommendations",
  ]
  /// The fields of a value item, always present (see `TemplateObject.markAbsent`).
  static let valueKeys = ["value", "url", "external", "iso", "when", "note"]

  func rows(for document: ParsedDocument) -> [TemplateValue] {
    guard let kind = context.site.kind(of: document) else { return [] }
    var rows: [TemplateValue] = []
    for field in context.site.schema.fields(of: kind) where !Self.shownElsewhere.contains(field.name) {
      guard let node = document[field.name] else { continue }
      let items: [TemplateValue]
      if field.name == kind.seriesField, let series = context.site.series(of: document) {
        var item: TemplateObject = [
          "value": .text(series.title), "url": .text(context.local(series.key.pagePath).rawValue),
        ]
        item.markAbsent(Self.valueKeys)
        items = [.object(item)]
      } else {
        items = values(node, type: field.type).map { item in
          var item = item
          // A vocabulary's value in the schema's words for the page's language.
          if field.vocabulary != nil, case .text(let value)? = item["value"] {
            item["value"] = .text(context.word(value).text)
          }
          item.markAbsent(Self.valueKeys)
          return .object(item)
        }
      }
      guard !items.isEmpty else { continue }
      var row: TemplateObject = ["items": .list(items)]
      row.set("field", marked: context.word(field.label))
      rows.append(.object(row))
    }
    return rows
  }

  /// Display items for a value: `{value, url?, external?, iso?, when?, note?}`, where `iso`
  /// marks a value that is a date and `when` adds a date to another value.
  func values(_ node: YAMLNode, type: FieldType) -> [TemplateObject] {
    if node.isUnknown, type.isStructured { return [["value": .text(strings?["not_known"] ?? Format.unknownDate)]] }
    switch type {
    case .date:
      guard let date = node.partialDate else { return [] }
      return [["value": .text(strings?.date(date) ?? date.longForm), "iso": .text(date.description)]]
    case .url:
      guard let url = node.string, url.hasPrefix("https://") || url.hasPrefix("http://") else { return [] }
      return [["value": .text(url), "url": .text(url), "external": true]]
    case .reference:
      guard let id = node.string else { return [] }
      if let target = context.site.index[DocumentID(id)] {
        // In its translation, where the page's language has one.
        let link = context.documentLink(target)
        return [
          ["value": link["title"] ?? .text(target.title), "url": link["url"] ?? .text(target.publishedPath.rawValue)]
        ]
      }
      return [["value": .text(id)]]
    case .person:
      guard let id = node.string else { return [] }
      guard let person = context.site.index.people[id] else { return [["value": .text(id)]] }
      var item: TemplateObject = ["value": .text(person.name), "url": context.personLink(person)["url"] ?? false]
      item.set("note", text: person.stakeholderGroup.map { namesGroups ? strings?.group($0) ?? $0 : $0 })
      return [item]
    case .list(let element):
      return (node.list ?? []).flatMap { values($0, type: element.type) }
    case .object(let fields):
      return objectValue(node, fields: fields)
    case .string, .text, .integer, .boolean:
      return node.scalarText.map { [["value": .text($0)]] } ?? []
    }
  }

  /// An object with an `id` reference (such as the next meeting) reads as one link; any
  /// other object as `label: value` parts.
  private func objectValue(_ node: YAMLNode, fields: [FieldSpec]) -> [TemplateObject] {
    if let idField = fields.first(where: { if case .reference = $0.type { return true } else { return false } }) {
      let id = node[idField.name]?.string
      var item: TemplateObject = [:]
      let target = id.flatMap { context.site.index[DocumentID($0)] }
      // In its translation, where the page's language has one.
      let link = target.map(context.documentLink)
      var title: String?
      if case .text(let linked)? = link?["title"] { title = linked }
      item.set("value", text: node["title"]?.scalarText ?? title ?? id)
      if let link { item["url"] = link["url"] }
      if let date = node["date"]?.partialDate { item["when"] = .object(Format.date(date, in: strings)) }
      return item.fields.isEmpty ? [] : [item]
    }
    return fields.compactMap { field in
      guard let value = node[field.name] else { return nil }
      let parts = values(value, type: field.type)
      guard var first = parts.first, let value = first["value"], case .text(let string) = value else { return nil }
      first["value"] = .text("\(context.word(field.label).text): \(string)")
      return first
    }
  }
}

extension FieldType {
  /// Types whose values are not free text, where `unknown` can only mean "not known".
  var isStructured: Bool {
    switch self {
    case .string, .text: false
    default: true
    }
  }
}
