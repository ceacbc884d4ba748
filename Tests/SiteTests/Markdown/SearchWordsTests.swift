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

  @Test func thousandsOfWordsAreEachKeptOnce() {
    // Far more words than the table first has room for, each seen three times.
    let list = (0..<5000).map { "w\($0)x" }
    let text = (list + list.reversed() + list).joined(separator: " ")
    #expect(Self.words(text) == list.joined(separator: " "))
  }
}
