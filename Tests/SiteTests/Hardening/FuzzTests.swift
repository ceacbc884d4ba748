import SiteFuzz
import Testing

/// The fuzz target on the seeded generator's inputs: `make fuzz` runs it under libFuzzer
/// for ten minutes; here a few thousand inputs per seed keep every invariant checked on
/// every test run. A finding traps, naming the broken invariant.
@Suite struct FuzzTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func generatedDocumentsKeepEveryInvariant(seed: UInt64) {
    var count = 0
    for input in FuzzInputs(seed: seed).prefix(3_000) {
      input.withUnsafeBytes { FuzzTarget.run($0) }
      count += 1
    }
    #expect(count == 3_000)
  }

  @Test func theGeneratorIsReproducibleAndVaried() {
    let first = Array(FuzzInputs(seed: 7).prefix(50))
    #expect(first == Array(FuzzInputs(seed: 7).prefix(50)))
    #expect(Set(first).count > 45)
    #expect(first.contains { String(validating: $0, as: UTF8.self) == nil }, "some inputs are not UTF-8")
  }

  @Test func hrefsAreFoundForTheScriptURLCheck() {
    #expect(FuzzTarget.hrefs(in: "<a href=\"x\">a</a><img src=\"y\" alt=\"\">") == ["x", "y"])
  }
}
