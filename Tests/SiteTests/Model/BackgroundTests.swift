import Foundation
import SiteSupport
import Synchronization
import Testing

/// Work handed to `Background` runs while the caller does its own, and its result is the
/// same to every reader, however late.
@Suite struct BackgroundTests {
  @Test func theWorkRunsBesideTheCallerAndItsValueWaits() {
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let runs = Atomic<Int>(0)
    let work = Background { () -> [Int] in
      runs.add(1, ordering: .relaxed)
      started.signal()
      // Finishes only once the caller has gone on with its own work.
      release.wait()
      return Array(1...3)
    }
    #expect(started.wait(timeout: .now() + 10) == .success)
    release.signal()
    #expect(work.value == [1, 2, 3])
    #expect(work.value == [1, 2, 3])
    #expect(runs.load(ordering: .relaxed) == 1)
  }
}
