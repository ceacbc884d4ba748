import Foundation
import SiteContent
import SiteModel
import TestSupport
import Testing

/// The top folders of `content/` are walked on several threads: what is found, and in what
/// order, does not depend on how many.
@Suite struct ContentWalkerTests {
  @Test func theFilesFoundAreTheSameOnOneThreadAndOnMany() throws {
    let site = try FixtureSite([
      "content/overview.md": "top",
      "content/2017/bpf/iot/proposal.md": "a",
      "content/2017/bpf/iot/chart.png": "b",
      "content/2017/.draft.md": "hidden",
      "content/2018/a/b/c/deep.md": "c",
      "content/2018/z.md": "d",
      "content/2019/notes.pdf": "e",
      "content/themes/list.md": "f",
    ])
    try FileManager.default.createSymbolicLink(
      atPath: site.root.appendingPathComponent("content/2019/outside.md").path, withDestinationPath: "/etc/hostname")

    let serial = ContentWalker.walk(site.layout, jobs: 1)
    let parallel = ContentWalker.walk(site.layout, jobs: 4)

    #expect(
      serial.markdown == [
        "2017/bpf/iot/proposal.md", "2018/a/b/c/deep.md", "2018/z.md", "overview.md", "themes/list.md",
      ])
    #expect(serial.attachments == ["2017/bpf/iot/chart.png", "2019/notes.pdf"])
    #expect(serial.diagnostics.map(\.rule) == [.contentSymlink])
    #expect(serial.diagnostics.first?.location.file.hasSuffix("content/2019/outside.md") == true)
    #expect(parallel.markdown == serial.markdown)
    #expect(parallel.attachments == serial.attachments)
    #expect(parallel.diagnostics == serial.diagnostics)
  }
}
