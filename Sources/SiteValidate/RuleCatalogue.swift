import SiteContent
import SiteModel
import SiteSupport

/// One check `igfsite check` runs, as `igfsite check --rules` lists it: its id, how
/// serious, for which cycles and kind, what it checks and the modality it comes from.
public struct RuleDescription: Sendable, Hashable {
  public var id: RuleID
  public var severity: Severity
  public var cycles: CycleRange
  public var summary: String
  /// Where the modality is written (`Annex II`), as the schema's `source:` gives it.
  public var source: String?
}

extension ModalitiesSchema {
  /// Every check of the schema: the field checks every document gets, then each kind's
  /// sections and rules in schema order, with the cycles they apply to.
  public var ruleDescriptions: [RuleDescription] {
    let general: [(String, String)] = [
      ("missing-field", "a field the kind requires is there and not empty"),
      ("type", "each field has the type the schema gives it (text, date, person, reference …)"),
      ("vocabulary", "fields with a vocabulary take one of its values"),
      ("unknown-field", "no field the kind does not declare"),
      ("references", "document ids in fields and .md links in the text name published documents and their #anchors"),
    ]
    var rules = general.map { name, summary in
      RuleDescription(
        id: name == "references" ? .references : .kind("front-matter", name), severity: severity(of: name),
        cycles: .always,
        summary: summary, source: nil)
    }
    for kind in kinds {
      for template in kind.sectionTemplates {
        let titles = template.sections.filter { !$0.optional }.map(\.title).joined(separator: "; ")
        rules.append(
          RuleDescription(
            id: .kind(kind.id, "sections"), severity: severity(of: "sections"), cycles: template.cycles,
            summary: "the body has the sections \(titles)", source: template.source))
        rules.append(
          RuleDescription(
            id: .kind(kind.id, "section-order"), severity: severity(of: "section-order"), cycles: template.cycles,
            summary: "the sections come in the template's order", source: template.source))
      }
      for config in kind.rules {
        let summary = RuleRegistry.all.first { $0.name == config.name }?.summary ?? config.name
        rules.append(
          RuleDescription(
            id: .kind(kind.id, config.name), severity: config.severity, cycles: config.cycles, summary: summary,
            source: config.parameters["source"]?.scalarText))
      }
    }
    // The checks of translations (`proposal.fr.md`), whatever the kind.
    let translations: [(RuleID, Severity, String)] = [
      (.translationLanguage, .error, "a file named like a translation is in one of the site's other languages"),
      (.translationNoDocument, .error, "a translation's document is there"),
      (.translationFact, .error, "a translation gives no fact of its own and contradicts none of its document's"),
      (.translationOutOfDate, .warning, "a translation names the version of its document it follows (source_version)"),
    ]
    rules += translations.map { RuleDescription(id: $0.0, severity: $0.1, cycles: .always, summary: $0.2, source: nil) }
    return rules
  }
}

extension RuleDescription {
  /// An array of `{id, severity, from, until, summary, source}`, in the listing's order.
  public static func json(_ rules: [RuleDescription]) -> String {
    JSONValue.array(
      rules.map { rule in
        .object([
          ("id", .string(rule.id.rawValue)), ("severity", .string(rule.severity.rawValue)),
          ("from", rule.cycles.from.map { .int($0) } ?? .null), ("until", rule.cycles.until.map { .int($0) } ?? .null),
          ("summary", .string(rule.summary)), ("source", .optional(rule.source)),
        ])
      }
    ).serialized()
  }
}
