import Foundation

/// Runs long, synchronous work (whole-site builds in a loop) on a thread of its own. Swift
/// Testing runs tests on the small cooperative thread pool; a test that holds a pool
/// thread for seconds starves the async tests beside it, such as the preview server's.
public func onOwnThread<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread { continuation.resume(with: Swift.Result { try work() }) }
    thread.stackSize = 16 << 20
    thread.start()
  }
}
