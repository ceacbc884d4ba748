import Foundation
import SiteModel
import TestSupport
import Testing

@testable import SiteRender

/// The interface in the six UN languages: every file has every key and no other, every key
/// a template prints is there, every key is used, a site may replace some, and dates read
/// as each language writes them (Foundation's formatting, on this Linux).
@Suite struct InterfaceStringsTests {
  static let languages = ["ar", "zh", "en", "fr", "ru", "es"]

  static func builtIn() throws -> [String: InterfaceStrings] {
    let site = try FixtureSite()
    return try TemplateSet.load(site.layout).get().interface
  }

  @Test func everyLanguageHasEveryKeyAndNoOther() throws {
    let interface = try Self.builtIn()
    let english = try #require(interface["en"]).texts
    #expect(english.count > 100)
    for language in Self.languages {
      let texts = try #require(interface[language], "theme/i18n/\(language).yml").texts
      let missing = Set(english.keys).subtracting(texts.keys).sorted()
      let extra = Set(texts.keys).subtracting(english.keys).sorted()
      #expect(missing.isEmpty, "\(language).yml lacks \(missing)")
      #expect(extra.isEmpty, "\(language).yml has keys English does not: \(extra)")
      #expect(texts.values.allSatisfy { !$0.isEmpty }, "\(language).yml has an empty text")
      // A text with values keeps them, whatever the language does with the words around.
      for (key, text) in english {
        let names = Set(text.matches(of: /\{([a-z]+)\}/).map { String($0.output.1) })
        let translated = Set((texts[key] ?? "").matches(of: /\{([a-z]+)\}/).map { String($0.output.1) })
        #expect(names == translated, "\(language).yml \(key): \(translated.sorted()) for \(names.sorted())")
      }
    }
  }

