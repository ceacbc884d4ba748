import SiteModel

/// A rule of the modalities, such as "a BPF proposal has 2 to 3 MAG co-facilitators".
///
/// The schema names the rule, sets its severity and parameters; the code here knows what
/// the rule means. Each rule lives in its own file with its messages.
protocol ModalitiesRule: Sendable {
  /// The name the schema uses (`co-facilitators`).
  static var name: String { get }
  /// What the rule checks, for `igfsite check --rules` and the README.
  static var summary: String { get }
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
  var groupingField: String? { nil }
  var dateReferenceField: String? { nil }
}

/// Where a rule puts its findings: the rule's id and severity come from the schema.
struct RuleReport {
  let ruleID: String
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
  let ruleID: String
  let severity: Severity
  let cycles: CycleRange
}

enum RuleRegistry {
  static let all: [any ModalitiesRule.Type] = [
    CoFacilitatorsRule.self, ProposalLengthRule.self, SubmissionDeadlineRule.self, ContinuationReportRule.self,
    RenewalRule.self, MeetingRecordRule.self,
  ]

  /// The configured rules of a kind, reporting unknown rule names and bad parameters.
  static func configure(_ kind: KindSpec, diagnostics: inout [Diagnostic]) -> [ConfiguredRule] {
    var configured: [ConfiguredRule] = []
    for config in kind.rules {
      guard let ruleType = all.first(where: { $0.name == config.name }) else {
        let names = all.map { $0.name }
        var message = "unknown rule \"\(config.name)\" in kind \(kind.id)"
        if let suggestion = Suggestion.didYouMean(config.name, in: names) { message += "; \(suggestion)" }
        diagnostics.append(
          Diagnostic(
            .error, SchemaLoader.rule, message, at: config.location,
            help: "the rules are \(names.joined(separator: ", "))"))
        continue
      }
      var parameters = RuleParameters(config, kind: kind)
      let rule = ruleType.init(parameters: &parameters)
      let problems = parameters.finish()
      diagnostics += problems
      if !problems.hasErrors {
        configured.append(
          ConfiguredRule(rule: rule, ruleID: parameters.ruleID, severity: config.severity, cycles: config.cycles))
      }
    }
    return configured
  }
}
