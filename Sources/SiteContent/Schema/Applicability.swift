import SiteModel

/// Whether the modalities applied to a document, and if not, why: pages and inventories
/// never say "Conforms" of a document no modality was ever meant for.
public enum ModalitiesApplicability: Sendable, Hashable {
  case applies
  case notApplicable(reason: String)
}

extension ModalitiesSchema {
  public func applicability(of document: ParsedDocument) -> ModalitiesApplicability {
    if document.isPublishedAsWritten { return .notApplicable(reason: "published as submitted (modalities: none)") }
    guard let kind = document.kind.flatMap(kind) else { return .applies }
    guard let first = kind.firstModalitiesCycle else {
      return .notApplicable(reason: "the modalities set no template or rules for this kind of document (\(kind.label))")
    }
    if kind.hasModalities(in: document.cycle) { return .applies }
    if let cycle = document.cycle, cycle < first {
      return .notApplicable(reason: "before the modalities were agreed (they apply from \(first))")
    }
    return .notApplicable(
      reason:
        "no modalities apply to this kind of document (\(kind.label)) in \(document.cycle.map(String.init) ?? "its cycle")"
    )
  }
}

extension ModalitiesApplicability {
  /// `applies`, or `not applicable: …` with the reason, for the CSV inventory.
  public var summary: String {
    switch self {
    case .applies: "applies"
    case .notApplicable(let reason): "not applicable: \(reason)"
    }
  }
}
