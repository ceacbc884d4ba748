import Foundation
import SiteModel
import TestSupport
import Testing

@testable import SiteBuild

/// A build with nothing changed does nothing, and says so; anything that could change the
/// output (a content or template file, an option, the output itself, another igfsite, a
/// damaged cache) builds in full.
@Suite struct BuildCacheTests {
  static let files: [String: String?] = [
    "content/2018/report.md": Documents.report(),
    // Unknown field: a warning every build must report, cached or not.
    "content/2018/other.md": Documents.report(title: "Other", extra: "colour: blue"),
  ]

  /// The command line's build keeps the site in memory until it exits instead of freeing
  /// it: the same files, the same report, and a cache the next build finds up to date.
  @Test func aBuildThatEndsTheProcessWritesTheSameSite() throws {
    let site = try FixtureSite(Self.files)
    let freeing = site.root.appendingPathComponent("out-freeing")
    let keeping = site.root.appendingPathComponent("out-keeping")
    let first = SiteBuilder.build(site.options(output: freeing))
    let second = SiteBuilder.build(site.options(output: keeping), endsProcess: true)
    #expect(first.wrote && second.wrote)
    #expect(first.diagnostics == second.diagnostics && first.files == second.files)
    #expect(try site.outputSnapshot(freeing) == site.outputSnapshot(keeping))
    #expect(SiteBuilder.build(site.options(output: keeping), endsProcess: true).upToDate)
    #expect(SiteBuilder.check(site.options(), endsProcess: true) == SiteBuilder.check(site.options()))
  }

  @Test func aSecondBuildWithNothingChangedDoesNothingAndRepeatsTheWarnings() throws {
    let site = try FixtureSite(Self.files)
    let first = site.build()
    #expect(first.wrote && !first.upToDate, "\(first.diagnostics)")
    let before = try site.outputSnapshot()
    let second = site.build()
    #expect(second.upToDate && !second.wrote && second.succeeded)
    #expect(second.diagnostics == first.diagnostics && !second.diagnostics.isEmpty)
    #expect((second.documents, second.pages, second.files) == (first.documents, first.pages, first.files))
    #expect(second.summary(output: "output").hasPrefix("Up to date: 2 documents"))
    #expect(try site.outputSnapshot() == before)
  }

  @Test(arguments: [
    "content/2018/report.md", "content/people.yml", "templates/partials/footer.mustache", "templates/assets/style.css",
  ])
  func changingAnInputBuildsAgain(path: String) throws {
    let site = try FixtureSite(Self.files)
    #expect(site.build().wrote)
    // A theme file the site does not have yet is an override of the built-in one.
    try site.write(((try? site.read(path)) ?? "") + "\n", to: path)
    #expect(site.build().wrote)
  }

  @Test func aNewDocumentBuildsAgain() throws {
    let site = try FixtureSite(Self.files)
    #expect(site.build().wrote)
    try site.write(Documents.report(title: "Third"), to: "content/2018/third.md")
    #expect(site.build().wrote)
    #expect(site.exists("output/2018/third/index.html"))
  }

  @Test func otherOptionsBuildAgain() throws {
    let site = try FixtureSite(Self.files)
    #expect(site.build().wrote)
    #expect(site.build(drafts: true).wrote)
    var options = site.options(drafts: true)
    options.baseURL = "https://other.example/igf/"
    #expect(SiteBuilder.build(options).wrote)
    #expect(SiteBuilder.build(options).upToDate)
    #expect(SiteBuilder.build(options, useCache: false).wrote)
  }

