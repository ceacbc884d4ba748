import Foundation
import SiteMarkdown
import TestSupport
import Testing

/// The cmark-gfm spec examples, rendered by the project's wrapper with each example's
/// extensions and raw HTML allowed (as the spec expects), compared byte for byte.
@Suite struct GFMSpecConformanceTests {
  static let specFile = "conformance/gfm-spec-examples.json"

  struct Example: Decodable {
    var file: String
    var example: Int
    var section: String
    var extensions: [String]
    var markdown: String
    var html: String
  }

  @Test(
    "all cmark-gfm spec examples render byte for byte",
    .enabled(
      if: SharedFiles.exists(specFile),
      "\(SharedFiles.url(specFile).path) does not exist, so the GFM conformance suite was not run"))
  func specExamples() throws {
    let data = try Data(contentsOf: SharedFiles.url(Self.specFile))
    let examples = try JSONDecoder().decode([Example].self, from: data)
    #expect(examples.count == 715)
    var failures: [String] = []
    for example in examples {
      let extensions = Set(example.extensions.compactMap(MarkdownExtension.init(rawValue:)))
      #expect(extensions.count == example.extensions.count, "unknown extension in example \(example.example)")
      let renderer = MarkdownRenderer(options: .cmarkCompatible(unsafeHTML: true, extensions: extensions))
      let html = renderer.html(example.markdown)
      if html != example.html {
        failures.append(
          "\(example.file) example \(example.example) (\(example.section)):\n expected \(example.html.debugDescription)\n got      \(html.debugDescription)"
        )
      }
    }
    print(
      "GFM conformance: \(examples.count - failures.count) of \(examples.count) examples pass (\(SharedFiles.url(Self.specFile).path))"
    )
    #expect(failures.isEmpty, "\(failures.count) examples differ:\n\(failures.prefix(20).joined(separator: "\n"))")
  }
}
