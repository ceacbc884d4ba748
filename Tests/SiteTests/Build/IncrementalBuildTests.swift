import Foundation
import SiteBuild
import SiteModel
import TestSupport
import Testing

/// The preview's incremental rebuilds must give exactly the site a full build gives: after
/// every edit below, the session's output folder is compared byte for byte with a fresh
/// build of the same content.
@Suite struct IncrementalBuildTests {
  struct Edit: Sendable, CustomStringConvertible {
    var description: String
    var files: [String: String?]
  }

  static let edits: [Edit] = [
    Edit(
      description: "retitle a proposal",
      files: [
        "content/2017/bpf/cybersecurity/proposal.md": Documents.bpfProposal(
          bpf: "cybersecurity", status: "continuing", facilitators: "[ana-gomez, ben-okafor, eva-berg]",
          extra: "summary: Continue the BPF on Cybersecurity.\nrelated: [2016/bpf/cybersecurity/report]"
        )
        .replacingOccurrences(of: "title: BPF on cybersecurity", with: "title: BPF on Cybersecurity (renamed)")
      ]),
    Edit(
      description: "add a new BPF with new people roles and a new theme",
      files: [
        "content/2017/bpf/access/proposal.md": Documents.bpfProposal(
          bpf: "access", facilitators: "[chen-li, ana-gomez]"
        )
        .replacingOccurrences(of: "themes: [Local content]", with: "themes: [Access, Local content]")
      ]),
    Edit(
      description: "shorten a proposal so it gets a warning",
      files: [
        "content/2017/bpf/access/proposal.md": Documents.bpfProposal(
          bpf: "access", facilitators: "[chen-li, ana-gomez]", words: 200)
      ]),
    Edit(
      description: "a report that links to the new BPF",
      files: [
        "content/2018/reports/roadmap.md": Documents.report(
          title: "A roadmap for 2018", extra: "related: [2017/bpf/access/proposal]",
          body: "## Introduction\n\nSee [access](../../2017/bpf/access/proposal.md).\n")
      ]),
    Edit(
      description: "move an output to another series and change its facilitators",
      files: [
        "content/2017/bpf/cybersecurity/output.md": """
        ---
        kind: bpf-output
        title: "BPF on Cyber norms: draft output"
        cycle: 2017
        bpf: cyber-norms
        status: final
        published: 2017-11-20
        facilitators: [chen-li]
        themes: [Norms]
        ---
        ## Executive summary

        Moved.
        """
      ]),
    Edit(
      description: "withdraw a proposal",
      files: [
        "content/2017/bpf/access/proposal.md": Documents.bpfProposal(
          bpf: "access", status: "withdrawn", facilitators: "[chen-li, ana-gomez]", words: 200)
      ]),
    Edit(description: "delete a document", files: ["content/2017/bpf/local-content/proposal.md": nil]),
    Edit(
      description: "change the cycle's landing text",
      files: [
        "content/2017/_cycle.md": "---\nkind: cycle\ntitle: IGF 2017 in Geneva\ncycle: 2017\n---\nNew text.\n"
      ]),
    Edit(
      description: "change a person in people.yml",
      files: [
        "content/people.yml": (FixtureSite.defaultFiles["content/people.yml"] ?? "")
          .replacingOccurrences(of: "name: Chen Li", with: "name: Chen Li-Wei")
      ]),
    Edit(
      description: "change a template",
      files: [
        "templates/partials/footer.mustache": "<footer class=\"site-footer\"><p>{{site.title}} (changed)</p></footer>\n"
      ]),
    Edit(
      description: "add a new cycle",
      files: ["content/2019/reports/later.md": Documents.report(title: "Later", cycle: 2019)]),
  ]

