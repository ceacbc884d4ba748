import Foundation
import SiteModel
import TestSupport
import Testing

/// `igfsite serve` as a facilitator leaves it running: its terminal closed, or its lines
/// piped to a reader that has stopped reading (`igfsite serve | head -3`).
@Suite(.enabled(if: CommandRunner.executable != nil, "the igfsite executable was not built"))
struct ServeTerminalTests {
  /// The lines a rebuild can no longer write are lost; the preview goes on serving and
  /// rebuilding, and stops as usual on Ctrl-C.
  @Test func thePreviewGoesOnWhenNothingReadsItsLines() throws {
    let site = try FixtureSite(["content/2017/bpf/local-content/proposal.md": Documents.bpfProposal()])
    let executable = try #require(CommandRunner.executable)
    let process = Process()
    process.executableURL = executable
    process.arguments = ["serve", "--site", site.root.path, "--port", "0"]
    let lines = Pipe()
    process.standardOutput = lines
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    var said = ""
    while !said.contains("press Ctrl-C") {
      let chunk = lines.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      said += String(decoding: chunk, as: UTF8.self)
    }
    let port = try #require(said.firstMatch(of: /127\.0\.0\.1:(\d+)\//).flatMap { Int($0.output.1) }, "\(said)")
    try lines.fileHandleForReading.close()

    // The rebuild after this edit reports a line nobody reads.
    try site.write(
      Documents.bpfProposal(bpf: "renamed-in-the-preview"), to: "content/2017/bpf/local-content/proposal.md")
    var rebuilt = false
    for _ in 0..<100 where !rebuilt {
      let page = try? RawHTTP.request("GET", "/2017/bpf/local-content/proposal/", port: port)
      rebuilt = page?.body.contains("BPF on renamed-in-the-preview") == true
      if !rebuilt { Thread.sleep(forTimeInterval: 0.1) }
    }
    #expect(rebuilt, "the preview did not show the edit")
    Thread.sleep(forTimeInterval: 0.3)
    #expect(process.isRunning, "the preview stopped when its lines could not be written")
    let after = try? RawHTTP.request("GET", "/2017/bpf/local-content/proposal/", port: port)
    #expect(after?.status == 200)
    process.interrupt()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
  }
}
