import Foundation
import Mustache
import SiteContent
import SiteModel
import SiteSupport

/// The interface of the pages in one language: every text the templates print that is not
/// the content's, from the theme's `i18n/<language>.yml` (a site's own
/// `templates/i18n/<language>.yml` replaces keys of it). Templates print them as
/// `{{i18n.key}}`, written into each language's copy of the templates when they load;
/// texts with values (`{title}: outcome inventory`) are put together by the view models.
/// A language the theme has no file for has the English interface.
public struct InterfaceStrings: Sendable {
  public let language: String
  public let texts: [String: String]
  /// The site schema's `labels:` for this language, which name its groups before the
  /// theme's UN terms do.
  var schemaLabels: [String: String] = [:]

  init(language: String, texts: [String: String]) {
    self.language = language
    self.texts = texts
  }

  public subscript(_ key: String) -> String { texts[key] ?? key }

  /// The text of `key` with each `{name}` replaced by its value (a name without one stays).
  public func format(_ key: String, _ values: [String: String]) -> String {
    let text = self[key]
    // Found byte by byte: `{` and `}` are ASCII, so their positions are also the text's.
    let bytes = text.utf8
    guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return text }
    var result = ""
    result.reserveCapacity(bytes.count + 32)
    var rest = bytes.startIndex
    while true {
      result += text[rest..<open]
      guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else {
        rest = open
        break
      }
      let name = String(text[bytes.index(after: open)..<close])
      result += values[name] ?? String(text[open...close])
      rest = bytes.index(after: close)
      guard let next = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) else { break }
      open = next
    }
    return result + text[rest...]
  }

  /// A template's text with this language's `{{i18n.key}}` (escaped) and `{{{i18n.key}}}`
  /// (as written) in place; tags of keys it lacks stay, for the view model to answer.
  /// Found byte by byte (every tag is ASCII): a regular expression took a third of the
  /// time the templates take to load, once per language.
  func writtenIn(_ template: String) -> String {
    guard template.contains("i18n.") else { return template }
    let bytes = Array(template.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "{"), let tag = Self.i18nTag(in: bytes, at: index) else {
        result.append(bytes[index])
        index += 1
        continue
      }
      if let text = texts[tag.key] {
        result.append(contentsOf: (tag.raw ? text : HTMLText.escape(text)).utf8)
      } else {
        result.append(contentsOf: bytes[index..<tag.end])
      }
      index = tag.end
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// How a raw and an escaped tag open, the raw tried first.
  private static let i18nOpenings = [(3, Array("{{{i18n.".utf8)), (2, Array("{{i18n.".utf8))]

  /// The `{{{i18n.key}}}` (raw) or `{{i18n.key}}` tag at `start`, a key being of `a`–`z`
  /// and `_`, and the offset after it.
  private static func i18nTag(in bytes: [UInt8], at start: Int) -> (key: String, raw: Bool, end: Int)? {
    for (braces, prefix) in Self.i18nOpenings {
      guard bytes.count - start > prefix.count, bytes[start..<start + prefix.count].elementsEqual(prefix) else {
        continue
      }
      var end = start + prefix.count
      while end < bytes.count,
        (bytes[end] >= UInt8(ascii: "a") && bytes[end] <= UInt8(ascii: "z")) || bytes[end] == UInt8(ascii: "_")
      {
        end += 1
      }
      guard end > start + prefix.count, bytes.count - end >= braces,
        bytes[end..<end + braces].allSatisfy({ $0 == UInt8(ascii: "}") })
      else { continue }
      let key = String(decoding: bytes[start + prefix.count..<end], as: UTF8.self)
      return (key, braces == 3, end + braces)
    }
    return nil
  }

  /// A language's name in this language (`anglais` on a French page).
  public func name(of language: String) -> String {
    let primary = String(language.split(separator: "-").first ?? Substring(language))
    return texts["language_" + language] ?? texts["language_" + primary] ?? Language(language).englishName
  }

  /// A stakeholder or regional group's name in this language, in the UN's terms; as
  /// written when it is not one of the vocabulary's.
  public func group(_ name: String) -> String {
    if let label = schemaLabels[name] { return label }
    let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
      .reduce(into: "") { text, character in
        if character != "_" || text.last != "_" { text.append(character) }
      }
      .trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    return texts["group_" + slug] ?? texts["region_" + slug] ?? name
  }

  /// A number as this language writes it (`10,000`, `10 000`, `10.000`), by Foundation's
  /// locale formatting.
  public func number(_ value: Int) -> String {
    // Below a thousand every language the theme has writes the digits alone.
    guard value.magnitude >= 1000 else { return String(value) }
    return value.formatted(.number.locale(Locale(identifier: language)))
  }

  /// A date as this language writes it: `28 March 2017` in English (the UN's order),
  /// Foundation's long form in the others (`28 mars 2017`, `2017年3月28日`); a month or a
  /// year alone when the record knows no more.
  public func date(_ date: PartialDate) -> String {
    guard language.split(separator: "-").first != "en" else { return date.longForm }
    let locale = Locale(identifier: language)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    guard
      let day = calendar.date(
        from: DateComponents(year: date.year, month: date.month ?? 1, day: date.day ?? 1, hour: 12))
    else { return date.longForm }
    var style = Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone)
    if date.fullDay != nil {
      style = style.year().month(.wide).day()
    } else if date.month != nil {
      style = style.year().month(.wide)
    } else {
      style = style.year()
    }
    return day.formatted(style)
  }
}

/// The interface strings of every language the theme has, loaded with the templates.
enum InterfaceStringsLoader {
  /// The texts of `i18n/<language>.yml` files (built-in and the site's), by language; the
  /// site's keys replace the built-in ones.
  static func load(
    builtIn: [(path: String, text: String)], site: [(file: String, path: String, text: String)]
  )
    -> Result<[String: InterfaceStrings], DiagnosticsError>
  {
    var texts: [String: [String: String]] = [:]
    var diagnostics: [Diagnostic] = []
    let files = builtIn.map { (TemplateSet.builtInPrefix + $0.path, $0.path, $0.text) } + site
    for (file, path, text) in files {
      guard path.hasPrefix("i18n/"), path.hasSuffix(".yml") else { continue }
      let language = String(path.dropFirst("i18n/".count).dropLast(".yml".count))
      switch YAMLReader(file: file, rule: .templateSyntax).parse(text) {
      case .failure(let problem):
        diagnostics.append(problem)
      case .success(let node):
        for entry in node.entries ?? [] {
          guard let value = entry.value.scalarText, !value.contains("{{") else {
            diagnostics.append(
              Diagnostic(
                .error, .templateSyntax, "\"\(entry.key)\" must be a text without {{ tags }}",
                at: entry.value.location, help: "write key: \"text\", one per line"))
            continue
          }
          texts[language, default: [:]][entry.key] = value
        }
      }
    }
    guard diagnostics.isEmpty else { return .failure(DiagnosticsError(diagnostics)) }
    // A language the theme has only in part (a site's own `i18n/pt.yml`) has English for
    // the rest: no page loses a label.
    let english = texts["en"] ?? [:]
    return .success(
      texts.reduce(into: [:]) { loaded, entry in
        loaded[entry.key] = InterfaceStrings(
          language: entry.key, texts: english.merging(entry.value) { _, own in own })
      })
  }
}
