import Testing

@testable import SiteValidate

/// How a heading's enumerator (`1.`, `2)`, `IV.`, `b)`) is told from its title: the
/// common heading without one is read on its bytes, any other as Characters.
@Suite struct SectionHeadingTests {
  @Test func enumeratorsAreDropped() {
    #expect(SectionChecker.droppingEnumerator("1. Proposed Theme/Issue") == "Proposed Theme/Issue")
    #expect(SectionChecker.droppingEnumerator("2) Objectives/Goals") == "Objectives/Goals")
    #expect(SectionChecker.droppingEnumerator("  III.  Expected Output(s)") == "Expected Output(s)")
    #expect(SectionChecker.droppingEnumerator("b) Timeframe") == "Timeframe")
    #expect(SectionChecker.droppingEnumerator("5.1. Timeframe") == "Timeframe")
    #expect(SectionChecker.droppingEnumerator("7.") == "")
  }

  @Test func headingsWithoutAnEnumeratorAreKeptAsTheyAre() {
    for heading in [
      "Timeframe", "Names of Co-Facilitator(s)", "  Purpose", "(a) Purpose", "Outputs.", "Dr. Who", "2019 meeting",
      "", "ABC) Purpose", "Objectives/Goals",
    ] {
      #expect(SectionChecker.droppingEnumerator(heading) == heading, "\(heading)")
    }
  }

  @Test func headingsBeyondASCIIAreReadAsCharacters() {
    #expect(SectionChecker.droppingEnumerator("é) Calendrier") == "Calendrier")
    #expect(SectionChecker.droppingEnumerator("Calendrier prévu") == "Calendrier prévu")
    // A mark joined to the letter before it belongs to that letter's Character.
    #expect(SectionChecker.droppingEnumerator("A\u{301}) Objet") == "Objet")
    #expect(SectionChecker.droppingEnumerator("Ⅳ. Résultats") == "Résultats")
  }
}
