import Foundation
import SiteFuzz

#if FUZZING
  /// libFuzzer's driver, given the function it calls with each input.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// `make fuzz` builds with `-sanitize=fuzzer,address -DFUZZING`. SwiftPM names an
  /// executable's entry point after its module, so the entry hands over to libFuzzer.
  @_cdecl("igfsite_fuzz_main")
  func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
      FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
      return 0
    }
  }
#else
  /// Without libFuzzer: runs the seeded generator's inputs for a number of seconds.
  /// Usage: igfsite-fuzz [seconds] [seed]
  @main struct FuzzMain {
    static func main() {
      let arguments = CommandLine.arguments.dropFirst()
      let seconds = arguments.first.flatMap(Double.init) ?? 10
      let seed = arguments.dropFirst().first.flatMap(UInt64.init) ?? 1
      let start = Date()
      var executions = 0
      for input in FuzzInputs(seed: seed) {
        input.withUnsafeBytes { FuzzTarget.run($0) }
        executions += 1
        if executions % 1000 == 0, Date().timeIntervalSince(start) >= seconds { break }
      }
      print("\(executions) inputs from seed \(seed) in \(Int(Date().timeIntervalSince(start))) s, no finding")
    }
  }
#endif
