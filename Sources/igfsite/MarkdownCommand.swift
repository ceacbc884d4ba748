import ArgumentParser
import Foundation
import SiteContent
import SiteMarkdown
import SiteModel

struct MarkdownCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "markdown",
    abstract: "Print the HTML igfsite renders for one Markdown file's body.",
    discussion: """
      The output equals that of `cmark-gfm -e table -e strikethrough -e autolink -e tagfilter \
      -e tasklist -e footnotes` (add --unsafe to both to keep raw HTML), so the two can be \
      compared. Front matter, when the file has it, is left out. --anchors renders as the \
      site's pages do: heading ids, and no tables on a body with a line of more than 256 \
      "|" (a warning says so).
      """)

  @Argument(help: ArgumentHelp("The Markdown file.", valueName: "file"))
  var file: String

  @Flag(name: .long, help: "Keep raw HTML, as the site option unsafe_html: true does.")
  var unsafe = false

  @Flag(name: .long, help: "Give headings the id attributes the site's pages use.")
  var anchors = false

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      Output.error("\(file): error: the file cannot be read\n")
      throw ExitStatus.failure
    }
    let text = SourceText.decode(data).text
    let body = FrontMatterSplitter.body(of: text)
    var options = MarkdownOptions.cmarkCompatible(unsafeHTML: unsafe, extensions: Set(MarkdownExtension.allCases))
    options.headingAnchors = anchors
    if anchors { options.tableColumnLimit = MarkdownOptions().tableColumnLimit }
    let rendered = MarkdownRenderer(options: options).render(body.text, file: file, firstLine: body.firstLine)
    for problem in rendered.problems {
      Output.error("\(file):\(problem.location.line): \(problem.severity): \(problem.message)\n")
    }
    print(rendered.html, terminator: "")
  }
}