  @Test(arguments: ["edit", "same size, old time", "delete", "add", "add to a folder of folders"])
  func anOutputChangedByHandIsRebuilt(change: String) throws {
    // output/2018/reports/ then holds a folder and no file of its own.
    let site = try FixtureSite(
      Self.files.merging(["content/2018/reports/third.md": Documents.report(title: "Third")]) { $1 })
    #expect(site.build().wrote)
    let expected = try site.outputSnapshot()
    let page = site.output.appendingPathComponent("2018/report/index.html")
    switch change {
    case "edit": try site.write("defaced", to: "output/2018/report/index.html")
    case "same size, old time":
      // Same length, modification time put back: only the status-change time tells.
      let modified = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate]
      let text = try site.read("output/2018/report/index.html")
      try site.write(text.replacingOccurrences(of: "<html", with: "<HTML"), to: "output/2018/report/index.html")
      try FileManager.default.setAttributes([.modificationDate: modified as Any], ofItemAtPath: page.path)
    case "delete": try FileManager.default.removeItem(at: page)
    case "add": try site.write("stray", to: "output/2018/stray.html")
    default: try site.write("stray", to: "output/2018/reports/stray.html")
    }
    #expect(site.build().wrote)
    #expect(try site.outputSnapshot() == expected)
  }

  @Test(arguments: ["truncate", "flip", "empty", "garbage"])
  func aDamagedCacheIsIgnored(damage: String) throws {
    let site = try FixtureSite(Self.files)
    #expect(site.build().wrote)
    let path = Self.cachePath(site)
    let text = try site.read(path)
    switch damage {
    case "truncate": try site.write(String(text.prefix(text.count / 2)), to: path)
    case "flip": try site.write(text.replacingOccurrences(of: "documents 2", with: "documents 3"), to: path)
    case "empty": try site.write("", to: path)
    default: try site.writeData(Data([0xFF, 0xFE, 0x00, 0x41]), to: path)
    }
    #expect(site.build().wrote)
    #expect(site.build().upToDate)
  }

  @Test func aCacheFromAnotherIgfsiteIsIgnored() throws {
    let site = try FixtureSite(Self.files)
    #expect(site.build().wrote)
    let file = BuildCache.location(of: site.output, layout: site.layout)
    var cache = try #require(BuildCache.load(from: file))
    cache.inputs[0] = "igfsite 0.0.1 another-executable"
    try site.write(cache.text, to: Self.cachePath(site))
    #expect(BuildCache.load(from: file) == cache, "the forged cache is well-formed")
    #expect(site.build().wrote)
  }

  /// The cache file of the site's output, relative to the site.
  static func cachePath(_ site: FixtureSite) -> String {
    ".igfsite/builds/" + BuildCache.location(of: site.output, layout: site.layout).lastPathComponent
  }

  @Test func theCacheAndTheRecordLiveBesideTheSiteNotInItsOutput() throws {
    let site = try FixtureSite(Self.files)
    #expect(site.build().wrote)
    #expect(try site.outputSnapshot().keys.allSatisfy { !$0.contains(".igfsite") })
    #expect(site.exists(Self.cachePath(site)))
    #expect(try site.read(".igfsite/outputs").contains(site.output.resolvingSymlinksInPath().path))
    #expect(try site.read(".igfsite/.gitignore").contains("*"))
  }

  @Test func buildsAreReproducibleWhateverTheNumberOfJobs() throws {
    let site = try FixtureSite(InventoryFixture.files)
    var snapshots: [[String: Data]] = []
    for (index, jobs) in [1, 2, 5].enumerated() {
      let output = site.root.appendingPathComponent("output-\(index)")
      let report = SiteBuilder.build(site.options(jobs: jobs, output: output))
      #expect(report.wrote, "\(report.diagnostics)")
      snapshots.append(try site.outputSnapshot(output))
    }
    #expect(snapshots[0].count > 40)
    for snapshot in snapshots.dropFirst() {
      let differing = Set(snapshot.keys).union(snapshots[0].keys).filter { snapshot[$0] != snapshots[0][$0] }
      #expect(differing.isEmpty, "files differ between builds: \(differing.sorted())")
    }
  }

  /// A large output is looked at in shares, one per core: a file changed, or a file added
  /// to a folder, is seen in whichever share holds it, the last included.
  @Test(arguments: ["none", "first file", "last file", "file added to the last folder"])
  func aLargeOutputIsCheckedInSharesAndEveryShareCounts(change: String) throws {
    let site = try FixtureSite([:])
    let folder = site.root.appendingPathComponent("large")
    var outputs: [String] = []
    for number in 0..<1_200 {
      let path = "part-\(number / 100)/page-\(number).html"
      try site.write("page \(number)", to: "staging/" + path)
      outputs.append(BuildCache.outputLine(size: "page \(number)".utf8.count, path: path))
    }
    // Put in place as a build swaps its output in: renamed once every file is written.
    try FileManager.default.moveItem(at: site.root.appendingPathComponent("staging"), to: folder)
    var cache = BuildCache(inputs: [], outputs: outputs.sorted(), diagnostics: [], documents: 0, pages: 0)
    cache.folder = BuildCache.identity(of: folder)
    cache.swappedIn = try #require(BuildCache.swapTime(of: folder))
    #expect(BuildCache.shares(of: cache.outputs, count: 4).count == 4)
    BuildCache.waitPast(cache.swappedIn)
    switch change {
    case "first file": try site.write("page 0", to: "large/part-0/page-0.html")
    case "last file": try site.write("page 1199", to: "large/part-11/page-1199.html")
    case "file added to the last folder": try site.write("stray", to: "large/part-11/stray.html")
    default: break
    }
    #expect(cache.outputsUnchanged(in: folder, jobs: 4) == (change == "none"))
  }
}
