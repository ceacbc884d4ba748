import SiteContent
import SiteModel

/// "Submission Process/Template For Proposed New BPFs (2-3 Pages)" (Annex II); the schema's
/// words-per-page figure turns pages into words.
struct ProposalLengthRule: ModalitiesRule {
  static let name = "length"
  static let summary = "the body is within the page range, counted in words"
  static let readsWordCount = true

  let pages: ClosedRange<Int>
  let wordsPerPage: Int

  init(parameters: inout RuleParameters) {
    pages = parameters.range("pages")
    wordsPerPage = max(1, parameters.int("words_per_page"))
  }

  func check(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport) {
    let words = document.body.wordCount
    let minimum = pages.lowerBound * wordsPerPage
    let maximum = pages.upperBound * wordsPerPage
    guard words < minimum || words > maximum else { return }
    let location = document.bodyLocation
    if words < minimum {
      report.add(
        Self.message(words: words, pages: pages, wordsPerPage: wordsPerPage, tooShort: true), at: location,
        help: "develop the sections to at least \(minimum) words")
    } else {
      report.add(
        Self.message(words: words, pages: pages, wordsPerPage: wordsPerPage, tooShort: false), at: location,
        help: "shorten the proposal to at most \(maximum) words")
    }
  }

  static func message(words: Int, pages: ClosedRange<Int>, wordsPerPage: Int, tooShort: Bool) -> String {
    let actualPages = Double(words) / Double(wordsPerPage)
    let rounded = (actualPages * 10).rounded() / 10
    return "the proposal is \(tooShort ? "too short" : "too long"): \(words) words, about \(rounded) pages; "
      + "the modalities ask for \(pages.lowerBound) to \(pages.upperBound) pages "
      + "(\(pages.lowerBound * wordsPerPage) to \(pages.upperBound * wordsPerPage) words at \(wordsPerPage) a page)"
  }
}