  /// With `deferringData` (the preview), the data files come from the follow-up, run
  /// after the pages; the site is the same once it is absorbed.
  @Test(arguments: [false, true]) func everyIncrementalRebuildEqualsAFullBuild(deferringData: Bool) throws {
    let site = try FixtureSite(InventoryFixture.files)
    let preview = site.root.appendingPathComponent("preview-output")
    let session = SiteSession(options: site.options(drafts: true, output: preview))
    let first = session.buildAll()
    #expect(first.succeeded, "\(first.diagnostics)")
    for edit in Self.edits {
      for (path, text) in edit.files {
        if let text {
          try site.write(text, to: path)
        } else {
          try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
        }
      }
      let update = session.update(changed: Set(edit.files.keys), deferringData: deferringData)
      #expect(update.succeeded, "\(edit): \(update.diagnostics)")
      if let followUp = update.followUp {
        #expect(deferringData)
        #expect(
          !update.written.contains { $0.hasSuffix("feed.xml") || ($0.hasPrefix("search/") && $0.hasSuffix(".js")) })
        let result = followUp.run()
        #expect(result.diagnostics.isEmpty)
        session.absorb(result)
      }
      let differing = try Self.filesDifferingFromAFullBuild(site, preview: preview)
      #expect(differing.isEmpty, "after \"\(edit)\", these files differ from a full build: \(differing)")
    }
  }

  /// The files of the session's output `preview` that differ from a full build of the site
  /// as it is now (files only one of them has included).
  static func filesDifferingFromAFullBuild(_ site: FixtureSite, preview: URL) throws -> [String] {
    let full = site.root.appendingPathComponent("full-output")
    let report = SiteBuilder.build(site.options(drafts: true, output: full))
    #expect(report.succeeded, "\(report.diagnostics)")
    let incremental = try site.outputSnapshot(preview)
    let expected = try site.outputSnapshot(full)
    return Set(incremental.keys).union(expected.keys).filter { incremental[$0] != expected[$0] }.sorted()
  }

  @Test func anEditRendersOnlyTheAffectedPages() throws {
    var files = InventoryFixture.files
    for index in 0..<30 {
      files["content/2016/bpf/topic-\(index)/report.md"] =
        "---\nkind: bpf-report\ntitle: Topic \(index)\ncycle: 2016\nbpf: topic-\(index)\nstatus: final\n---\n## Work\n\nText.\n"
    }
    let site = try FixtureSite(files)
    let session = SiteSession(options: site.options(drafts: true, output: site.root.appendingPathComponent("preview")))
    let first = session.buildAll()
    try site.write(
      Documents.wgProposal(wg: "funding", facilitators: "[chen-li, ben-okafor]").replacingOccurrences(
        of: "Working group on funding", with: "Funding group"), to: "content/2017/wg/funding.md")
    let update = session.update(changed: ["content/2017/wg/funding.md"])
    #expect(update.succeeded)
    #expect(
      update.pagesRendered < first.pagesRendered / 3,
      "\(update.pagesRendered) of \(first.pagesRendered) pages re-rendered")
    #expect(update.written.contains("2017/wg/funding/index.html"))
    #expect(!update.written.contains("2016/bpf/topic-3/report/index.html"))
  }

  @Test func thePreviewWritesTheDataFilesAfterThePages() throws {
    let site = try FixtureSite(InventoryFixture.files)
    let session = SiteSession(options: site.options(drafts: true, output: site.root.appendingPathComponent("preview")))
    #expect(session.buildAll().followUp == nil, "a full build leaves nothing for later")
    try site.write(
      Documents.wgProposal(wg: "funding", facilitators: "[chen-li, ben-okafor]").replacingOccurrences(
        of: "Working group on funding", with: "Funding caucus"), to: "content/2017/wg/funding.md")
    let update = session.update(changed: ["content/2017/wg/funding.md"], deferringData: true)
    #expect(update.written.contains("2017/wg/funding/index.html"))
    #expect(!update.written.contains { $0.hasPrefix("search/w/") })
    let followUp = try #require(update.followUp)
    let preview = site.root.appendingPathComponent("preview")
    #expect(try SearchIndexReader(output: preview).postings(of: "caucus")[0].isEmpty, "not yet")
    let result = followUp.run()
    session.absorb(result)
    #expect(result.files.contains { $0.hasPrefix("search/w/") } && result.files.contains("2017/feed.xml"))
    #expect(try SearchIndexReader(output: preview).postings(of: "caucus")[0].isEmpty == false)
  }

  /// Edits faster than the follow-ups: the next update does not wait, follow-ups run one
  /// after the other, and an edit undone before its follow-up ran leaves the site right.
  @Test func followUpsRunInTurnWithoutHoldingUprebuilds() throws {
    let site = try FixtureSite(InventoryFixture.files)
    let preview = site.root.appendingPathComponent("preview-output")
    let session = SiteSession(options: site.options(drafts: true, output: preview))
    #expect(session.buildAll().succeeded)
    let path = "content/2017/wg/funding.md"
    let original = try site.read(path)
    try site.write(original.replacingOccurrences(of: "Working group on funding", with: "Funding caucus"), to: path)
    let first = try #require(session.update(changed: [path], deferringData: true).followUp)
    try site.write(original, to: path)
    let second = try #require(session.update(changed: [path], deferringData: true).followUp)
    let before = first.run()
    let after = second.run(after: before)
    session.absorb(after)
    let differing = try Self.filesDifferingFromAFullBuild(site, preview: preview)
    #expect(differing.isEmpty, "\(differing)")
    #expect(try SearchIndexReader(output: preview).postings(of: "caucus")[0].isEmpty)
  }

  /// A long inventory's kind pages follow edits, additions and removals as a full build would.
  @Test func kindPagesOfALongInventoryFollowEdits() throws {
    var files = InventoryFixture.files
    for number in 0..<155 {
      files["content/2018/reports/report-\(number).md"] = Documents.report(title: "Report \(number)")
    }
    let site = try FixtureSite(files)
    let preview = site.root.appendingPathComponent("preview-output")
    let session = SiteSession(options: site.options(drafts: true, output: preview))
    #expect(session.buildAll().succeeded)
    let edits: [[String: String?]] = [
      ["content/2018/reports/report-3.md": Documents.report(title: "Report three, renamed")],
      ["content/2018/reports/report-200.md": Documents.report(title: "Report 200")],
      [
        "content/2018/reports/report-4.md": nil, "content/2018/reports/report-5.md": nil,
        "content/2018/reports/report-6.md": nil,
      ],
    ]
    for edit in edits {
      for (path, text) in edit {
        if let text {
          try site.write(text, to: path)
        } else {
          try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
        }
      }
      #expect(session.update(changed: Set(edit.keys)).succeeded)
      let differing = try Self.filesDifferingFromAFullBuild(site, preview: preview)
      #expect(differing.isEmpty, "after \(edit.keys.sorted()): \(differing)")
    }
  }

  @Test func anUnchangedSaveWritesNothing() throws {
    let site = try FixtureSite(InventoryFixture.files)
    let session = SiteSession(options: site.options(drafts: true, output: site.root.appendingPathComponent("preview")))
    _ = session.buildAll()
    let update = session.update(changed: ["content/2017/wg/funding.md"])
    #expect(update.written.isEmpty && update.removed.isEmpty)
  }
}
