import SiteContent
import SiteModel
import SiteSupport

/// Reads a rule's parameters from its schema mapping, reporting a missing or mistyped one at
/// its line in `modalities.yml`.
struct RuleParameters {
  let config: RuleConfig
  let ruleID: RuleID
  var diagnostics: [Diagnostic] = []
  private var known: Set<String> = ["severity", "from", "until", "source"]

  init(_ config: RuleConfig, kind: KindSpec) {
    self.config = config
    self.ruleID = .kind(kind.id, config.name)
  }

  private mutating func problem(_ message: String, at location: SourceLocation, help: String? = nil) {
    diagnostics.append(Diagnostic(.error, SchemaLoader.rule, "rule \(ruleID): \(message)", at: location, help: help))
  }

  mutating func string(_ name: String, default fallback: String? = nil) -> String {
    known.insert(name)
    if let value = config.parameters[name]?.string { return value }
    if let fallback { return fallback }
    problem("needs \"\(name)\"", at: config.location, help: "add \"\(name): …\" under the rule")
    return ""
  }

  mutating func optionalString(_ name: String) -> String? {
    known.insert(name)
    return config.parameters[name]?.string
  }

  mutating func int(_ name: String) -> Int {
    known.insert(name)
    if let value = config.parameters[name]?.int, value >= 0 { return value }
    problem("needs \"\(name)\" as a whole number", at: config.parameters[name]?.location ?? config.location)
    return 0
  }

  mutating func bool(_ name: String) -> Bool {
    known.insert(name)
    guard let node = config.parameters[name] else { return false }
    if let value = node.bool { return value }
    problem("\"\(name)\" must be true or false", at: node.location)
    return false
  }

  mutating func strings(_ name: String) -> [String] {
    known.insert(name)
    return config.parameters[name]?.strings ?? []
  }

  /// `{min: 2, max: 3}`, a single number, or nothing.
  mutating func range(_ name: String) -> ClosedRange<Int> {
    known.insert(name)
    guard let node = config.parameters[name] else {
      problem("needs \"\(name)\" as {min: N, max: M}", at: config.location)
      return 0...Int.max
    }
    if let exact = node.int { return exact...exact }
    guard let minimum = node["min"]?.int, let maximum = node["max"]?.int, minimum <= maximum else {
      problem("\"\(name)\" must be {min: N, max: M} with N ≤ M", at: node.location)
      return 0...Int.max
    }
    return minimum...maximum
  }

  /// Reports parameters no reader asked for: a misspelt one would otherwise do nothing.
  mutating func finish() -> [Diagnostic] {
    for entry in config.parameters.entries ?? [] where !known.contains(entry.key) {
      var message = "unknown parameter \"\(entry.key)\""
      if let suggestion = Suggestion.didYouMean(entry.key, in: known) { message += "; \(suggestion)" }
      problem(
        message, at: entry.keyLocation,
        help: "the parameters of this rule are \(known.sorted().joined(separator: ", "))")
    }
    return diagnostics
  }
}
