import SiteContent
import SiteModel
import SiteSupport

/// Every rule the schema can name, and the configuring of a kind's rules: a new rule is
/// a file in this folder and a line here.
enum RuleRegistry {
  static let all: [any ModalitiesRule.Type] = [
    CoFacilitatorsRule.self, ProposalLengthRule.self, SubmissionDeadlineRule.self, ContinuationReportRule.self,
    RenewalRule.self, MeetingRecordRule.self,
  ]

  /// The kinds with a rule that reads the body's word count, whose documents' words the
  /// parse stage must count.
  static func kindsCountingWords(_ schema: ModalitiesSchema) -> Set<String> {
    let names = Set(all.filter { $0.readsWordCount }.map { $0.name })
    return Set(schema.kinds.filter { kind in kind.rules.contains { names.contains($0.name) } }.map(\.id))
  }

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
