/// Prints diagnostics the way compilers do, or as JSON for tools.
public enum DiagnosticReport {
  /// `path:line:column: severity: message [rule]`, the source line with a caret under the
  /// column, and the help line; grouped by file in order, with a final count.
  ///
  /// - Parameter sourceLine: the text of a line of a file, when it can be read.
  public static func text(
    _ diagnostics: [Diagnostic], sourceLine: (_ file: String, _ line: Int) -> String?
  ) -> String {
    var output = ""
    var previousFile: String?
    for diagnostic in diagnostics.sorted() {
      let location = diagnostic.location
      if let previousFile, previousFile != location.file { output.append("\n") }
      previousFile = location.file
      output.append("\(location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]\n")
      if location.line > 0, let line = sourceLine(location.file, location.line) {
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        output.append(" \(number) | \(line)\n")
        if location.column > 0 {
          let prefix = line.unicodeScalars.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " }
          output.append(" \(gutter) | \(prefix.joined())^\n")
        }
      }
      if let help = diagnostic.help {
        output.append("   = help: \(help)\n")
      }
    }
    output.append(summary(diagnostics))
    output.append("\n")
    return output
  }

  /// `2 errors and 1 warning in 2 files`, or `no problems`.
  public static func summary(_ diagnostics: [Diagnostic]) -> String {
    guard !diagnostics.isEmpty else { return "no problems" }
    let files = Set(diagnostics.map(\.location.file)).count
    return "\(counted(diagnostics.errorCount, "error")) and "
      + "\(counted(diagnostics.warningCount, "warning")) in \(counted(files, "file"))"
  }

  public static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// An array of `{file, line, column, severity, rule, message, help}`, sorted like the
  /// text form.
  public static func json(_ diagnostics: [Diagnostic]) -> String {
    JSONValue.array(
      diagnostics.sorted().map { diagnostic in
        .object([
          ("file", .string(diagnostic.location.file)),
          ("line", .int(diagnostic.location.line)),
          ("column", .int(diagnostic.location.column)),
          ("severity", .string(diagnostic.severity.rawValue)),
          ("rule", .string(diagnostic.rule)),
          ("message", .string(diagnostic.message)),
          ("help", .optional(diagnostic.help)),
        ])
      }
    ).serialized()
  }
}
