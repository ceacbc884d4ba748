import ArgumentParser
import Foundation
import SiteBuild

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Start a new site in a new or empty folder: settings, the IGF modalities, a first cycle.",
    discussion: """
      Writes content/site.yml, content/modalities.yml (the modalities of the sample site), \
      content/people.yml and content/series.yml with commented examples, content/YEAR/_cycle.md \
      and a .gitignore. The site uses igfsite's built-in theme; igfsite theme export writes it \
      out for a site that wants its own. Refuses a folder that is not empty.
      """)

  @Argument(help: ArgumentHelp("The folder of the new site.", valueName: "dir"))
  var folder: String

  @Option(name: .long, help: "The site's title.")
  var title = "IGF outcome inventory"

  @Option(
    name: .customLong("base-url"), help: ArgumentHelp("The address the site will be published at.", valueName: "url"))
  var baseURL = "https://www.example.org/igf/"

  @Option(name: .long, help: "The site's language (BCP 47).")
  var language = "en"

  @Option(name: .long, help: "Who publishes the site.")
  var publisher = "IGF Secretariat"

  @Option(name: .long, help: "The first IGF cycle (year); by default this year.")
  var cycle = Calendar(identifier: .gregorian).component(.year, from: Date())

  func validate() throws {
    guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
      throw ValidationError("--base-url must be an absolute http(s) URL, such as https://www.example.org/igf/")
    }
    guard (1000...9999).contains(cycle) else { throw ValidationError("--cycle must be a year, such as 2026") }
  }

  func run() throws {
    let url = URL(fileURLWithPath: folder, isDirectory: true)
    do {
      let settings = NewSite.Settings(
        title: title, baseURL: baseURL, language: language, publisher: publisher, cycle: cycle)
      let written = try NewSite.create(in: url, settings: settings)
      print("Created a site in \(folder): \(written.filter { $0.hasPrefix("content/") }.joined(separator: ", "))")
      print("Next:")
      print("  cd \(folder)")
      print("  igfsite new bpf-proposal \(cycle)/bpf/NAME/proposal --title \"BPF on …\"")
      print("  igfsite serve")
    } catch {
      throw Output.fail(error, layout: .init(sitePath: folder))
    }
  }
}
