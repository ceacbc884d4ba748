import SiteModel

/// Whether the modalities applied to a document, and if not, why: pages and inventories
/// never say "Conforms" of a document no modality was ever meant for.
public enum ModalitiesApplicability: Sendable, Hashable {
  case applies
  case notApplicable(NotApplicable)
}

/// Why the modalities did not apply to a document, for each language's pages to say.
public enum NotApplicable: Sendable, Hashable {
  /// `modalities: none`.
  case publishedAsSubmitted
  /// The kind (by its label) has no template or rules in any cycle.
  case noTemplate(kind: String)
  /// The document's cycle is before the first the modalities apply to.
  case beforeModalities(from: Int)
  /// The kind has modalities, but none for the document's cycle.
  case notInCycle(kind: String, cycle: Int?)

  /// The reason in English, as the data files give it.
  public var reason: String {
    switch self {
    case .publishedAsSubmitted: "published as submitted (modalities: none)"
    case .noTemplate(let kind): "the modalities set no template or rules for this kind of document (\(kind))"
    case .beforeModalities(let first): "before the modalities were agreed (they apply from \(first))"
    case .notInCycle(let kind, let cycle):
      "no modalities apply to this kind of document (\(kind)) in \(cycle.map(String.init) ?? "its cycle")"
    }
  }
}

extension ModalitiesSchema {
  public func applicability(of document: ParsedDocument) -> ModalitiesApplicability {
    if document.isPublishedAsWritten { return .notApplicable(.publishedAsSubmitted) }
    guard let kind = document.kind.flatMap(kind) else { return .applies }
    guard let first = kind.firstModalitiesCycle else { return .notApplicable(.noTemplate(kind: kind.label)) }
    if kind.hasModalities(in: document.cycle) { return .applies }
    if let cycle = document.cycle, cycle < first { return .notApplicable(.beforeModalities(from: first)) }
    return .notApplicable(.notInCycle(kind: kind.label, cycle: document.cycle))
  }
}

extension ModalitiesApplicability {
  /// `applies`, or `not applicable: …` with the reason, for the CSV inventory.
  public var summary: String {
    switch self {
    case .applies: "applies"
    case .notApplicable(let why): "not applicable: \(why.reason)"
    }
  }
}
