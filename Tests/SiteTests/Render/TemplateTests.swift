import Foundation
import SiteBuild
import SiteModel
import SiteRender
import TestSupport
import Testing

@Suite struct TemplateTests {
  static let validSite: [String: String?] = [
    "content/2018/report.md": Documents.report()
  ]

  @Test func templateSyntaxErrorNamesTheTemplateFileAndLine() throws {
    let site = try FixtureSite(Self.validSite)
    try site.write(
      "{{<layout}}\n{{$content}}\n<h1>{{#person}}{{name}}</h1>\n{{/content}}\n{{/layout}}\n",
      to: "templates/person.mustache")
    let report = site.build()
    #expect(!report.wrote)
    let problem = try #require(report.diagnostics.first { $0.rule == TemplateSet.syntaxRule })
    #expect(problem.location.file.hasSuffix("templates/person.mustache"))
    #expect(problem.location.line >= 3)
    #expect(problem.message.hasPrefix("template syntax error"))
  }

  @Test func missingPartialIsAnErrorAtTheTag() throws {
    let site = try FixtureSite(Self.validSite)
    try site.write(
      "{{<layout}}\n{{$content}}\n{{>partials/sidebar}}\n{{/content}}\n{{/layout}}\n", to: "templates/themes.mustache")
    let problem = try #require(site.build().diagnostics.first { $0.rule == TemplateSet.missingRule })
    #expect(problem.location.file.hasSuffix("templates/themes.mustache"))
    #expect(problem.location.line == 3)
    #expect(problem.location.column == 1)
    #expect(problem.message.contains("missing partial \"partials/sidebar\""))
  }

  @Test func theBuiltInThemeHasEveryPageTemplate() {
    let paths = Set(TemplateSet.builtInFiles.map(\.path))
    for page in PageTemplate.allCases { #expect(paths.contains("\(page.rawValue).mustache")) }
    #expect(paths.contains("layout.mustache"))
  }
}

/// The compiled-in theme and schema are those of `theme/` and the sample's
/// `content/modalities.yml`, byte for byte (`make theme` regenerates them).
@Suite struct BuiltInThemeTests {
  @Test func theBuiltInThemeIsTheThemeFolder() throws {
    let folder = SharedFiles.packageRoot.appendingPathComponent("theme")
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    var onDisk: [String: String] = [:]
    while let url = enumerator?.nextObject() as? URL {
      guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
      onDisk[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] =
        try String(contentsOf: url, encoding: .utf8)
    }
    let builtIn = Dictionary(uniqueKeysWithValues: TemplateSet.builtInFiles.map { ($0.path, $0.text) })
    #expect(Set(builtIn.keys) == Set(onDisk.keys), "run make theme")
    #expect(builtIn.keys.filter { builtIn[$0] != onDisk[$0] }.isEmpty, "run make theme")
  }

  @Test func initGivesTheSampleSchema() throws {
    let sample = try String(
      contentsOf: SharedFiles.packageRoot.appendingPathComponent("content/modalities.yml"), encoding: .utf8)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("igfsite-schema-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try NewSite.create(
      in: folder,
      settings: .init(title: "T", baseURL: "https://example.org/", language: "en", publisher: "P", cycle: 2026))
    #expect(
      try String(contentsOf: folder.appendingPathComponent("content/modalities.yml"), encoding: .utf8) == sample,
      "run make theme")
  }
}
