import Foundation
import SiteModel
import SiteRender
import Testing
import TestSupport

@Suite struct TemplateTests {
  static let validSite: [String: String?] = [
    "content/2018/report.md": Documents.report()
  ]

  @Test func templateSyntaxErrorNamesTheTemplateFileAndLine() throws {
    let site = try FixtureSite(Self.validSite)
    try site.write("{{<layout}}\n{{$content}}\n<h1>{{#person}}{{name}}</h1>\n{{/content}}\n{{/layout}}\n", to: "templates/person.mustache")
    let report = site.build()
    #expect(!report.wrote)
    let problem = try #require(report.diagnostics.first { $0.rule == TemplateSet.syntaxRule })
    #expect(problem.location.file.hasSuffix("templates/person.mustache"))
    #expect(problem.location.line >= 3)
    #expect(problem.message.hasPrefix("template syntax error"))
  }

  @Test func missingPartialIsAnErrorAtTheTag() throws {
    let site = try FixtureSite(Self.validSite)
    try site.write("{{<layout}}\n{{$content}}\n{{>partials/sidebar}}\n{{/content}}\n{{/layout}}\n", to: "templates/themes.mustache")
    let problem = try #require(site.build().diagnostics.first { $0.rule == TemplateSet.missingRule })
    #expect(problem.location.file.hasSuffix("templates/themes.mustache"))
    #expect(problem.location.line == 3)
    #expect(problem.location.column == 1)
    #expect(problem.message.contains("missing partial \"partials/sidebar\""))
  }

  @Test func missingPageTemplateIsAnError() throws {
    let site = try FixtureSite(Self.validSite)
    try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates/series.mustache"))
    let problem = try #require(site.build().diagnostics.first { $0.rule == TemplateSet.missingRule })
    #expect(problem.message == "the page template series.mustache is missing")
  }

  @Test func missingTemplatesFolderIsAnError() throws {
    let site = try FixtureSite(Self.validSite)
    try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates"))
    let problem = try #require(site.build().diagnostics.first)
    #expect(problem.message == "the templates folder is missing")
  }
}
