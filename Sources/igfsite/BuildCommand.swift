import ArgumentParser
import Foundation
import SiteBuild
import SiteModel
import SiteValidate
import SiteWrite

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Check every document and build the site into the output folder.",
    discussion: """
      The output folder is replaced in one step only when the whole build succeeds: a build \
      with errors, or one that is interrupted, leaves the previous output as it was. When \
      nothing changed since the last build (same files of content/ and templates/, same \
      options, same igfsite) and the output is as that build left it, nothing is done.
      """)

  @OptionGroup var siteOption: SiteOption

  @Option(name: .long, help: ArgumentHelp("Where to write the site (default: output/ of the site).", valueName: "dir"))
  var output: String?

  @Flag(name: .long, help: "Publish documents marked draft: true.")
  var drafts = false

  @Flag(name: .long, help: "Treat warnings as errors.")
  var strict = false

  @Option(
    name: .customLong("base-url"),
    help: ArgumentHelp("The absolute URL the site is published under (replaces base_url).", valueName: "url"))
  var baseURL: String?

  @Option(name: .long, help: ArgumentHelp("Documents to process at once (default: one per core).", valueName: "n"))
  var jobs: Int?

  @Flag(name: .customLong("no-cache"), help: "Build even when nothing changed since the last build.")
  var noCache = false

  func validate() throws {
    if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
      throw ValidationError("--base-url must be an absolute http(s) URL, such as https://www.example.org/igf/")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    let layout = try siteOption.requireLayout()
    let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
    let options = BuildOptions(
      layout: layout, output: outputURL, outputDisplay: output, includeDrafts: drafts, strict: strict, baseURL: baseURL,
      jobs: jobs)
    Interruption.handleSignals()
    let report = SiteBuilder.build(options, useCache: !noCache, endsProcess: true) {
      Output.error("Another build of this site is running; waiting for it to finish…\n")
    }
    if !report.diagnostics.isEmpty { Output.error(Output.report(report.diagnostics, layout: layout)) }
    let overrides = SiteTheme.overrides(layout)
    if !overrides.isEmpty {
      print(
        "Theme: the built-in one, with the site's own \(overrides.map { "templates/" + $0 }.joined(separator: ", "))")
    }
    print(report.summary(output: options.outputDisplay))
    guard report.succeeded else { throw ExitStatus.forProblems(report.diagnostics) }
  }
}

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check every document against the modalities and report every problem at once.",
    discussion: "Exit status: 0 when clean, 1 when there are errors (or warnings with --strict).")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var siteOption: SiteOption

  @Option(name: .long, help: "text (like a compiler) or json.")
  var format: Format = .text

  @Flag(name: .long, help: "Also check documents marked draft: true.")
  var drafts = false

  @Flag(name: .long, help: "Treat warnings as errors.")
  var strict = false

  @Flag(
    name: .long,
    help: "List every check of the site's modalities schema instead: severity, cycles, what it checks, source.")
  var rules = false

  func run() throws {
    let layout = try siteOption.requireLayout()
    if rules { return try listRules(layout) }
    let options = BuildOptions(layout: layout, includeDrafts: drafts, strict: strict)
    let diagnostics = SiteBuilder.check(options, endsProcess: true)
    switch format {
    case .json: print(DiagnosticReport.json(diagnostics), terminator: "")
    case .text: print(Output.report(diagnostics, layout: layout), terminator: "")
    }
    if options.fails(diagnostics) { throw ExitStatus.forProblems(diagnostics) }
  }
}

extension CheckCommand {
  /// `igfsite check --rules`: one line per check, in columns, or JSON.
  func listRules(_ layout: SiteLayout) throws {
    let rules: [RuleDescription]
    switch SiteBuilder.rules(layout) {
    case .success(let found): rules = found
    case .failure(let error):
      Output.error(Output.report(error.diagnostics, layout: layout))
      throw ExitStatus.forProblems(error.diagnostics)
    }
    switch format {
    case .json:
      print(RuleDescription.json(rules))
    case .text:
      let idWidth = rules.map(\.id.rawValue.count).max() ?? 0
      let cyclesWidth = rules.map(\.cycles.description.count).max() ?? 0
      for rule in rules {
        let id = rule.id.rawValue.padding(toLength: idWidth, withPad: " ", startingAt: 0)
        let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
        let cycles = rule.cycles.description.padding(toLength: cyclesWidth, withPad: " ", startingAt: 0)
        print("\(id)  \(severity)  \(cycles)  \(rule.summary)\(rule.source.map { " — \($0)" } ?? "")")
      }
    }
  }
}
