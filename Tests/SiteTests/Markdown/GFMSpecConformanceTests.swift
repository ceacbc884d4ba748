import Foundation
import SiteMarkdown
import Synchronization
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

  @Test(
    "the spec examples render the same on four threads at once, whatever extensions each has",
    .enabled(
      if: SharedFiles.exists(specFile),
      "\(SharedFiles.url(specFile).path) does not exist, so the GFM conformance suite was not run"))
  func specExamplesInParallel() throws {
    // cmark-gfm 0.29 keeps the characters inline parsing stops at in one table for the
    // process, which each parser's extensions change as it finishes: without the wrapper's
    // lock, an autolink or a strikethrough is lost now and then in another thread's example.
    // Each thread also parses in an arena of its own (`CMarkdownArena`).
    let data = try Data(contentsOf: SharedFiles.url(Self.specFile))
    let examples = try JSONDecoder().decode([Example].self, from: data)
    let rounds = 4
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 4) { thread in
      for round in 0..<rounds {
        for (position, example) in examples.enumerated() where (position + round + thread) % 2 == 0 {
          let extensions = Set(example.extensions.compactMap(MarkdownExtension.init(rawValue:)))
          let renderer = MarkdownRenderer(options: .cmarkCompatible(unsafeHTML: true, extensions: extensions))
          if renderer.html(example.markdown) != example.html {
            failures.withLock { $0.append("\(example.file) example \(example.example) on thread \(thread)") }
          }
        }
      }
    }
    let found = failures.withLock { $0 }
    #expect(found.isEmpty, "\(found.count) renders differ:\n\(found.prefix(20).joined(separator: "\n"))")
  }
}
