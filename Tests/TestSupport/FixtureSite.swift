import Foundation
import SiteBuild
import SiteModel

/// A whole small site written to a temporary folder, for tests that build or check it.
///
/// By default it gets the project's own `modalities.yml` (and the built-in theme), a `site.yml`, and
/// a `people.yml` with enough MAG members for the modalities' rules; the files given
/// replace or add to those:
///
///     let site = try FixtureSite(["content/2017/x.md": "---\nkind: report\n…"])
public final class FixtureSite: @unchecked Sendable {
  public let root: URL

  /// The settings a fixture starts with; tests override them by path.
  public static let defaultFiles: [String: String] = [
    "content/site.yml": """
    title: Fixture inventory
    description: A site written by a test.
    base_url: https://example.org/igf/
    language: en
    publisher: Test Secretariat
    """,
    "content/people.yml": """
    ana-gomez:
      name: Ana Gómez
      affiliation: Ministry of Communications
      stakeholder_group: Government
      regional_group: Latin American and Caribbean Group (GRULAC)
      mag: [2016, 2017]
    ben-okafor:
      name: Ben Okafor
      affiliation: Open Network Institute
      stakeholder_group: Civil Society
      regional_group: African Group
      mag: [2017]
    chen-li:
      name: Chen Li
      affiliation: Registry Services
      stakeholder_group: Technical Community
      regional_group: Asia-Pacific Group
      mag: [2017]
    dana-novak:
      name: Dana Novak
      affiliation: Telecom Union
      stakeholder_group: Private Sector
      regional_group: Eastern European Group
      mag: [2016]
    eva-berg:
      name: Eva Berg
      affiliation: University of Example
      stakeholder_group: Civil Society
      regional_group: Western European and Others Group (WEOG)
      mag: []
    """,
    // The series the tests' documents use, named so that only tests about naming see the
    // `series.unnamed` warning.
    "content/series.yml": """
    bpf:
      local-content: {name: BPF on Local Content}
      cybersecurity: {name: BPF on Cybersecurity}
      iot: {name: BPF on IoT}
      iot-2: {name: BPF on IoT (2)}
      access: {name: BPF on Access}
      gender-access: {name: BPF on Gender and Access}
      remote-participation: {name: BPF on Remote Participation}
      cyber-norms: {name: BPF on Cyber Norms}
      x: {name: BPF X}
    wg:
      funding: {name: Working Group on Funding}
      igf-improvements: {name: Working Group on IGF Improvements}
    """,
  ]

  /// Writes the site. `files` maps paths relative to the site folder to their text; a
  /// value of nil removes a default file.
  public init(_ files: [String: String?] = [:], projectSettings: Bool = true) throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("igfsite-fixture-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    if projectSettings {
      try copyFromProject("content/modalities.yml")
    }
    var all: [String: String?] = Self.defaultFiles.mapValues { $0 }
    for (path, text) in files { all[path] = text }
    for (path, text) in all {
      let url = root.appendingPathComponent(path)
      guard let text else {
        try? FileManager.default.removeItem(at: url)
        continue
      }
      try write(text, to: path)
    }
  }

  /// A copy of a fixture folder under `Tests/Fixtures/`.
  public convenience init(fixture name: String) throws {
    try self.init([:], projectSettings: false)
    try FileManager.default.removeItem(at: root)
    try FileManager.default.copyItem(at: Fixtures.url(name), to: root)
  }

  deinit {
    try? FileManager.default.removeItem(at: root)
  }

  public var layout: SiteLayout { SiteLayout(root: root) }

  public var output: URL { root.appendingPathComponent("output", isDirectory: true) }

  public func options(drafts: Bool = false, strict: Bool = false, jobs: Int? = nil, output: URL? = nil) -> BuildOptions
  {
    BuildOptions(layout: layout, output: output, includeDrafts: drafts, strict: strict, jobs: jobs)
  }

  public func write(_ text: String, to path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  public func writeData(_ data: Data, to path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  /// A file of the site (or of its output, with `output/…`), as text.
  public func read(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  public func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
  }

  public func build(drafts: Bool = false, strict: Bool = false, jobs: Int? = nil) -> BuildReport {
    SiteBuilder.build(options(drafts: drafts, strict: strict, jobs: jobs))
  }

  public func check(drafts: Bool = false) -> [Diagnostic] {
    SiteBuilder.check(options(drafts: drafts))
  }

  /// Every file of the output folder with its bytes, for byte-for-byte comparisons.
  public func outputSnapshot(_ folder: URL? = nil) throws -> [String: Data] {
    let base = (folder ?? output).standardizedFileURL
    var snapshot: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
      snapshot[String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))] = try Data(contentsOf: url)
    }
    return snapshot
  }

  private func copyFromProject(_ path: String) throws {
    let destination = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: SharedFiles.packageRoot.appendingPathComponent(path), to: destination)
  }
}

/// The fixture folders under `Tests/Fixtures/`.
public enum Fixtures {
  public static let folder = SharedFiles.packageRoot.appendingPathComponent("Tests/Fixtures", isDirectory: true)

  public static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

  /// Compares `actual` with the golden file `Tests/Fixtures/golden/<name>`, or writes it when
  /// the environment has `IGFSITE_RECORD=1`. Returns a description of the difference.
  public static func compareGolden(_ actual: String, name: String) throws -> String? {
    let url = folder.appendingPathComponent("golden/\(name)")
    if ProcessInfo.processInfo.environment["IGFSITE_RECORD"] == "1" {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return nil
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      return "golden file \(url.path) is missing; run the tests with IGFSITE_RECORD=1 to write it"
    }
    guard expected != actual else { return nil }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let left = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
      let right = index < actualLines.count ? String(actualLines[index]) : "<end>"
      if left != right {
        return
          "\(name) differs at line \(index + 1):\n expected: \(left)\n actual:   \(right)\n(re-record with IGFSITE_RECORD=1 after checking the change)"
      }
    }
    return "\(name) differs"
  }
}
