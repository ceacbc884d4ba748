import CFileSwap
import Foundation
import SiteModel

/// Writes a whole site into a staging folder beside the output folder, then swaps it into
/// place in one step. A build that fails, is interrupted or is killed leaves the previous
/// output exactly as it was; only a complete site ever appears under the output's name.
///
/// Files may be written from several threads at once, as pages are rendered.
public final class StagedOutput: @unchecked Sendable {
  public static let rule = RuleID.outputWrite
  static let stagingMarker = ".igfsite-staging-"
  /// The file that marks a staging folder as igfsite's while it is written; removed just
  /// before the swap, so the published folder holds the site only.
  static let stagingMarkerFile = ".igfsite-staging"

  public let output: URL
  let staging: URL
  let displayPath: String
  private let lock = NSLock()
  private let writer: FileTreeWriter
  private var finished = false
  private var filesWritten = 0
  /// Each file written, with its line for the build cache, in the order written.
  private var written: [(path: String, line: String)] = []
  /// The first write that failed: once the disk is full, every later write would fail too,
  /// and one error says all there is to say.
  private var failure: DiagnosticsError?

  /// Creates the staging folder (removing ones left by builds that were killed).
  public init(output: URL, displayPath: String) throws(DiagnosticsError) {
    self.output = OutputGuard.canonical(output)
    self.displayPath = displayPath
    let parent = self.output.deletingLastPathComponent()
    staging = parent.appendingPathComponent(
      ".\(self.output.lastPathComponent)\(Self.stagingMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    writer = FileTreeWriter(root: staging)
    Self.removeStaleStaging(beside: self.output)
    Interruption.removeOnInterrupt(staging.path)
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
      try writer.write([Self.marker])
    } catch {
      abandon()
      throw Self.failure("cannot create the folder to write the site in: \(Self.describe(error))", displayPath)
    }
  }

  deinit {
    if !finished { abandon() }
  }

  /// Writes files into the staging folder. After a write fails, later calls write nothing
  /// and report nothing: the first failure has been reported and the build is lost.
  public func write(_ files: [OutputFile]) throws(DiagnosticsError) {
    if lock.withLock({ failure != nil }) { return }
    do {
      try writer.write(files)
    } catch {
      let reason = Self.describe(error).replacingOccurrences(of: staging.path + "/", with: "")
      let failure = Self.failure("cannot write the site (\(reason))", displayPath)
      let isFirst = lock.withLock { () -> Bool in
        guard self.failure == nil else { return false }
        self.failure = failure
        return true
      }
      if isFirst { throw failure }
      return
    }
    lock.lock()
    filesWritten += files.count
    lock.unlock()
    record(files)
  }

  private func record(_ files: [OutputFile]) {
    let lines = files.map { file in (file.path, "\(file.recordedSize) \(file.path)") }
    lock.withLock { written += lines }
  }

  /// Every file written so far as `size path`, sorted by path: what the build cache
  /// records, taken from the bytes as they were written (the last time, for a file written
  /// twice).
  public var writtenFiles: [String] {
    let files = lock.withLock { written }
    // Stable, so that of the lines of one path the last written comes last.
    let sorted = files.enumerated().sorted { ($0.element.path, $0.offset) < ($1.element.path, $1.offset) }
    var lines: [String] = []
    lines.reserveCapacity(sorted.count)
    for (position, file) in sorted.enumerated()
    where position + 1 == sorted.count || sorted[position + 1].element.path != file.element.path {
      lines.append(file.element.line)
    }
    return lines
  }

  /// How many files have been written.
  public var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return filesWritten
  }

  /// Carries placeholders over from the current output and swaps the staging folder in.
  public func commit(preserving: Set<String> = OutputGuard.placeholderNames) throws(DiagnosticsError) {
    do {
      for name in preserving {
        let existing = output.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: existing.path) {
          try FileManager.default.copyItem(at: existing, to: staging.appendingPathComponent(name))
        }
      }
      try FileManager.default.removeItem(at: staging.appendingPathComponent(Self.stagingMarkerFile))
      try Interruption.uninterrupted { try Self.swap(staging, into: output) }
      finished = true
      Interruption.forget(staging.path)
    } catch {
      abandon()
      throw Self.failure("cannot put the new site in place: \(Self.describe(error))", displayPath)
    }
  }

  /// Removes the staging folder; the output stays as it was.
  public func abandon() {
    finished = true
    FileTree.remove(staging.path)
    Interruption.forget(staging.path)
  }

  /// Writes `files` as the new content of `output` in one go.
  public static func replace(
    _ output: URL, with files: [OutputFile], displayPath: String, preserving: Set<String> = OutputGuard.placeholderNames
  ) throws(DiagnosticsError) {
    let staged = try StagedOutput(output: output, displayPath: displayPath)
    do {
      try staged.write(files)
      try staged.commit(preserving: preserving)
    } catch {
      staged.abandon()
      throw error
    }
  }

  static var marker: OutputFile {
    OutputFile(
      path: stagingMarkerFile,
      contents: .text("igfsite is writing a site here; a folder left by a killed build is removed by the next.\n"))
  }

  /// Puts the staged folder in place of the output. Linux swaps the two names atomically;
  /// elsewhere the old output is renamed aside first, so it is never lost.
  static func swap(_ staging: URL, into output: URL) throws {
    guard FileManager.default.fileExists(atPath: output.path) else {
      try FileManager.default.moveItem(at: staging, to: output)
      return
    }
    if igfsite_exchange_paths(staging.path, output.path) == 0 {
      // The staging name now holds the previous output.
      FileTree.remove(staging.path)
      return
    }
    let previous = staging.deletingLastPathComponent()
      .appendingPathComponent(staging.lastPathComponent + "-previous")
    try FileManager.default.moveItem(at: output, to: previous)
    do {
      try FileManager.default.moveItem(at: staging, to: output)
    } catch {
      try? FileManager.default.moveItem(at: previous, to: output)
      throw error
    }
    FileTree.remove(previous.path)
  }

  /// Staging folders left by a build that was killed: a folder named as igfsite names them
  /// (`.output.igfsite-staging-PID-N`) whose build is no longer running. After the swap
  /// that name holds the previous output (no marker), removed by the build that swapped;
  /// a build killed meanwhile leaves it to the next.
  static func removeStaleStaging(beside output: URL) {
    let parent = output.deletingLastPathComponent()
    let prefix = ".\(output.lastPathComponent)\(stagingMarker)"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    for name in names where name.hasPrefix(prefix) {
      let folder = parent.appendingPathComponent(name)
      guard let pidText = name.dropFirst(prefix.count).split(separator: "-").first, let pid = Int32(pidText) else {
        continue
      }
      // A staging folder of a build still running belongs to it.
      if pid != getpid(), kill(pid, 0) == 0 { continue }
      FileTree.remove(folder.path)
    }
  }

  static func failure(_ message: String, _ displayPath: String) -> DiagnosticsError {
    DiagnosticsError(
      Diagnostic(
        .error, rule, message + "; the previous output was left as it was", at: SourceLocation(file: displayPath),
        help: "check the free disk space and that the folder can be written"))
  }

  static func describe(_ error: any Error) -> String {
    if let posix = error as? FileTreeWriter.WriteError { return posix.description }
    if let diagnostics = error as? DiagnosticsError {
      return diagnostics.diagnostics.map(\.message).joined(separator: "; ")
    }
    return (error as NSError).localizedDescription
  }
}
