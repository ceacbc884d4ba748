import Foundation
import SiteBuild
import SiteModel
import SiteWrite
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The command line as the Secretariat's build machine runs it: killed at any moment, run
/// twice at once, out of disk space or with a read-only output, it never leaves a mixed or
/// half-written output.
@Suite(.serialized) struct InterruptedBuildTests {
  /// A site big enough that a debug build takes a good fraction of a second.
  static func largeSite(documents: Int = 600, title: String = "Report") throws -> FixtureSite {
    var files: [String: String?] = [:]
    for index in 0..<documents {
      files["content/2018/reports/report-\(index).md"] = Documents.report(
        title: "\(title) \(index)", body: "## Introduction\n\n" + String(repeating: "Words of the report. ", count: 200)
      )
    }
    return try FixtureSite(files)
  }

  /// Starts `igfsite` (or `program`) without waiting; its standard error goes to `errors`
  /// when given, else nowhere.
  static func start(_ arguments: [String], program: URL? = nil, errors: Pipe? = nil) throws -> Process {
    let process = Process()
    process.executableURL = try program ?? #require(CommandRunner.executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors ?? FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Everything written to `pipe` until the process closes it.
  static func text(of pipe: Pipe) -> String {
    String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  }

  static func stagingFolders(_ site: FixtureSite) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".igfsite-staging-") }
  }

  @Test func killingABuildAtAnyMomentLeavesThePreviousOrTheNewOutput() throws {
    let site = try Self.largeSite()
    let first = try CommandRunner.run(["build", "--site", site.root.path])
    #expect(first.status == 0, "\(first.error)")
    let previous = try site.outputSnapshot()
    for index in 0..<600 where index % 3 == 0 {
      try site.write(Documents.report(title: "Changed \(index)"), to: "content/2018/reports/report-\(index).md")
    }

    var seen: [[String: Data]] = []
    for (signalNumber, delay) in [
      (SIGKILL, 0.05), (SIGINT, 0.15), (SIGKILL, 0.4), (SIGINT, 0.7), (SIGTERM, 1.0), (SIGKILL, 1.5),
    ] {
      let process = try Self.start(["build", "--no-cache", "--site", site.root.path])
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, signalNumber)
      process.waitUntilExit()
      seen.append(try site.outputSnapshot())
      if signalNumber != SIGKILL, process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
        #expect(try Self.stagingFolders(site).isEmpty, "an interrupted build removes its staging folder")
      }
    }
    let last = try CommandRunner.run(["build", "--no-cache", "--site", site.root.path])
    #expect(last.status == 0, "\(last.error)")
    let next = try site.outputSnapshot()
    #expect(previous != next)
    for (attempt, output) in seen.enumerated() {
      #expect(output == previous || output == next, "attempt \(attempt) left a mixed output")
    }
    #expect(try Self.stagingFolders(site).isEmpty, "the next build removes what a killed build left")
  }

  /// Starts `igfsite build` while this test holds the site's build lock, so the build is
  /// certainly waiting when `whileWaiting` runs; then releases the lock and lets it finish.
  static func buildWhileLocked(
    _ site: FixtureSite, whileWaiting: (Process) -> Void
  ) throws -> (process: Process, message: String) {
    let errors = Pipe()
    let process: Process
    do {
      let lock = try BuildLock(layout: site.layout)
      process = try start(["build", "--site", site.root.path], errors: errors)
      Thread.sleep(forTimeInterval: 0.5)
      whileWaiting(process)
      withExtendedLifetime(lock) {}
    }  // the lock is released here
    let message = text(of: errors)
    process.waitUntilExit()
    return (process, message)
  }

  @Test func ctrlCSaysTheOutputWasLeftAndExitsWith130() throws {
    let site = try Self.largeSite(documents: 5)
    // The signal lands while the build waits for the lock, so always mid-build.
    let (process, message) = try Self.buildWhileLocked(site) { waiting in
      waiting.interrupt()
      waiting.waitUntilExit()
    }
    #expect(process.terminationStatus == 130)
    #expect(message.hasSuffix("igfsite: interrupted; the previous output was left as it was\n"), "\(message)")
    #expect(!site.exists("output/index.html"))
    #expect(try Self.stagingFolders(site).isEmpty)
  }

  @Test func aSecondBuildWaitsForTheFirstAndSaysSo() throws {
    let site = try Self.largeSite(documents: 20)
    let (process, message) = try Self.buildWhileLocked(site) { waiting in
      #expect(waiting.isRunning, "the build waits while another holds the site")
      #expect(!site.exists("output/index.html"))
    }
    #expect(process.terminationStatus == 0)
    #expect(message.contains("Another build of this site is running; waiting for it to finish"))
    #expect(site.exists("output/index.html"))
  }

  @Test func twoBuildsAtOnceBothSucceedWithOneCompleteOutput() throws {
    let site = try Self.largeSite(documents: 200)
    let builds = try (0..<2).map { _ in try Self.start(["build", "--no-cache", "--site", site.root.path]) }
    for build in builds {
      build.waitUntilExit()
      #expect(build.terminationStatus == 0)
    }
    let together = try site.outputSnapshot()
    let alone = try CommandRunner.run(["build", "--no-cache", "--site", site.root.path])
    #expect(alone.status == 0)
    #expect(together == (try site.outputSnapshot()))
  }

  /// ThreadSanitizer's runtime maps files of its own, which a file size limit turns into
  /// SIGBUS: under `make test-sanitize` the tmpfs test below shows a full disk instead.
  static let threadSanitizerIsLoaded = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

  @Test(.disabled(if: threadSanitizerIsLoaded, "ThreadSanitizer cannot run under a file size limit"))
  func aFullDiskIsAClearErrorAndThePreviousOutputStays() throws {
    let site = try Self.largeSite(documents: 50)
    #expect(try CommandRunner.run(["build", "--site", site.root.path]).status == 0)
    let previous = try site.outputSnapshot()
    try site.write(Documents.report(title: "Changed"), to: "content/2018/reports/report-1.md")
    // A file size limit of a few KiB: writes past it fail as they would on a full disk.
    let executable = try #require(CommandRunner.executable).path
    let script = "trap '' XFSZ; ulimit -f 4; exec \"$0\" build --site \"$1\""
    let errors = Pipe()
    let process = try Self.start(
      ["-c", script, executable, site.root.path], program: URL(fileURLWithPath: "/bin/sh"), errors: errors)
    let message = Self.text(of: errors)
    process.waitUntilExit()
    #expect(process.terminationStatus != 0)
    #expect(
      message.contains("[output.write]") && message.contains("the previous output was left as it was"), "\(message)")
    #expect(message.contains("File too large"), "\(message)")
    #expect(try site.outputSnapshot() == previous)
    #expect(try Self.stagingFolders(site).isEmpty)
  }

  @Test(.enabled(if: ReadOnlyFolder.canMount, "mounting a small file system needs root"))
  func aFileSystemWithNoSpaceLeftIsAClearErrorAndThePreviousOutputStays() throws {
    let site = try Self.largeSite(documents: 20)
    let disk = site.root.appendingPathComponent("disk", isDirectory: true)
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    #expect(ReadOnlyFolder.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.path]))
    defer { _ = ReadOnlyFolder.run(["umount", disk.path]) }
    let output = disk.appendingPathComponent("site", isDirectory: true)
    let first = try CommandRunner.run(["build", "--site", site.root.path, "--output", output.path])
    #expect(first.status == 0, "\(first.error)")
    let previous = try site.outputSnapshot(output)
    for index in 20..<200 {
      try site.write(Documents.report(title: "More \(index)"), to: "content/2018/reports/report-\(index).md")
    }
    let result = try CommandRunner.run(["build", "--site", site.root.path, "--output", output.path])
    #expect(result.status != 0)
    #expect(result.error.contains("No space left on device"), "\(result.error)")
    #expect(result.error.components(separatedBy: "[output.write]").count == 2, "one error, not one per file")
    #expect(!result.error.contains("staging"), "the error names the output, not the staging folder")
    #expect(result.error.contains("the previous output was left as it was"))
    #expect(try site.outputSnapshot(output) == previous)
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["site"], "the staging folder is removed")
  }

  @Test(.enabled(if: ReadOnlyFolder.isPossible, "root without permission to mount ignores read-only permissions"))
  func aReadOnlyOutputIsAClearErrorAndThePreviousOutputStays() throws {
    let site = try Self.largeSite(documents: 20)
    let parent = site.root.appendingPathComponent("published", isDirectory: true)
    let output = parent.appendingPathComponent("site", isDirectory: true)
    #expect(try CommandRunner.run(["build", "--site", site.root.path, "--output", output.path]).status == 0)
    let previous = try site.outputSnapshot(output)
    try site.write(Documents.report(title: "Changed"), to: "content/2018/reports/report-1.md")
    let readOnly = try ReadOnlyFolder(parent)
    defer { readOnly.restore() }
    let result = try CommandRunner.run(["build", "--site", site.root.path, "--output", output.path])
    readOnly.restore()
    #expect(result.status != 0)
    #expect(
      result.error.contains("[output.write]") && result.error.contains("the previous output was left as it was"),
      "\(result.error)")
    #expect(try site.outputSnapshot(output) == previous)
  }
}

