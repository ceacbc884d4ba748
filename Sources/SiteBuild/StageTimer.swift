import Foundation

/// Prints how long each stage of a build takes when `IGFSITE_TIMINGS=1` is set: the first
/// thing to look at when a build is slow. Beside each wall time, the processor time of all
/// threads: a stage whose two are close used one core only.
struct StageTimer {
  private let enabled = ProcessInfo.processInfo.environment["IGFSITE_TIMINGS"] == "1"
  private var last = Date()
  private var lastProcessor = Self.processorSeconds()

  mutating func lap(_ stage: String) {
    guard enabled else { return }
    let now = Date()
    let processor = Self.processorSeconds()
    try? FileHandle.standardError.write(
      contentsOf: Data(
        String(
          format: "  %-28@ %7.3f s  (%.3f s of processor time)\n", stage, now.timeIntervalSince(last),
          processor - lastProcessor
        ).utf8))
    last = now
    lastProcessor = processor
  }

  /// User and system time of every thread of the process so far.
  private static func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// Prints processor time spent on every thread, beside the stages' wall times.
  func processorTime(_ part: String, seconds: Double) {
    guard enabled else { return }
    try? FileHandle.standardError.write(
      contentsOf: Data(String(format: "  %-28@ %7.3f s of processor time\n", part, seconds).utf8))
  }
}
