import Foundation

/// Runs the built `igfsite` executable, for tests of the command line as users type it.
public enum CommandRunner {
  public struct Result: Sendable {
    public var status: Int32
    public var output: String
    public var error: String
  }

  /// The `igfsite` binary built beside the test bundle.
  public static var executable: URL? {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("igfsite"),
      SharedFiles.packageRoot.appendingPathComponent(".build/debug/igfsite"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// - Parameter environment: variables to set for the run, over the test's own.
  public static func run(
    _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
  ) throws -> Result {
    guard let executable else { throw CocoaError(.fileNoSuchFile) }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Both pipes are read to their end at once before waiting: a child that fills one
    // while the other is being read would block forever.
    let errorData = ErrorReader()
    let errorThread = Thread { errorData.read(error.fileHandleForReading) }
    errorThread.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    errorData.finished.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData.data, as: UTF8.self))
  }

  private final class ErrorReader: @unchecked Sendable {
    var data = Data()
    let finished = DispatchSemaphore(value: 0)

    func read(_ handle: FileHandle) {
      data = handle.readDataToEndOfFile()
      finished.signal()
    }
  }
}
