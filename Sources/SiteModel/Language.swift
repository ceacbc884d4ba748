/// What igfsite knows of a language a site publishes in: its name in itself (what a
/// language switcher shows), its name in English (what messages say) and its direction.
/// The six UN languages are listed; another tag is shown as written, left to right.
public struct Language: Sendable, Hashable {
  public let code: String
  /// The language's own name for itself: `Français`, `العربية`.
  public let name: String
  public let englishName: String
  public let isRightToLeft: Bool

  /// The six official languages of the United Nations, in the UN's order.
  public static let unLanguages: [Language] = [
    Language(code: "ar", name: "العربية", englishName: "Arabic", isRightToLeft: true),
    Language(code: "zh", name: "中文", englishName: "Chinese", isRightToLeft: false),
    Language(code: "en", name: "English", englishName: "English", isRightToLeft: false),
    Language(code: "fr", name: "Français", englishName: "French", isRightToLeft: false),
    Language(code: "ru", name: "Русский", englishName: "Russian", isRightToLeft: false),
    Language(code: "es", name: "Español", englishName: "Spanish", isRightToLeft: false),
  ]

  /// Other languages written right to left, so that a site in one gets `dir="rtl"`.
  private static let otherRightToLeft: Set<String> = ["he", "fa", "ur", "ps", "yi", "dv", "ku", "sd", "ug"]

  public init(code: String, name: String, englishName: String, isRightToLeft: Bool) {
    self.code = code
    self.name = name
    self.englishName = englishName
    self.isRightToLeft = isRightToLeft
  }

  /// The language of a BCP 47 tag (`fr`, `zh-Hans`), by its first part.
  public init(_ tag: String) {
    let primary = String(tag.split(separator: "-").first ?? Substring(tag)).lowercased()
    if let known = Self.unLanguages.first(where: { $0.code == primary }) {
      self.init(code: tag, name: known.name, englishName: known.englishName, isRightToLeft: known.isRightToLeft)
    } else {
      self.init(code: tag, name: tag, englishName: tag, isRightToLeft: Self.otherRightToLeft.contains(primary))
    }
  }

  /// `rtl` or `ltr`, for `<html dir>`.
  public var direction: String { isRightToLeft ? "rtl" : "ltr" }

  /// Whether a text is a language tag igfsite accepts: a primary language of two or three
  /// letters, then subtags of letters and digits (`fr`, `zh-Hans`, `es-419`).
  public static func isTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase })
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}

extension DocumentID {
  /// For a translation's file (`proposal.fr.md`), the document it translates and its
  /// language, given the site's languages other than the default; nil for a document.
  public func translation(languages: Set<String>) -> (source: DocumentID, language: String)? {
    // Found on the bytes (`.` and `/` are ASCII): every document's id is asked.
    guard !languages.isEmpty, let dot = rawValue.utf8.lastIndex(of: UInt8(ascii: ".")),
      !rawValue.utf8[dot...].contains(UInt8(ascii: "/"))
    else { return nil }
    let language = String(rawValue[rawValue.index(after: dot)...])
    guard languages.contains(language) else { return nil }
    return (DocumentID(String(rawValue[..<dot])), language)
  }

  /// The suffix of a file name that is a UN language's code (`en` in `proposal.en`),
  /// for telling the writer of `proposal.en.md` or of a language the site does not list.
  public var languageSuffix: String? {
    guard let dot = rawValue.utf8.lastIndex(of: UInt8(ascii: ".")),
      !rawValue.utf8[dot...].contains(UInt8(ascii: "/"))
    else { return nil }
    let suffix = String(rawValue[rawValue.utf8.index(after: dot)...])
    return Language.unLanguages.contains(where: { $0.code == suffix }) ? suffix : nil
  }
}
