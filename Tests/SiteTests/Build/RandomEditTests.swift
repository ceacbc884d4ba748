import Foundation
import SiteBuild
import SiteFuzz
import SiteModel
import TestSupport
import Testing

/// The preview patches its checked and linked site instead of rebuilding it, so any edit
/// the patching does not foresee would show a stale page. A seeded run of random edits
/// (titles, statuses, themes, people, links, references, series, deletions, YAML errors,
/// warnings, landing texts) compares the session's output with a full build after each.
@Suite(.serialized) struct RandomEditTests {
  @Test(arguments: [2017, 5, 11])
  func randomEditsGiveTheSiteAFullBuildGives(seed: UInt64) async throws {
    try await onOwnThread { try Self.run(seed: seed) }
  }

  static func run(seed: UInt64) throws {
    var corpus = EditableCorpus(seed: seed)
    let site = try FixtureSite(corpus.allFiles())
    let preview = site.root.appendingPathComponent("preview-output")
    let session = SiteSession(options: site.options(drafts: true, output: preview))
    let first = session.buildAll()
    #expect(first.succeeded, "\(first.diagnostics)")
    var compared = 0
    for step in 0..<40 {
      let (description, files) = corpus.randomEdit()
      for (path, text) in files {
        if let text {
          try site.write(text, to: path)
        } else {
          try? FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
        }
      }
      let update = session.update(changed: Set(files.keys))
      let full = site.root.appendingPathComponent("full-output")
      let report = SiteBuilder.build(site.options(drafts: true, output: full))
      // The preview renders through content errors, on which a build stops; whatever the
      // build writes, the preview must write too.
      if report.succeeded {
        #expect(update.succeeded, "step \(step) (\(description)): the build succeeded, the preview did not")
      }
      guard update.succeeded, report.succeeded else { continue }
      compared += 1
      let incremental = try site.outputSnapshot(preview)
      let expected = try site.outputSnapshot(full)
      let differing = Set(incremental.keys).union(expected.keys).filter { incremental[$0] != expected[$0] }.sorted()
      #expect(
        differing.isEmpty,
        "seed \(seed), step \(step) (\(description)): these files differ from a full build: \(differing)")
      if !differing.isEmpty { break }
    }
    #expect(compared >= 20, "only \(compared) of 40 steps built; the generator makes too many errors")
  }
}

/// A small site of BPF reports and outputs and commissioned reports over five cycles,
/// which random edits change one or two documents at a time.
struct EditableCorpus {
  struct Slot {
    var exists = true
    var title: String
    var status: String
    var series: Int
    var themes: [String]
    var people: [String]
    var links: [Int]
    var related: [Int]
    var unknownField = false
    var brokenYAML = false
  }

  static let years = 2014...2018
  static let themeNames = [
    "Local content", "Local Content", "Access", "Cybersecurity", "Gender & inclusion", "Données",
  ]
  static let peopleIDs = ["ana-gomez", "ben-okafor", "chen-li", "dana-novak", "eva-berg"]
  static let statuses = ["draft", "final", "proposed", "withdrawn"]

  var random: SeededRandom
  var slots: [Slot] = []
  var landingTitles: [Int: String] = [:]

  init(seed: UInt64) {
    random = SeededRandom(seed: seed)
    for index in 0..<24 {
      slots.append(
        Slot(
          title: "Document \(index)", status: Self.statuses[index % 2], series: index % 5,
          themes: [Self.themeNames[index % Self.themeNames.count]], people: [Self.peopleIDs[index % 5]], links: [],
          related: []))
    }
    for index in slots.indices where index % 3 == 0 { slots[index].links = [(index + 7) % slots.count] }
    for index in slots.indices where index % 4 == 1 { slots[index].related = [(index + 5) % slots.count] }
    for year in Self.years { landingTitles[year] = "IGF \(year)" }
  }

  func year(_ index: Int) -> Int { Self.years.lowerBound + index % Self.years.count }

  /// bpf-report, bpf-output or report by position.
  func kind(_ index: Int) -> String { ["bpf-report", "bpf-output", "report"][index % 3] }

  func path(_ index: Int) -> String {
    let folder = kind(index) == "report" ? "reports" : "bpf/topic-\(index % 5)"
    return "content/\(year(index))/\(folder)/doc-\(index).md"
  }

  func id(_ index: Int) -> String { String(path(index).dropFirst("content/".count).dropLast(3)) }