  @Test func everyKeyIsPrintedOrUsedAndEveryPrintedKeyIsThere() throws {
    let english = try #require(try Self.builtIn()["en"]).texts
    let templates = TemplateSet.builtInFiles.filter { $0.path.hasSuffix(".mustache") }.map(\.text).joined()
    let printed = Set(templates.matches(of: /i18n\.([a-z_]+)/).map { String($0.output.1) })
    #expect(
      printed.subtracting(english.keys).isEmpty, "printed but not in en.yml: \(printed.subtracting(english.keys))")
    // The view models and the search page name the others in Swift.
    let sources = try FileManager.default.subpathsOfDirectory(
      atPath: SharedFiles.packageRoot.appendingPathComponent("Sources/SiteRender").path
    )
    .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("BuiltInTheme.swift") }
    .map {
      try String(
        contentsOf: SharedFiles.packageRoot.appendingPathComponent("Sources/SiteRender/\($0)"), encoding: .utf8)
    }
    .joined()
    let named = Set(sources.matches(of: /"([a-z_]+)"/).map { String($0.output.1) })
    let unused = english.keys.filter { key in
      !printed.contains(key) && !named.contains(key)
        && !["language_", "group_", "region_", "documents_", "items_", "roles_", "role_", "attention_"].contains(
          where: key.hasPrefix)
    }
    #expect(unused.isEmpty, "keys nothing uses: \(unused.sorted())")
  }

  @Test func theParagraphLinksEnglishLabelIsTheMarkdownLayers() throws {
    let english = try #require(try Self.builtIn()["en"])
    #expect(english.format("paragraph_link", ["number": "7"]) == ParagraphLinkLabel.numbered + "7")
    #expect(english["paragraph_link_this"] == ParagraphLinkLabel.plain)
  }

  @Test func numbersReadAsEachLanguageWritesThem() throws {
    let interface = try Self.builtIn()
    // French groups with a narrow no-break space, Russian with a no-break space.
    // Arabic in Western digits, as UN Arabic documents write them (and as below a thousand).
    let expected = [
      "en": "10,000", "fr": "10\u{202F}000", "es": "10.000", "ru": "10\u{00A0}000", "zh": "10,000", "ar": "10,000",
    ]
    for (language, text) in expected {
      let strings = try #require(interface[language])
      #expect(strings.number(10_000) == text, "\(language)")
      #expect(strings.number(999) == "999")
      #expect(Format.count(12_345, "document", in: strings).contains(strings.number(12_345)))
    }
  }

  @Test func datesReadAsEachLanguageWritesThem() throws {
    let interface = try Self.builtIn()
    let day = PartialDate(try #require(CalendarDate(year: 2017, month: 3, day: 28)))
    let month = try #require(PartialDate(year: 2020, month: 11))
    let year = try #require(PartialDate(year: 2018))
    let expected: [String: [String]] = [
      "en": ["28 March 2017", "November 2020", "2018"],
      "fr": ["28 mars 2017", "novembre 2020", "2018"],
      "es": ["28 de marzo de 2017", "noviembre de 2020", "2018"],
      // Russian puts a narrow no-break space before "г." (year).
      "ru": ["28 марта 2017\u{202F}г.", "ноябрь 2020\u{202F}г.", "2018"],
      "zh": ["2017年3月28日", "2020年11月", "2018年"],
    ]
    for (language, dates) in expected {
      let strings = try #require(interface[language])
      #expect([strings.date(day), strings.date(month), strings.date(year)] == dates, "\(language)")
    }
    let arabic = try #require(interface["ar"]).date(day)
    #expect(arabic.contains("مارس") && arabic.contains("2017"), "\(arabic)")
  }

  @Test func groupsAreNamedInTheUNsTerms() throws {
    let interface = try Self.builtIn()
    #expect(try #require(interface["fr"]).group("Civil Society") == "Société civile")
    #expect(
      try #require(interface["es"]).group("Latin American and Caribbean Group (GRULAC)")
        == "Grupo de los Estados de América Latina y el Caribe (GRULAC)")
    #expect(try #require(interface["zh"]).group("Western European and Others Group (WEOG)") == "西欧和其他国家组")
    #expect(try #require(interface["ar"]).group("Private Sector") == "القطاع الخاص")
    #expect(try #require(interface["ru"]).group("Academia") == "Academia", "a group the UN list lacks stays as written")
  }

  @Test func aSiteReplacesSomeTextsAndAMistakeIsNamed() throws {
    let site = try TranslationTests.site()
    try site.write("search: \"ابحث\"\n", to: "templates/i18n/ar.yml")
    #expect(site.build().wrote)
    let page = try site.read("output/ar/2018/reports/roadmap/index.html")
    #expect(page.contains("<button type=\"submit\">ابحث</button>"), "the site's text")
    #expect(page.contains("<h2 id=\"about-heading\">عن هذه الوثيقة</h2>"), "the theme's for the rest")
    try site.write("search: [not, a, text]\n", to: "templates/i18n/ar.yml")
    let problem = try #require(site.check().first { $0.rule.rawValue == "template.syntax" })
    #expect(problem.message == "\"search\" must be a text without {{ tags }}")
    #expect(problem.location.file == "templates/i18n/ar.yml")
    #expect(problem.location.line == 1)
  }

  /// A language the theme has no texts for gets English, and a site's file with some keys
  /// of a new language gets English for the others; a text may not hold a tag, and a file
  /// that is not YAML is named at its line.
  @Test func aLanguageWithoutTextsGetsEnglishAndMistakesAreNamed() throws {
    let site = try FixtureSite([
      "content/site.yml": TranslationTests.siteSettings.replacingOccurrences(of: "language: en", with: "language: de")
        .replacingOccurrences(of: "[en, fr, ar]", with: "[de]"),
      "content/2018/reports/roadmap.md": Documents.report(title: "Roadmap"),
      "templates/i18n/de.yml": "search: \"Suchen\"\n",
    ])
    #expect(site.build().wrote)
    let page = try site.read("output/2018/reports/roadmap/index.html")
    #expect(page.contains("<html lang=\"de\" dir=\"ltr\">"))
    #expect(page.contains("<button type=\"submit\">Suchen</button>"), "the site's own text")
    #expect(page.contains("<h2 id=\"about-heading\">About this document</h2>"), "English for the rest")
    try site.write("search: \"{{site.title}}\"\n", to: "templates/i18n/de.yml")
    #expect(
      site.check().first { $0.rule.rawValue == "template.syntax" }?.message
        == "\"search\" must be a text without {{ tags }}")
    try site.write("search: \"unclosed\n", to: "templates/i18n/de.yml")
    let syntax = try #require(site.check().first { $0.rule.rawValue == "template.syntax" })
    #expect(syntax.location.file == "templates/i18n/de.yml")
    #expect(syntax.location.line >= 1)
  }

  @Test func placeholdersAreFilledAndAnUnclosedBraceStays() {
    let strings = InterfaceStrings(
      language: "en", texts: ["a": "{title}: {count} of {title}", "b": "a {b", "c": "{x} y"])
    #expect(strings.format("a", ["title": "T", "count": "3"]) == "T: 3 of T")
    #expect(strings.format("b", ["b": "no"]) == "a {b")
    #expect(strings.format("c", [:]) == "{x} y")
  }

  /// The tags put in as a template loads: raw in three braces, escaped in two, a key the
  /// language lacks left for the view model, and braces that only look like a tag alone.
  @Test func tagsAreWrittenInTheTemplate() {
    let strings = InterfaceStrings(language: "fr", texts: ["search": "Chercher", "a_b": "x < y"])
    #expect(strings.writtenIn("<p>{{i18n.search}}</p>") == "<p>Chercher</p>")
    #expect(strings.writtenIn("{{{i18n.a_b}}} {{i18n.a_b}}") == "x < y x &lt; y")
    #expect(strings.writtenIn("{{i18n.missing}} {{{i18n.missing}}}") == "{{i18n.missing}} {{{i18n.missing}}}")
    // Three braces opened and two closed: the tag is the two inside.
    #expect(strings.writtenIn("{{{i18n.search}}") == "{Chercher")
    #expect(
      strings.writtenIn("{{i18n.}} {{i18n.Search}} {{i18n.search} é{{i18n.search}}")
        == "{{i18n.}} {{i18n.Search}} {{i18n.search} éChercher")
    #expect(strings.writtenIn("no tags, {{title}}") == "no tags, {{title}}")
  }
}
