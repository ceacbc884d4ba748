import ArgumentParser
import Foundation
import SiteBuild
import SiteMarkdown
import SiteModel

/// The `igfsite` command: a thin layer over the pipeline modules.
@main
struct Igfsite: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "igfsite",
    abstract: "Builds the IGF outcome inventory site from Markdown, checking every document against the modalities.",
    version: "igfsite \(IgfsiteVersion.current) (cmark-gfm \(MarkdownRenderer.cmarkVersion))",
    subcommands: [
      InitCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ThemeCommand.self,
      MarkdownCommand.self,
    ],
    defaultSubcommand: nil)

  /// Runs the command, mapping failures to igfsite's exit statuses: 0 success, 1 content
  /// problems, 2 usage, 3 I/O or internal failure.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let status as ExitStatus {
      Foundation.exit(status.code)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        print(message)
        Foundation.exit(0)
      }
      Terminal.write(message + "\n", to: .standardError)
      Foundation.exit(code == .validationFailure ? ExitStatus.usage.code : code.rawValue)
    }
  }
}

/// igfsite's exit statuses.
struct ExitStatus: Error {
  let code: Int32

  static let success = ExitStatus(code: 0)
  static let contentProblems = ExitStatus(code: 1)
  static let usage = ExitStatus(code: 2)
  static let failure = ExitStatus(code: 3)

  /// 3 when a problem is with the file system (the output could not be written), else 1.
  static func forProblems(_ diagnostics: [Diagnostic]) -> ExitStatus {
    diagnostics.contains { $0.severity == .error && [RuleID.outputUnsafe, .outputWrite].contains($0.rule) }
      ? failure : contentProblems
  }
}

/// `--site DIR`, which every command takes; without it, the site holding the current
/// folder (the first of it and its parents with `content/site.yml`).
struct SiteOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The site folder, holding content/ (and templates/ for a theme of its own); by default the one holding the current folder.",
      valueName: "dir"))
  var site: String?

  var layout: SiteLayout {
    if let site { return SiteLayout(sitePath: site) }
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    return SiteLayout.enclosing(here) ?? SiteLayout(sitePath: ".")
  }

  /// The site, or a usage error when there is none here and no `--site` was given.
  func requireLayout() throws -> SiteLayout {
    if site == nil,
      SiteLayout.enclosing(URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) == nil
    {
      throw ValidationError(
        "no site here: neither this folder nor any above it has content/site.yml; pass --site DIR, or start a site with igfsite init DIR"
      )
    }
    return layout
  }

  /// The `--site` to repeat in suggested commands.
  var suggestion: String { site.map { " --site \($0)" } ?? "" }
}

enum Output {
  static func error(_ text: String) {
    Terminal.write(text, to: .standardError)
  }

  /// Prints why `new` or `init` could not write, and returns the exit status to throw.
  static func fail(_ failure: NewDocument.Failure, layout: SiteLayout) -> ExitStatus {
    switch failure {
    case .usage(let message):
      error("error: \(message)\n")
      return .usage
    case .problems(let diagnostics):
      error(report(diagnostics, layout: layout))
      return .forProblems(diagnostics)
    }
  }

  /// The compiler-style report of some diagnostics.
  static func report(_ diagnostics: [Diagnostic], layout: SiteLayout) -> String {
    DiagnosticReport.text(diagnostics) { file, line in layout.sourceLine(displayPath: file, line: line) }
  }
}
