/// How serious a problem is: errors fail the build, warnings are shown and published.
public enum Severity: String, Sendable, Hashable, Comparable, Codable, CaseIterable {
  case warning
  case error

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .warning && rhs == .error
  }
}

/// Every problem igfsite reports, from a YAML syntax error to a modalities rule, is one of
/// these: where it is, how serious, which rule, what is wrong and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, Codable {
  public var location: SourceLocation
  public var severity: Severity
  /// A stable, dotted rule id such as `front-matter.yaml` or `bpf-proposal.sections`.
  public var rule: RuleID
  public var message: String
  /// One sentence on how to fix it, shown under the source line.
  public var help: String?

  public init(
    _ severity: Severity, _ rule: RuleID, _ message: String, at location: SourceLocation,
    help: String? = nil
  ) {
    self.location = location
    self.severity = severity
    self.rule = rule
    self.message = message
    self.help = help
  }

  /// By place only: Swift's sort is stable, so problems at one place keep the order the
  /// checks found them in (a kind's missing sections in template order).
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    lhs.location < rhs.location
  }
}

extension Array where Element == Diagnostic {
  public var errorCount: Int { count(where: { $0.severity == .error }) }
  public var warningCount: Int { count(where: { $0.severity == .warning }) }
  public var hasErrors: Bool { contains(where: { $0.severity == .error }) }
}

/// A failure that stops a command before any content problem can be listed, such as an
/// unreadable site folder, carried as diagnostics so it prints like every other problem.
public struct DiagnosticsError: Error, Sendable {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public init(_ diagnostic: Diagnostic) {
    self.diagnostics = [diagnostic]
  }
}
