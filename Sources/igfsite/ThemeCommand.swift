import ArgumentParser
import Foundation
import SiteBuild

struct ThemeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "theme",
    abstract: "The built-in theme, which a site's own templates/ overrides file by file.",
    subcommands: [Export.self])

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write the built-in theme out, never over an existing file.",
      discussion: """
        Writes every template, partial and asset of the built-in theme into DIR (by default \
        the site's templates/), skipping the files already there. Keep only the files you \
        change: the others then follow igfsite's own theme as it improves.
        """)

    @OptionGroup var siteOption: SiteOption

    @Argument(help: ArgumentHelp("Where to write the theme (default: the site's templates/).", valueName: "dir"))
    var folder: String?

    func run() throws {
      let layout = folder == nil ? try siteOption.requireLayout() : siteOption.layout
      let target = folder.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? layout.templates
      let shown = folder ?? layout.display("templates")
      do {
        let exported = try SiteTheme.export(to: target)
        print("Wrote \(exported.written.count) theme files to \(shown)")
        if !exported.kept.isEmpty {
          print("  left as they were (already there): \(exported.kept.joined(separator: ", "))")
        }
      } catch {
        Output.error("error: cannot write the theme to \(shown): \(error.localizedDescription)\n")
        throw ExitStatus.failure
      }
    }
  }
}
