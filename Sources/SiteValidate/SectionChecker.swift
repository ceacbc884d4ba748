import SiteContent
import SiteModel

/// Checks that a document's headings include the sections its kind requires, in order.
///
/// Headings match regardless of case, spacing and punctuation (`Expected Output(s)` matches
/// `Expected outputs`), and may continue after the section title (`Timeframe for the work`
/// matches `Timeframe`).
/// A heading may be numbered as templates often are (`1.`, `1)`, `I.`, `A.`): the number
/// is not part of the section's title.
struct SectionChecker {
  let kind: KindSpec
  /// The sections of the template in force in the document's cycle.
  let sections: [SectionSpec]
  let missingSeverity: Severity
  let orderSeverity: Severity
  /// The language of the text: its sections may have titles in it (a translation's).
  var language: String? = nil

  func check(_ document: ParsedDocument) -> [Diagnostic] {
    guard !sections.isEmpty else { return [] }
    let headings = document.body.headings
    let normalisedHeadings = headings.map { SectionSpec.normalise(Self.droppingEnumerator($0.text)) }
    var used = Set<Int>()
    // For each section in schema order, the index of the heading that matches it.
    var matches: [(title: String, optional: Bool, heading: Int?)] = []
    // The sections as the text's language names them, and the titles that match them.
    let named = sections.map { $0.titles(in: language) }
    for (position, section) in sections.enumerated() {
      let titles = named[position].normalized
      let index = normalisedHeadings.indices.first { index in
        !used.contains(index) && titles.contains { Self.heading(normalisedHeadings[index], startsWith: $0) }
      }
      if let index { used.insert(index) }
      matches.append((named[position].title, section.optional, index))
    }
    var diagnostics: [Diagnostic] = []
    for (position, match) in matches.enumerated() where match.heading == nil && !match.optional {
      // The missing section belonged before the next section that is present.
      let following = matches[(position + 1)...].first { $0.heading != nil }
      let location: SourceLocation
      let help: String
      if let following, let index = following.heading {
        location = headings[index].location
        help = "add a heading \"## \(match.title)\" before \"\(headings[index].text)\""
      } else {
        location = document.endLocation
        help = "add a heading \"## \(match.title)\" with its text at the end"
      }
      diagnostics.append(
        Diagnostic(
          missingSeverity, .kind(kind.id, "sections"), "section \"\(match.title)\" is missing", at: location,
          help: help))
    }
    var latest: (index: Int, title: String)?
    for match in matches {
      guard let index = match.heading else { continue }
      if let previous = latest, index < previous.index {
        diagnostics.append(
          Diagnostic(
            orderSeverity, .kind(kind.id, "section-order"),
            "section \"\(match.title)\" comes before \"\(previous.title)\"; the modalities put it after",
            at: headings[index].location,
            help:
              "move this section after \"\(previous.title)\" (order: \(named.map(\.title).joined(separator: ", ")))")
        )
      } else {
        latest = (index, match.title)
      }
    }
    return diagnostics
  }

  /// `1. Key Policy Questions` → `Key Policy Questions`; also `1)`, `1.2.`, `IV.`, `b)`.
  static func droppingEnumerator(_ text: String) -> String {
    if Self.hasNoEnumerator(text) { return text }
    let trimmed = text.drop { $0 == " " }
    let marker = trimmed.prefix { $0.isNumber || $0 == "." || $0.isLetter }
    guard let last = marker.last, !marker.isEmpty else { return text }
    let rest = trimmed.dropFirst(marker.count)
    let enumerator: Substring
    if last == "." {
      enumerator = marker.dropLast()
    } else if rest.first == ")" {
      enumerator = marker
    } else {
      return text
    }
    let afterMarker = last == "." ? rest : rest.dropFirst()
    guard afterMarker.first == " " || afterMarker.isEmpty else { return text }
    let isNumber =
      !enumerator.isEmpty && enumerator.allSatisfy { $0.isNumber || $0 == "." } && enumerator.first?.isNumber == true
    let isRoman =
      (try? /^(XL|L?X{0,3})(IX|IV|V?I{0,3})$/.wholeMatch(in: enumerator.uppercased())) != nil && !enumerator.isEmpty
    let isLetter = enumerator.count == 1 && enumerator.first?.isLetter == true
    guard isNumber || isRoman || isLetter else { return text }
    return String(afterMarker.drop { $0 == " " })
  }

  /// Whether the heading plainly has no enumerator, read on its bytes: its first word of
  /// ASCII letters, digits and dots neither ends in `.` nor is followed by `)`. Most headings
  /// are such, and reading them as Characters was most of the section check's time.
  private static func hasNoEnumerator(_ text: String) -> Bool {
    let trimmed = text.utf8.drop { $0 == UInt8(ascii: " ") }
    let word = trimmed.prefix { byte in
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "."):
        true
      default: false
      }
    }
    let next = trimmed.dropFirst(word.count).first
    // A letter beyond ASCII, or a mark joined to the word's last letter: read as Characters.
    if let next, next >= 0x80 { return false }
    guard let last = word.last else { return true }
    return last != UInt8(ascii: ".") && next != UInt8(ascii: ")")
  }

  static func heading(_ heading: String, startsWith title: String) -> Bool {
    guard !title.isEmpty, heading.hasPrefix(title) else { return false }
    return heading.count == title.count || heading.dropFirst(title.count).first == " "
  }
}

extension ParsedDocument {
  /// The last line of the file, where something missing at the end would go.
  var endLocation: SourceLocation {
    SourceLocation(file: file, line: max(lastLine, bodyStartLine), column: 1)
  }
}

extension KindSpec {
  /// The titles of the required sections of `cycle` that no heading matches, in order.
  public func sectionsMissing(in cycle: Int?, headings: [Heading]) -> [String] {
    let normalised = headings.map { SectionSpec.normalise(SectionChecker.droppingEnumerator($0.text)) }
    return sections(in: cycle).filter { section in
      !section.optional
        && !normalised.contains { heading in
          section.normalizedTitles.contains { SectionChecker.heading(heading, startsWith: $0) }
        }
    }.map(\.title)
  }
}
