import Foundation
import SiteBuild
import SiteModel
import TestSupport
import Testing

/// igfsite as others use it outside this repository: a site of only `content/` on the
/// built-in theme, overrides file by file, `init`, `theme export`, versions, and finding
/// the site from any folder in it.
@Suite(.enabled(if: CommandRunner.executable != nil, "the igfsite executable was not built"))
struct InstallableToolTests {
  /// The sample site's `content/`, copied.
  static func sample() throws -> FixtureSite {
    let site = try FixtureSite([:], projectSettings: false)
    try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
    try FileManager.default.copyItem(
      at: SharedFiles.packageRoot.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
    return site
  }

  @Test func aSiteOfOnlyContentBuildsAsWithTheWholeThemeCopiedIn() throws {
    let site = try Self.sample()
    #expect(!site.exists("templates"))
    let builtIn = site.root.appendingPathComponent("out-built-in")
    #expect(SiteBuilder.build(site.options(output: builtIn)).wrote)
    try FileManager.default.copyItem(
      at: SharedFiles.packageRoot.appendingPathComponent("theme"), to: site.root.appendingPathComponent("templates"))
    let copied = site.root.appendingPathComponent("out-copied")
    #expect(SiteBuilder.build(site.options(output: copied)).wrote)
    let (first, second) = (try site.outputSnapshot(builtIn), try site.outputSnapshot(copied))
    #expect(first.count > 100)
    #expect(Set(first.keys) == Set(second.keys))
    #expect(first.keys.filter { first[$0] != second[$0] }.isEmpty)
  }

  @Test func aOneFileOverrideChangesOnlyWhatItShouldAndTheBuildSaysSo() throws {
    let site = try Self.sample()
    let before = site.root.appendingPathComponent("out-before")
    #expect(SiteBuilder.build(site.options(output: before)).wrote)
    let themes = try #require(SiteTheme.builtInText("themes.mustache"))
    try site.write(
      themes.replacingOccurrences(of: "<h1>", with: "<h1 class=\"ours\">"), to: "templates/themes.mustache")
    let result = try CommandRunner.run(["build", "--output", "out-after"], in: site.root)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.hasPrefix("Theme: the built-in one, with the site's own templates/themes.mustache\n"))
    let (old, new) = (
      try site.outputSnapshot(before), try site.outputSnapshot(site.root.appendingPathComponent("out-after"))
    )
    // The themes page, in each language the sample has translations into.
    #expect(
      old.keys.filter { old[$0] != new[$0] }.sorted() == [
        "ar/themes/index.html", "fr/themes/index.html", "themes/index.html", "zh/themes/index.html",
      ])
    #expect(try site.read("out-after/themes/index.html").contains("<h1 class=\"ours\">"))
  }

  @Test func initMakesASiteThatChecksCleanAndBuilds() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("igfsite-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(["init", folder.path, "--title", "NRI outcomes", "--cycle", "2026"])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Next:\n  cd \(folder.path)\n  igfsite new bpf-proposal 2026/bpf/NAME/proposal"))
    #expect(result.output.hasSuffix("  igfsite serve\n"))
    for path in [
      "content/site.yml", "content/modalities.yml", "content/people.yml", "content/series.yml",
      "content/2026/_cycle.md", ".gitignore",
    ] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(path)")
    }
    #expect(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8).contains("/.igfsite/"))
    let check = try CommandRunner.run(["check"], in: folder)
    #expect(check.status == 0 && check.output == "no problems\n", "\(check.output)")
    let build = try CommandRunner.run(["build"], in: folder)
    #expect(build.status == 0, "\(build.error)")
    #expect(
      try String(contentsOf: folder.appendingPathComponent("output/index.html"), encoding: .utf8).contains(
        "NRI outcomes"))
  }

  @Test func initRefusesAFolderThatIsNotEmpty() throws {
    let site = try FixtureSite(["notes.txt": "mine"], projectSettings: false)
    let result = try CommandRunner.run(["init", site.root.path])
    #expect(result.status == 2)
    #expect(result.error.contains("is not empty; igfsite init starts a site in a new or empty folder only"))
    #expect(try site.read("notes.txt") == "mine")
    #expect(!site.exists("content/modalities.yml"))
  }

  @Test func themeExportNeverOverwrites() throws {
    let site = try Self.sample()
    try site.write("<footer>ours</footer>\n", to: "templates/partials/footer.mustache")
    let result = try CommandRunner.run(["theme", "export"], in: site.root)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("left as they were (already there): partials/footer.mustache"))
    #expect(try site.read("templates/partials/footer.mustache") == "<footer>ours</footer>\n")
    #expect(try site.read("templates/layout.mustache") == SiteTheme.builtInText("layout.mustache"))
    let again = try CommandRunner.run(["theme", "export"], in: site.root)
    #expect(again.output.hasPrefix("Wrote 0 theme files"))
  }

  @Test func theVersionNamesCmarkGFM() throws {
    let result = try CommandRunner.run(["--version"])
    #expect(result.output.hasPrefix("igfsite \(IgfsiteVersion.current) (cmark-gfm 0."), "\(result.output)")
  }

  @Test func aSiteNeedingALaterIgfsiteSaysSoInsteadOfFailingOnItsNewFields() throws {
    let site = try FixtureSite([
      "content/site.yml":
        "title: Later\nbase_url: https://example.org/\nrequires_igfsite: \"99.1\"\nlanguages: [en, fr]\n",
      "content/2018/r.md": Documents.report(),
    ])
    let problems = site.check().filter { $0.location.file.hasSuffix("site.yml") }
    #expect(
      problems.map(\.message) == ["this site needs igfsite 99.1 or later; this is igfsite \(IgfsiteVersion.current)"])
  }

  @Test func aVersionWrittenAsANumberIsRefused() throws {
    let site = try FixtureSite([
      "content/site.yml": "title: T\nbase_url: https://example.org/\nrequires_igfsite: 0.10\n",
      "content/2018/r.md": Documents.report(),
    ])
    let problem = try #require(site.check().first { $0.location.file.hasSuffix("site.yml") })
    #expect(problem.message == "requires_igfsite must be a version in quotes, such as \"0.1\"")
    #expect(problem.help?.contains("0.10 is 0.1") == true)
  }

  @Test func commandsFindTheSiteFromAnyFolderInIt() throws {
    let site = try FixtureSite(["content/2018/r.md": Documents.report(extra: "colour: blue")])
    let result = try CommandRunner.run(["check"], in: site.root.appendingPathComponent("content/2018"))
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("../../content/2018/r.md:"), "\(result.output)")
    let outside = try CommandRunner.run(["check"], in: FileManager.default.temporaryDirectory)
    #expect(outside.status == 2)
    #expect(outside.error.contains("no site here"))
  }
}
