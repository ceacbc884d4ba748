import Testing

@testable import SiteMarkdown

/// A body's word count (what the proposal-length rule turns into pages): runs of bytes
/// other than space, tab, line feed and carriage return, counted eight bytes at a time.
@Suite struct WordCountTests {
  /// The definition, byte by byte.
  static func reference(_ bytes: [UInt8]) -> Int {
    var count = 0
    var previousIsSeparator = true
    for byte in bytes {
      let isSeparator = byte == 32 || byte == 10 || byte == 9 || byte == 13
      if previousIsSeparator && !isSeparator { count += 1 }
      previousIsSeparator = isSeparator
    }
    return count
  }

  @Test func wordsAreRunsBetweenSpacesTabsAndLineBreaks() {
    #expect(PlainText.wordCount(Array("".utf8)) == 0)
    #expect(PlainText.wordCount(Array("   \n\t\r ".utf8)) == 0)
    #expect(PlainText.wordCount(Array("one".utf8)) == 1)
    #expect(PlainText.wordCount(Array(" The MAG met\ttwice,\r\nin March and  June. ".utf8)) == 8)
    // Other control characters and letters beyond ASCII are part of words.
    #expect(PlainText.wordCount(Array("a\u{0B}b Réunion\u{00A0}virtuelle".utf8)) == 2)
  }

  @Test func wordsAcrossEveryEightByteBoundaryAreCountedOnce() {
    // Every length up to three chunks, every position of a separator and of a run.
    let alphabet: [UInt8] = [32, 10, 9, 13, 97, 0xC3, 0xA9, 11, 0x20 ^ 0x80, 0x0A | 0x80]
    // A fixed sequence (a linear congruential generator), so a failure repeats.
    var state: UInt64 = 2017
    func next() -> UInt8 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return alphabet[Int(state >> 33) % alphabet.count]
    }
    for length in 0...26 {
      for _ in 0..<200 {
        let bytes = (0..<length).map { _ in next() }
        #expect(PlainText.wordCount(bytes) == Self.reference(bytes), "\(bytes)")
      }
    }
    let long = Array(String(repeating: "word  \tand\nmore ", count: 1000).utf8)
    #expect(PlainText.wordCount(long) == 3000)
  }
}