  func text(_ index: Int) -> String? {
    let slot = slots[index]
    guard slot.exists else { return nil }
    let year = year(index)
    var lines = [
      "---", "kind: \(kind(index))", "title: \"\(slot.title)\"", "cycle: \(year)", "date: \(year)-06-0\(1 + index % 9)",
      "themes: [\(slot.themes.joined(separator: ", "))]",
    ]
    if kind(index) == "report" {
      lines += [
        "status: final", "authors: [\((slot.people.isEmpty ? ["eva-berg"] : slot.people).joined(separator: ", "))]",
      ]
    } else {
      lines += [
        "status: \(kind(index) == "bpf-output" ? "final" : slot.status)", "bpf: topic-\(slot.series)",
        "facilitators: [\(slot.people.joined(separator: ", "))]", "published: \(year)-07-01",
      ]
    }
    if !slot.related.isEmpty { lines.append("related: [\(slot.related.map(id).joined(separator: ", "))]") }
    if slot.unknownField { lines.append("colour: blue") }
    if slot.brokenYAML { lines.append("title: [unclosed") }
    lines.append("---")
    lines.append(kind(index) == "bpf-output" ? "## Executive summary\n" : "## Work\n")
    lines.append("Text of \(slot.title).")
    let up = String(repeating: "../", count: id(index).split(separator: "/").count - 1)
    for target in slot.links { lines.append("\nSee [document \(target)](\(up)\(id(target)).md).") }
    return lines.joined(separator: "\n") + "\n"
  }

  func landing(_ year: Int) -> String {
    "---\nkind: cycle\ntitle: \(landingTitles[year] ?? "IGF")\ncycle: \(year)\n---\nThe \(year) cycle.\n"
  }

  func allFiles() -> [String: String?] {
    var files: [String: String?] = [:]
    for index in slots.indices { files[path(index)] = text(index) }
    for year in Self.years { files["content/\(year)/_cycle.md"] = landing(year) }
    return files
  }

  /// Changes one or two documents; returns what it did and the files to write (nil removes).
  mutating func randomEdit() -> (String, [String: String?]) {
    var done: [String] = []
    var touched = Set<Int>()
    var files: [String: String?] = [:]
    // A YAML error lasts one step: the preview keeps its last good site meanwhile, and the
    // next success must catch up on everything changed since.
    for index in slots.indices where slots[index].brokenYAML {
      slots[index].brokenYAML = false
      touched.insert(index)
      done.append("fix the YAML of \(index)")
    }
    for _ in 0..<(random.next(6) == 0 ? 2 : 1) {
      if random.next(12) == 0 {
        let year = Self.years.lowerBound + random.next(Self.years.count)
        landingTitles[year] = "IGF \(year) edition \(random.next(100))"
        files["content/\(year)/_cycle.md"] = landing(year)
        done.append("retitle the \(year) landing")
        continue
      }
      let index = random.next(slots.count)
      let existing = slots.indices.filter { slots[$0].exists && $0 != index }
      touched.insert(index)
      switch random.next(11) {
      case 0:
        slots[index].title = "Document \(index) v\(random.next(1000))"
        done.append("retitle \(index)")
      case 1:
        slots[index].status = Self.statuses[random.next(Self.statuses.count)]
        done.append("status of \(index)")
      case 2:
        slots[index].themes = (0..<random.next(3)).map { _ in Self.themeNames[random.next(Self.themeNames.count)] }
        done.append("themes of \(index)")
      case 3:
        slots[index].people = (0..<(1 + random.next(3))).map { _ in Self.peopleIDs[random.next(Self.peopleIDs.count)] }
        done.append("people of \(index)")
      case 4:
        slots[index].links = (0..<random.next(3)).compactMap { _ in
          existing.isEmpty ? nil : existing[random.next(existing.count)]
        }
        done.append("links of \(index)")
      case 5:
        slots[index].related = (0..<random.next(2)).compactMap { _ in
          existing.isEmpty ? nil : existing[random.next(existing.count)]
        }
        done.append("references of \(index)")
      case 6:
        slots[index].series = random.next(7)
        done.append("series of \(index)")
      case 7:
        slots[index].exists.toggle()
        if !slots[index].exists {
          // Keep most steps buildable: nothing may link to a deleted document.
          for other in slots.indices {
            if slots[other].links.contains(index) || slots[other].related.contains(index) {
              slots[other].links.removeAll { $0 == index }
              slots[other].related.removeAll { $0 == index }
              touched.insert(other)
            }
          }
        }
        done.append(slots[index].exists ? "restore \(index)" : "delete \(index)")
      case 8:
        slots[index].brokenYAML = true
        done.append("break the YAML of \(index)")
      case 9:
        slots[index].unknownField.toggle()
        done.append("toggle a warning on \(index)")
      default:
        slots[index].exists = true
        slots[index].brokenYAML = false
        done.append("repair \(index)")
      }
    }
    for index in touched { files[path(index)] = text(index) }
    return (done.joined(separator: ", "), files)
  }
}
