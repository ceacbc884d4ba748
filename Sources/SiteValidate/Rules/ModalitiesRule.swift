import SiteContent
import SiteModel

/// A rule of the modalities, such as "a BPF proposal has 2 to 3 MAG co-facilitators".
///
/// The schema names the rule, sets its severity and parameters; the code here knows what
/// the rule means. Each rule lives in its own file with its messages.
protocol ModalitiesRule: Sendable {
  /// The name the schema uses (`co-facilitators`).
  static var name: String { get }
  /// What the rule checks, as `igfsite check --rules` lists it.
  static var summary: String { get }
  /// Whether the rule reads the body's word count, which is counted only for the kinds
  /// that have such a rule.
  static var readsWordCount: Bool { get }
  /// Reads the parameters; problems with them go to `parameters.diagnostics`.
  init(parameters: inout RuleParameters)
  /// Adds the problems `document` has to `report`.
  func check(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport)
  /// The front-matter field whose value groups the documents the rule compares a document
  /// with (continuation reports look for their BPF's report): the preview re-checks a
  /// group's documents when one of them changes.
  var groupingField: String? { get }
  /// The front-matter object field (`next: {date:, id:}`) whose `date` finds another
  /// document of the same kind by its date, and whose `id` names it.
  var dateReferenceField: String? { get }
}

extension ModalitiesRule {
  static var readsWordCount: Bool { false }
  var groupingField: String? { nil }
  var dateReferenceField: String? { nil }
}

/// Where a rule puts its findings: the rule's id and severity come from the schema.
struct RuleReport {
  let ruleID: RuleID
  let severity: Severity
  var diagnostics: [Diagnostic] = []

  mutating func add(_ message: String, at location: SourceLocation, help: String? = nil) {
    diagnostics.append(Diagnostic(severity, ruleID, message, at: location, help: help))
  }

  /// What the rule could not confirm because a fact is known only in part: a warning.
  mutating func unconfirmed(_ message: String, at location: SourceLocation, help: String? = nil) {
    diagnostics.append(Diagnostic(.warning, ruleID, message, at: location, help: help))
  }
}

/// A rule with its schema configuration, ready to run.
struct ConfiguredRule: Sendable {
  let rule: any ModalitiesRule
  let ruleID: RuleID
  let severity: Severity
  let cycles: CycleRange
}
