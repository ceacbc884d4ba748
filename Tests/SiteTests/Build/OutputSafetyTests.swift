import Foundation
import SiteBuild
import SiteModel
import SiteWrite
import TestSupport
import Testing

@Suite struct OutputSafetyTests {
  @Test func failingBuildLeavesThePreviousOutputUntouched() throws {
    let site = try FixtureSite(["content/2018/report.md": Documents.report()])
    let first = site.build()
    #expect(first.wrote, "\(first.diagnostics)")
    let before = try site.outputSnapshot()
    #expect(before["index.html"] != nil)
    #expect(before.keys.allSatisfy { !$0.hasPrefix(".igfsite") }, "the published folder holds the site only")

    try site.write(
      Documents.report(title: "Changed").replacingOccurrences(of: "kind: report", with: "kind: reprot"),
      to: "content/2018/report.md")
    let second = site.build()
    #expect(!second.wrote)
    #expect(second.diagnostics.contains { $0.rule.rawValue == "front-matter.kind" })
    #expect(try site.outputSnapshot() == before)
    let parent = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
    #expect(!parent.contains { $0.contains("igfsite-staging") }, "staging folder left behind: \(parent)")
  }

  @Test func successfulBuildReplacesTheOutputAndKeepsPlaceholders() throws {
    let site = try FixtureSite(["content/2018/report.md": Documents.report(), "output/.gitkeep": ""])
    #expect(site.build().wrote)
    #expect(site.exists("output/.gitkeep"))
    try site.write(Documents.report(title: "Second title"), to: "content/2018/report.md")
    #expect(site.build().wrote)
    #expect(try site.read("output/2018/report/index.html").contains("Second title"))
    #expect(site.exists("output/.gitkeep"))
  }

  @Test func refusesAFolderItDidNotCreate() throws {
    let site = try FixtureSite(["content/2018/report.md": Documents.report(), "output/notes.txt": "mine"])
    let report = site.build()
    #expect(!report.wrote)
    #expect(report.diagnostics.first?.rule == OutputGuard.rule)
    #expect(try site.read("output/notes.txt") == "mine")
  }

  @Test func aCopyOfItsOutputMadeElsewhereIsKnownByTheFilesOnlyIgfsiteWrites() throws {
    let site = try FixtureSite(["content/2018/report.md": Documents.report()])
    #expect(site.build().wrote)
    // A fresh clone of a repository that commits its output has no .igfsite/.
    try FileManager.default.removeItem(at: site.root.appendingPathComponent(".igfsite"))
    #expect(site.build().wrote)
    // Without those files and without a record, a folder is not igfsite's.
    try FileManager.default.removeItem(at: site.root.appendingPathComponent(".igfsite"))
    try FileManager.default.removeItem(at: site.output.appendingPathComponent("schema"))
    let report = site.build()
    #expect(!report.wrote)
    #expect(report.diagnostics.first?.message.contains(".igfsite/outputs does not list it") == true)
  }

  @Test func aRecordWithoutNamesFromAnEarlierIgfsiteIsHonoured() throws {
    let site = try FixtureSite(["content/2018/report.md": Documents.report(), "output/old.html": "old"])
    try site.write(site.output.resolvingSymlinksInPath().path + "\n", to: ".igfsite/outputs")
    #expect(site.build().wrote)
    #expect(!site.exists("output/old.html"))
  }

  @Test func aFolderMadeAnewWhereTheOutputWasIsNotIgfsites() throws {
    let site = try FixtureSite(["content/2018/report.md": Documents.report()])
    #expect(site.build().wrote)
    // The output removed, and another project put at the same path.
    try FileManager.default.removeItem(at: site.output)
    try site.write("someone else's", to: "output/notes.txt")
    let report = site.build()
    #expect(!report.wrote)
    #expect(report.diagnostics.first?.rule == OutputGuard.rule)
    #expect(try site.read("output/notes.txt") == "someone else's")
  }

  @Test func filesPutIntoTheOutputByHandAreNeverDeleted() throws {
    let site = try FixtureSite(["content/2018/report.md": Documents.report()])
    #expect(site.build().wrote)
    try site.write("igf.example.org", to: "output/CNAME")
    let report = site.build()
    #expect(!report.wrote)
    #expect(
      report.diagnostics.first?.message.hasPrefix("the output folder holds files igfsite did not put there (CNAME)")
        == true)
    #expect(try site.read("output/CNAME") == "igf.example.org")
  }

  @Test func anOutputMadeByAnOlderIgfsiteIsStillReplacedAndLosesItsMarker() throws {
    let site = try FixtureSite([
      "content/2018/report.md": Documents.report(), "output/.igfsite-output": "old marker",
      "output/.igfsite-cache": "old cache",
      "output/index.html": "old",
    ])
    #expect(site.build().wrote)
    #expect(!site.exists("output/.igfsite-output") && !site.exists("output/.igfsite-cache"))
  }

  @Test func nothingOfADraftIsPublished() throws {
    let site = try FixtureSite([
      "content/2018/report.md": Documents.report(),
      "content/2018/reports/secret-plan.md": """
      ---
      kind: report
      title: The Zanzibar Plan
      cycle: 2018
      draft: true
      authors: unknown
      themes: [Quietude]
      ---
      The plan mentions the word xylophonically.
      """,
    ])
    #expect(site.build().wrote)
    for (path, bytes) in try site.outputSnapshot() {
      let text = String(decoding: bytes, as: UTF8.self)
      for secret in ["secret-plan", "Zanzibar", "xylophonically", "Quietude"] {
        #expect(!text.contains(secret), "\(path) names the draft (\(secret))")
      }
    }
    #expect(site.build(drafts: true).wrote)
    #expect(try site.read("output/2018/reports/secret-plan/index.html").contains("Zanzibar"))
  }

  @Test(arguments: ["", "content", "templates", "content/2018"])
  func refusesTheSiteAndItsFolders(_ relative: String) throws {
    let site = try FixtureSite(["content/2018/report.md": Documents.report()])
    let target = relative.isEmpty ? site.root : site.root.appendingPathComponent(relative)
    let report = SiteBuilder.build(site.options(output: target))
    #expect(!report.wrote)
    #expect(report.diagnostics.first?.rule == OutputGuard.rule)
    #expect(site.exists("content/2018/report.md"))
  }

  @Test func refusesTheRootAndHomeFolders() {
    let layout = SiteLayout(root: URL(fileURLWithPath: "/tmp/nowhere"))
    #expect(OutputGuard.check(output: URL(fileURLWithPath: "/"), layout: layout, displayPath: "/") != nil)
    let home = FileManager.default.homeDirectoryForCurrentUser
    #expect(OutputGuard.check(output: home, layout: layout, displayPath: "~") != nil)
  }
}
