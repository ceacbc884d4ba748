import Foundation
import SiteModel
import TestSupport
import Testing

/// Every modalities rule against its fixture under `Tests/Fixtures/rules/<rule>/`: the
/// failing documents must produce exactly the diagnostics listed in `fail/expected`, at
/// their file:line:column, and the passing ones none of that rule and no error at all.
@Suite struct RuleFixtureTests {
  static let folder = Fixtures.url("rules")

  static var ruleNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix("_") && !$0.hasSuffix(".md") }.sorted()
  }

  /// A fixture site made of `_base/`, the variant's files and its people.
  static func site(rule: String, variant: String) throws -> FixtureSite {
    var files: [String: String?] = [:]
    for base in [folder.appendingPathComponent("_base"), folder.appendingPathComponent("\(rule)/\(variant)")] {
      for relative in try relativeFiles(in: base) where relative.hasPrefix("content/") {
        files[relative] = try String(contentsOf: base.appendingPathComponent(relative), encoding: .utf8)
      }
    }
    let extraPeople = folder.appendingPathComponent("\(rule)/\(variant)/people-extra.yml")
    if let extra = try? String(contentsOf: extraPeople, encoding: .utf8) {
      files["content/people.yml"] = (FixtureSite.defaultFiles["content/people.yml"] ?? "") + "\n" + extra
    }
    return try FixtureSite(files)
  }

  static func relativeFiles(in folder: URL) throws -> [String] {
    let base = folder.standardizedFileURL.path
    var files: [String] = []
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
        files.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
      }
    }
    return files.sorted()
  }

  static func line(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.location) \(diagnostic.severity.rawValue) \(diagnostic.rule)"
  }

  @Test func everyRuleHasAFixture() {
    let expected: Set<String> = [
      "front-matter.kind", "front-matter.missing-field", "front-matter.type", "front-matter.vocabulary",
      "front-matter.unknown-field", "bpf-proposal.sections", "bpf-proposal.section-order",
      "bpf-proposal.co-facilitators", "bpf-proposal.length", "bpf-proposal.submission-deadline",
      "bpf-proposal.continuation-report", "wg-proposal.co-facilitators", "wg-proposal.renewal",
      "meeting-summary.meeting-record", "references", "translation.fact", "translation.out-of-date",
      "translation.no-document", "translation.language",
    ]
    #expect(expected.isSubset(of: Set(Self.ruleNames)), "missing: \(expected.subtracting(Self.ruleNames))")
  }

  @Test(arguments: ruleNames)
  func failingFixtureTriggersTheRuleWhereExpected(_ rule: String) throws {
    let site = try Self.site(rule: rule, variant: "fail")
    let found = site.check().filter { $0.rule.rawValue == rule }.map(Self.line)
    let expectedFile = Self.folder.appendingPathComponent("\(rule)/fail/expected")
    if ProcessInfo.processInfo.environment["IGFSITE_RECORD"] == "1" {
      try Data((found.joined(separator: "\n") + "\n").utf8).write(to: expectedFile)
    }
    let expected = try String(contentsOf: expectedFile, encoding: .utf8)
      .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    #expect(!expected.isEmpty)
    #expect(found == expected)
  }

  @Test(arguments: ruleNames)
  func passingFixtureIsClean(_ rule: String) throws {
    let site = try Self.site(rule: rule, variant: "pass")
    let diagnostics = site.check()
    #expect(diagnostics.filter { $0.rule.rawValue == rule }.isEmpty, "\(diagnostics.map(Self.line))")
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(Self.line))")
  }
}
