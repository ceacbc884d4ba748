import SiteModel
import Testing

/// Links between documents are written as relative `.md` paths, as a code-hosting site
/// would follow them; the id they name must come out exactly, and paths that climb out of
/// `content/` or are not relative `.md` paths name nothing.
@Suite struct DocumentIDTests {
  @Test(arguments: [
    ("../local-content/proposal.md", "2017/bpf/local-content/proposal"),
    ("./report.md", "2017/bpf/iot/report"),
    ("report.md", "2017/bpf/iot/report"),
    ("../../../2016/bpf/iot/report.md", "2016/bpf/iot/report"),
    ("../../mag/../bpf/./iot/output.md", "2017/bpf/iot/output"),
    ("a//b.md", "2017/bpf/iot/a/b"),
    ("a/.md", "2017/bpf/iot/a/"),
  ])
  func resolvesRelativeLinks(link: String, expected: String) {
    #expect(DocumentID.resolve(markdownLink: link, from: DocumentID("2017/bpf/iot/proposal")) == DocumentID(expected))
  }

  @Test(arguments: ["../../../../x.md", "/2017/x.md", "https://example.org/x.md", "x.txt", ".md", "x.MD", "md"])
  func namesNothingOutsideContentOrNotMarkdown(link: String) {
    #expect(DocumentID.resolve(markdownLink: link, from: DocumentID("2017/bpf/iot/proposal")) == nil)
  }

  @Test func linksFromTheTopAndThroughOddComponents() {
    // From a document at the top of content/, and back to it.
    #expect(DocumentID.resolve(markdownLink: "2017/x.md", from: DocumentID("about")) == DocumentID("2017/x"))
    #expect(DocumentID.resolve(markdownLink: "../about.md", from: DocumentID("2017/x")) == DocumentID("about"))
    #expect(DocumentID.resolve(markdownLink: "../x.md", from: DocumentID("about")) == nil)
    // Three dots are a name, not a step up; an empty component of the source is one too.
    #expect(DocumentID.resolve(markdownLink: ".../x.md", from: DocumentID("2017/y")) == DocumentID("2017/.../x"))
    #expect(DocumentID.resolve(markdownLink: "../x.md", from: DocumentID("2017//y")) == DocumentID("2017/x"))
    #expect(DocumentID.resolve(markdownLink: "../../x.md", from: DocumentID("2017//y")) == DocumentID("x"))
  }

  @Test func namingProblemsAreFoundOnBytesAndExplained() {
    #expect(DocumentID("2017/bpf/iot-2/_cycle").namingProblem == nil)
    #expect(DocumentID("2017/BPF/iot").namingProblem?.contains("\"BPF\"") == true)
    #expect(DocumentID("2017//iot").namingProblem == "it has an empty path component")
    #expect(DocumentID("2017/-iot").namingProblem != nil)
    #expect(DocumentID("2017/café").namingProblem != nil)
  }

  @Test func componentsAndNameAreFoundAtEachSlash() {
    #expect(DocumentID("2017/bpf/iot/proposal").components == ["2017", "bpf", "iot", "proposal"])
    #expect(DocumentID("2017//café/").components == ["2017", "", "café", ""])
    #expect(DocumentID("proposal").components == ["proposal"])
    #expect(DocumentID("2017/bpf/iot/proposal").name == "proposal")
    #expect(DocumentID("2017/réunion").name == "réunion")
    #expect(DocumentID("solo").name == "solo")
  }
}
