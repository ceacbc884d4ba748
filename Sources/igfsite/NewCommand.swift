import ArgumentParser
import Foundation
import SiteBuild
import SiteModel

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Start a document of a kind, with the fields and sections the modalities require.",
    discussion: """
      PATH is the document's id: its path under content/ without .md, starting with the \
      cycle, such as 2017/bpf/local-content/proposal. The file is never overwritten. Run \
      igfsite check afterwards: it lists what is left to write.
      """)

  @Argument(
    help: ArgumentHelp("The kind, as modalities.yml names it (bpf-proposal, wg-proposal …).", valueName: "kind"))
  var kind: String

  @Argument(
    help: ArgumentHelp("The new document's id, such as 2017/bpf/local-content/proposal.", valueName: "cycle/path"))
  var path: String

  @OptionGroup var siteOption: SiteOption

  @Option(name: .long, help: ArgumentHelp("The document's title.", valueName: "title"))
  var title: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "An existing Markdown or Word (.docx, through pandoc) file to bring in as the body, as it is; its first '# ' heading becomes the title.",
      valueName: "file"))
  var from: String?

  func run() throws {
    let layout = try siteOption.requireLayout()
    do {
      let created = try NewDocument.create(kind: kind, path: path, title: title, from: from, layout: layout)
      print("Created \(created.file)\(created.importedFrom.map { " from \($0), its text kept as it is" } ?? "")")
      if !created.fieldsToFill.isEmpty { print("  fill in: \(created.fieldsToFill.joined(separator: ", "))") }
      if !created.sectionsToWrite.isEmpty { print("  write: \(created.sectionsToWrite.joined(separator: "; "))") }
      if !created.sectionsNotInText.isEmpty {
        print("  the text has no heading for: \(created.sectionsNotInText.joined(separator: "; "))")
        print("  if it was written before or apart from the template, add \"modalities: none\" to publish it as it is")
      }
      print("Then run: igfsite check\(siteOption.suggestion)")
    } catch {
      throw Output.fail(error, layout: layout)
    }
  }
}
