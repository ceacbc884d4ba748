import Foundation

/// Prints how long each stage of a build takes when `IGFSITE_TIMINGS=1` is set: the first
/// thing to look at when a build is slow.
struct StageTimer {
  private let enabled = ProcessInfo.processInfo.environment["IGFSITE_TIMINGS"] == "1"
  private var last = Date()

  mutating func lap(_ stage: String) {
    guard enabled else { return }
    let now = Date()
    FileHandle.standardError.write(Data(String(format: "  %-28@ %7.3f s\n", stage, now.timeIntervalSince(last)).utf8))
    last = now
  }

  /// Prints processor time spent on every thread, beside the stages' wall times.
  func processorTime(_ part: String, seconds: Double) {
    guard enabled else { return }
    FileHandle.standardError.write(Data(String(format: "  %-28@ %7.3f s of processor time\n", part, seconds).utf8))
  }
}
