import SiteSupport

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
    var previous: SourceLocation?
    for diagnostic in diagnostics.inReportOrder {
      let location = diagnostic.location
      if let previous, previous.file != location.file { output.append("\n") }
      output.append("\(location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]\n")
      // Problems at the same place share one excerpt.
      if location.line > 0, location != previous, let line = sourceLine(location.file, location.line) {
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let excerpt = Excerpt(line: line, column: location.column)
        output.append(" \(number) | \(excerpt.text)\n")
        if location.column > 0 {
          output.append(" \(gutter) | \(excerpt.caretIndent)^\n")
        }
      }
      previous = location
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
      diagnostics.inReportOrder.map { diagnostic in
        .object([
          ("file", .string(diagnostic.location.file)),
          ("line", .int(diagnostic.location.line)),
          ("column", .int(diagnostic.location.column)),
          ("severity", .string(diagnostic.severity.rawValue)),
          ("rule", .string(diagnostic.rule.rawValue)),
          ("message", .string(diagnostic.message)),
          ("help", .optional(diagnostic.help)),
        ])
      }
    ).serialized()
  }
}

/// A readable part of a source line around a column: long lines (a pasted paragraph) are
/// cut to a window with `…` on the cut sides, so the caret stays on screen.
struct Excerpt {
  static let width = 100
  static let before = 40

  let text: String
  /// Spaces (and the line's own tabs) up to the caret.
  let caretIndent: String

  init(line: String, column: Int) {
    let scalars = Array(line.unicodeScalars)
    let caret = max(0, column - 1)
    var start = 0
    var end = scalars.count
    if scalars.count > Self.width {
      start = min(max(0, caret - Self.before), max(0, scalars.count - Self.width))
      end = min(scalars.count, start + Self.width)
    }
    var text = String(String.UnicodeScalarView(scalars[start..<end]))
    var indent = scalars[start..<min(max(start, caret), end)].map { $0 == "\t" ? "\t" : " " }.joined()
    if start > 0 {
      text = "…" + text
      indent = " " + indent
    }
    if end < scalars.count { text += "…" }
    self.text = text
    caretIndent = indent
  }
}

extension Array where Element == Diagnostic {
  /// By file and position; problems at the same place keep the order they were found in.
  public var inReportOrder: [Diagnostic] { sorted() }
}
