import ArgumentParser
import Foundation
import SiteModel

/// The `igfsite` command: a thin layer over the pipeline modules.
@main
struct Igfsite: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "igfsite",
    abstract: "Builds the IGF outcome inventory site from Markdown, checking every document against the modalities.",
    version: IgfsiteVersion.current,
    subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, MarkdownCommand.self],
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
      FileHandle.standardError.write(Data((message + "\n").utf8))
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
    diagnostics.contains { $0.severity == .error && $0.rule.hasPrefix("output.") } ? failure : contentProblems
  }
}

/// `--site DIR`, which every command takes.
struct SiteOption: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and templates/.", valueName: "dir"))
  var site: String = "."

  var layout: SiteLayout { SiteLayout(sitePath: site) }
}

enum Output {
  static func error(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// The compiler-style report of some diagnostics.
  static func report(_ diagnostics: [Diagnostic], layout: SiteLayout) -> String {
    DiagnosticReport.text(diagnostics) { file, line in layout.sourceLine(displayPath: file, line: line) }
  }
}
