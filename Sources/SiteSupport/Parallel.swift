import Foundation
import Synchronization

/// Maps over an array on several threads, keeping the order of the results. Each element
/// is processed independently, so the result does not depend on the number of jobs.
public enum Parallel {
  /// - Parameter jobs: how many threads at most; nil uses one per processor.
  public static func map<Element: Sendable, Result: Sendable>(
    _ items: [Element], jobs: Int?, _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let count = items.count
    let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, count))
    guard workers > 1 else { return items.map(transform) }
    // Each worker takes the next item not yet taken, so one slow item (a cycle's inventory
    // among documents) does not leave the other workers idle at the end.
    let next = Atomic<Int>(0)
    return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
      // count > 1 here, so the buffer has storage.
      guard let base = buffer.baseAddress else { return }
      let results = ResultSlots(base: base)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let index = next.add(1, ordering: .relaxed).oldValue
          guard index < count else { break }
          results.store(transform(items[index]), at: index)
        }
      }
      initialized = count
    }
  }
}

extension Parallel {
  /// Runs two independent pieces of work at once, on two threads when `jobs` allows it.
  public static func pair<First: Sendable, Second: Sendable>(
    jobs: Int?, _ first: @Sendable () -> First, _ second: @Sendable () -> Second
  ) -> (First, Second) {
    let results = map([0, 1], jobs: jobs) { part -> PairResult<First, Second> in
      part == 0 ? .first(first()) : .second(second())
    }
    guard case .first(let one) = results[0], case .second(let two) = results[1] else {
      fatalError("pair results out of order")
    }
    return (one, two)
  }
}

/// Work started on a thread of its own while the caller goes on with other work (which may
/// itself use every core): a small serial task hidden behind a long parallel one.
public final class Background<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Value?

  public init(_ work: @escaping @Sendable () -> Value) {
    Thread { [self] in
      result = work()
      done.signal()
    }.start()
  }

  /// The work's result, once it is done.
  public var value: Value {
    done.wait()
    // Whoever asks again need not wait.
    done.signal()
    guard let result else { preconditionFailure("background work signalled without a result") }
    return result
  }
}

private enum PairResult<First: Sendable, Second: Sendable>: Sendable {
  case first(First)
  case second(Second)
}

/// The result buffer, written by several threads at distinct indices only.
private struct ResultSlots<Result>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Result>

  func store(_ value: Result, at index: Int) {
    (base + index).initialize(to: value)
  }
}
