import Foundation
import SiteModel
import SiteSupport
import Testing

/// A file written in parts (the site's inventory, made of the cycles' inventories) hashes
/// and counts as the same bytes joined, however they are split: the build cache and the
/// preview compare it with what was written before.
@Suite struct OutputPartsTests {
  @Test(arguments: [0, 1, 31, 32, 33, 64, 100, 1_000, 4_099])
  func partsHashAsTheirBytesJoined(length: Int) {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let joined = bytes.withUnsafeBytes(ContentHash.of)
    for _ in 0..<20 {
      var cuts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in Int.random(in: 0...length) }
      cuts.sort()
      var parts: [[UInt8]] = []
      var start = 0
      for cut in cuts + [length] {
        parts.append(Array(bytes[start..<cut]))
        start = cut
      }
      #expect(ContentHash.of(parts: parts) == joined, "cut at \(cuts)")
      let file = OutputFile(path: "inventory.json", contents: .parts(parts))
      #expect(file.recordedSize == length)
      #expect(file.byteCount == length)
      #expect(ContentHash.of(file) == joined)
    }
  }
}
