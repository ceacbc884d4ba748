import Testing

@testable import SiteMarkdown

/// The words a body gives the search index: three bytes or more (three letters, in
/// ASCII), lowercased (by Unicode's rules beyond ASCII), each once, in the order first
/// seen; anything but letters and digits separates them.
@Suite struct SearchWordsTests {
  static func words(_ text: String) -> String {
    var bytes = Array(text.utf8)
    return PlainText.distinctWords(&bytes)
  }

  @Test func wordsAreLoweredAndKeptOnceInTheOrderFirstSeen() {
    #expect(Self.words("The MAG and the IGF: the mag, THE Igf.") == "the mag and igf")
    #expect(Self.words("an ox is by it") == "")
    #expect(Self.words("2019 IGF2019 x1y") == "2019 igf2019 x1y")
  }

  @Test func separatorsAreAnythingButLettersAndDigits() {
    #expect(
      Self.words("multi-stakeholder_model (BPF)\tdata\nflows/cyber.security")
        == "multi stakeholder model bpf data flows cyber security")
    // The last word ends with the text.
    #expect(Self.words("ends here") == "ends here")
  }

  @Test func lettersBeyondASCIIAreLoweredByUnicode() {
    #expect(Self.words("ÉTUDE étude Übersicht ÜBERSICHT Москва МОСКВА") == "étude übersicht москва")
    // Length is counted in bytes: two letters of two bytes each make a word.
    #expect(Self.words("Éé ÉÉÉ ab") == "éé ééé")
  }

  @Test func longWordsThatShareTheirFirstEightBytesAreTwoWords() {
    #expect(
      Self.words("Internationalisation internationalization INTERNATIONALISATION internat Internat internationa")
        == "internationalisation internationalization internat internationa")
  }

  /// The definition, byte by byte and word by word.
  static func reference(_ text: [UInt8]) -> String {
    var words: [String] = []
    var seen = Set<String>()
    var current: [UInt8] = []
    func end() {
      defer { current = [] }
      guard current.count >= 3 else { return }
      let word = String(decoding: current, as: UTF8.self).lowercased()
      if seen.insert(word).inserted { words.append(word) }
    }
    for byte in text {
      let isWordByte =
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte >= 0x80
      if isWordByte { current.append(byte) } else { end() }
    }
    end()
    return words.joined(separator: " ")
  }

  @Test func wordsAcrossEveryEightByteBoundaryAreFoundAsByteByByte() {
    // Every class of byte at every position: capitals, small letters, digits, the bounds
    // around them (`@`, `[`, `` ` ``, `{`, `/`, `:`), separators, and letters beyond ASCII.
    let pieces: [[UInt8]] = [
      Array("A".utf8), Array("z".utf8), Array("Q".utf8), Array("0".utf8), Array("9".utf8), Array("@".utf8),
      Array("[".utf8), Array("`".utf8), Array("{".utf8), Array("/".utf8), Array(":".utf8), Array(" ".utf8),
      Array("\n".utf8), Array("É".utf8), Array("é".utf8), Array("ж".utf8), [0x7f], [0xc0 | 0x01],
    ]
    // A fixed sequence (a linear congruential generator), so a failure repeats.
    var state: UInt64 = 2018
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    for length in 0...40 {
      for _ in 0..<150 {
        var text: [UInt8] = []
        while text.count < length { text += pieces[next(pieces.count)] }
        var bytes = text
        #expect(PlainText.distinctWords(&bytes) == Self.reference(text), "\(text)")
      }
    }
  }

  @Test func thousandsOfWordsAreEachKeptOnce() {
    // Far more words than the table first has room for, each seen three times.
    let list = (0..<5000).map { "w\($0)x" }
    let text = (list + list.reversed() + list).joined(separator: " ")
    #expect(Self.words(text) == list.joined(separator: " "))
  }
}
