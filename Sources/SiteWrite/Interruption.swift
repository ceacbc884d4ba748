import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What an interrupted build (Ctrl-C, SIGTERM, SIGHUP) does before it exits: removes the
/// staging folders it was writing, so nothing is left beside the output. The swap that puts
/// a finished site in place and this clean-up exclude each other, so an interruption lands
/// either before the swap (previous output kept) or after it (new output complete).
/// SIGKILL cannot be caught: its staging folder is removed by the next build.
public enum Interruption {
  private static let registry = Registry()

  /// Installs the handlers; the command line calls it once before a build.
  public static func handleSignals() {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { stop(signal: signalNumber) }
      source.resume()
      registry.keep(source)
    }
  }

  /// Folders to remove if the build is interrupted.
  static func removeOnInterrupt(_ path: String) {
    registry.withLock { $0.folders.insert(path) }
  }

  static func forget(_ path: String) {
    registry.withLock { $0.folders.remove(path) }
  }

  /// Runs `body` unless the build was interrupted, with interruptions held until it ends.
  static func uninterrupted<T>(_ body: () throws -> T) throws -> T {
    try registry.withLock { state in
      if state.interrupted { throw CancellationError() }
      return try body()
    }
  }

  private static func stop(signal signalNumber: Int32) {
    registry.withLock { state in
      state.interrupted = true
      for folder in state.folders {
        // Renamed first, so writers still running find nothing to write into.
        let doomed = folder + "-interrupted"
        let target = rename(folder, doomed) == 0 ? doomed : folder
        _ = FileTree.remove(target)
      }
      let message = "\nigfsite: interrupted; the previous output was left as it was\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      _exit(128 + signalNumber)
    }
  }

  private final class Registry: @unchecked Sendable {
    struct State {
      var folders: Set<String> = []
      var interrupted = false
      var sources: [any DispatchSourceSignal] = []
    }
    private let lock = NSLock()
    private var state = State()

    func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
      lock.lock()
      defer { lock.unlock() }
      return try body(&state)
    }

    func keep(_ source: any DispatchSourceSignal) {
      withLock { $0.sources.append(source) }
    }
  }
}