/// Makes a folder read-only for the build: a read-only bind mount when running as root (who
/// ignores permissions), its permissions otherwise.
final class ReadOnlyFolder {
  let folder: URL
  private(set) var mounted = false
  private var restored = false

  init(_ folder: URL) throws {
    self.folder = folder
    if getuid() == 0 {
      let bind = Self.run(["mount", "--bind", folder.path, folder.path])
      let remount = bind && Self.run(["mount", "-o", "remount,bind,ro", folder.path, folder.path])
      if remount {
        mounted = true
        return
      }
      if bind { _ = Self.run(["umount", folder.path]) }
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
  }

  /// Whether this process may mount file systems (root with the capability to).
  static var canMount: Bool { getuid() == 0 && isPossible }

  /// Whether a folder can be made read-only for this process.
  static let isPossible: Bool = {
    guard getuid() == 0 else { return true }
    let probe = FileManager.default.temporaryDirectory.appendingPathComponent("igfsite-ro-\(UUID().uuidString)")
    guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil else {
      return false
    }
    defer { try? FileManager.default.removeItem(at: probe) }
    guard let folder = try? ReadOnlyFolder(probe) else { return false }
    defer { folder.restore() }
    return folder.mounted
  }()

  func restore() {
    guard !restored else { return }
    restored = true
    if mounted { _ = Self.run(["umount", folder.path]) }
    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
  }

  static func run(_ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
