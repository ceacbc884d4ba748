import Foundation
import SiteContent
import SiteMarkdown
import SiteModel

/// One fuzzing step over what documents written by many hands go through first: front
/// matter splitting, the YAML reader, the Markdown wrapper and the resolution of links and
/// ids. It traps (so libFuzzer and the tests see a finding) when an invariant breaks:
/// a resolved id that climbs out of `content/`, a script URL left in a link, a
/// diagnostic pointing at a line the file does not have. The invariants are checked with
/// `fatalError`, so they hold in release builds too.
public enum FuzzTarget {
  static let source = DocumentID("2017/bpf/iot/proposal")
  static let renderer = MarkdownRenderer(options: MarkdownOptions(headingAnchors: true))

  public static func run(_ bytes: UnsafeRawBufferPointer) {
    let decoded = SourceText.decode(bytes: Array(bytes))
    let text = decoded.text
    let lines = text.utf8.count(where: { $0 == 10 }) + 1
    switch FrontMatterSplitter.split(text: text, id: source, file: "x.md") {
    case .failure(let problem):
      check(problem.location.line <= lines, "split diagnostic at line \(problem.location.line) of \(lines)")
    case .success(let document):
      let reader = YAMLReader(file: "x.md", firstLine: document.frontMatterStartLine)
      if case .failure(let problem) = reader.parse(document.frontMatter) {
        check(problem.location.line <= lines + 1, "YAML diagnostic at line \(problem.location.line) of \(lines)")
      }
      render(document.body, firstLine: document.bodyStartLine, lines: lines)
    }
  }

  private static func render(_ body: Substring, firstLine: Int, lines: Int) {
    let rendered = renderer.render(
      body, source: source, file: "x.md", firstLine: firstLine,
      rewriteLink: { target, fragment in
        // Only a last component can be `..` (a link to a file named `...md`, which no
        // document id can name): `..` inside an id would climb out of content/.
        let folders = target.rawValue.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        check(!folders.contains("..") && !folders.contains("."), "resolved id \(target) climbs out")
        check(!target.rawValue.hasPrefix("/"), "resolved id \(target) is absolute")
        return "../" + target.rawValue + "/" + (fragment.map { "#" + $0 } ?? "")
      })
    for link in rendered.links {
      check(link.location.line >= firstLine && link.location.line <= lines + 1, "link at line \(link.location.line)")
      if let target = link.target {
        // Links are resolved after percent-decoding, as a browser would ask for the file.
        let path = URLSafety.splitFragment(link.destination).path
        let decoded = path.removingPercentEncoding ?? path
        check(
          DocumentID.resolve(markdownLink: decoded, from: source) == target, "\(link.destination) resolved unstably")
      }
    }
    for heading in rendered.headings {
      check(!heading.anchor.contains("\""), "anchor \(heading.anchor) would break its attribute")
    }
    for url in hrefs(in: rendered.html) {
      check(!URLSafety.isScriptURL(decodeEntities(url)), "script URL \(url) left in the HTML")
    }
  }

  /// The values of `href="…"` and `src="…"` in the HTML.
  public static func hrefs(in html: String) -> [String] {
    var values: [String] = []
    for name in [" href=\"", " src=\""] {
      var rest = html[...]
      while let start = rest.range(of: name) {
        guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
        values.append(String(rest[start.upperBound..<end]))
        rest = rest[end...]
      }
    }
    return values
  }

  /// The entities cmark-gfm writes inside attributes, decoded: the URL a browser follows.
  public static func decodeEntities(_ text: String) -> String {
    text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">")
  }

  static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz finding: \(message())") }
  }
}
