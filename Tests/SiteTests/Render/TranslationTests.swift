import Foundation
import SiteBuild
import SiteModel
import TestSupport
import Testing

@testable import SiteRender

/// Translations by file (`roadmap.ar.md` beside `roadmap.md`): their pages under the
/// language's folder, the language switcher and `hreflang`, the translation status in the
/// inventories and the sitemap, and a translation that falls behind its document.
@Suite struct TranslationTests {
  static let siteSettings = """
    title: Fixture inventory
    description: A site written by a test.
    base_url: https://example.org/igf/
    language: en
    languages: [en, fr, ar]
    publisher: Test Secretariat
    """

  static let report = Documents.report(
    title: "Roadmap",
    extra: """
      summary: A roadmap for 2018.
      recommendations:
        - {id: rec-1, text: "Focus first."}
        - {id: rec-2, text: "Then commit."}
      """,
    body: "## Introduction\n\nSee the [meeting](../../2017/mag/2017-03-28-virtual-meeting-2.md).\n")

  static func arabic(version: String?) -> String {
    """
    ---
    title: خارطة طريق
    summary: خارطة طريق لعام 2018.
    \(version.map { "source_version: \"\($0)\"" } ?? "")
    recommendations:
      - {id: rec-1, text: "التركيز أولاً."}
      - {id: rec-2, text: "ثم الالتزام."}
    ---
    ## مقدمة

    انظر [الاجتماع](../../2017/mag/2017-03-28-virtual-meeting-2.md) و IGF 2018.
    """
  }

  /// The site with the Arabic translation following the report as it is now.
  static func site() throws -> FixtureSite {
    let site = try FixtureSite([
      "content/site.yml": siteSettings,
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2018/reports/roadmap.md": report,
      "content/2018/reports/roadmap.ar.md": arabic(version: nil),
    ])
    try site.write(arabic(version: try currentVersion(site)), to: "content/2018/reports/roadmap.ar.md")
    return site
  }

  /// The version of the report as `report` has it.
  static func reportVersion() throws -> String {
    try currentVersion(
      try FixtureSite([
        "content/site.yml": siteSettings, "content/2018/reports/roadmap.md": report,
        "content/2018/reports/roadmap.ar.md": arabic(version: nil),
      ]))
  }

  /// The version of the report the out-of-date warning asks the translation to name.
  static func currentVersion(_ site: FixtureSite) throws -> String {
    let warning = try #require(site.check().first { $0.rule.rawValue == "translation.out-of-date" })
    let help = try #require(warning.help)
    let quoted = try #require(help.split(separator: "\"").dropFirst().first)
    return String(quoted)
  }

  @Test func aTranslationIsPublishedUnderItsLanguageWithItsDocumentsFacts() throws {
    let site = try Self.site()
    let report = site.build()
    #expect(report.wrote, "\(report.diagnostics)")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    let page = try site.read("output/ar/2018/reports/roadmap/index.html")
    #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
    #expect(page.contains("<h1>خارطة طريق</h1>"))
    #expect(page.contains("<li id=\"rec-1\">التركيز أولاً.</li>"), "recommendations keep their ids")
    // The facts are the report's, the interface Arabic, the schema's words in its
    // `labels:` for Arabic; what only the English has (the site's title) is marked English.
    #expect(page.contains("Eva Berg"))
    #expect(page.contains("<a class=\"skip-link\" href=\"#main\">الانتقال إلى المحتوى الرئيسي</a>"))
    #expect(page.contains("<h2 id=\"about-heading\">عن هذه الوثيقة</h2>"))
    #expect(page.contains("<dt>النوع</dt><dd>تقرير</dd>"))
    #expect(page.contains("<a class=\"site-title\" href=\"../../../../ar/index.html\" lang=\"en\" dir=\"ltr\">"))
    #expect(page.contains("<strong>ترجمة.</strong> لغة هذا النص: العربية. لغة الأصل: الإنكليزية."))
    #expect(page.contains("<dt>الحالة</dt>"))
    #expect(page.contains("<time datetime=\"2018-02-10\">") && page.contains("فبراير"), "the date in Arabic")
    #expect(!page.contains("قد لا تكون محدَّثة"), "it follows the report")
    #expect(page.contains("\"inLanguage\":\"ar\",\"translationOfWork\""))
    // Links to other documents go to their pages from one folder deeper.
    #expect(page.contains("href=\"../../../../2017/mag/2017-03-28-virtual-meeting-2/index.html\""))
    let broken = try LinkChecker.brokenLinks(in: site.output)
    #expect(broken.isEmpty, "\(broken)")
  }

  @Test func bothVersionsNameEachOtherAndTheLanguagesTheyAreNotIn() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    let alternates = """
      <link rel="alternate" hreflang="en" href="https://example.org/igf/2018/reports/roadmap/">
      <link rel="alternate" hreflang="ar" href="https://example.org/igf/ar/2018/reports/roadmap/">
      <link rel="alternate" hreflang="x-default" href="https://example.org/igf/2018/reports/roadmap/">
      """
    for path in ["output/2018/reports/roadmap/index.html", "output/ar/2018/reports/roadmap/index.html"] {
      let page = try site.read(path)
      #expect(page.contains(alternates), "\(path) lists both versions and the default")
      #expect(page.contains(" <span lang=\"fr\" dir=\"ltr\">Français</span>.</p>"), "not in French")
    }
    let original = try site.read("output/2018/reports/roadmap/index.html")
    #expect(
      original.contains(
        "<a href=\"../../../ar/2018/reports/roadmap/index.html\" lang=\"ar\" dir=\"rtl\" hreflang=\"ar\">العربية</a>"))
    #expect(original.contains("<span lang=\"en\" dir=\"ltr\" aria-current=\"page\">English</span>"))
    // A page in one language only says so, and has no alternates.
    let meeting = try site.read("output/2017/mag/2017-03-28-virtual-meeting-2/index.html")
    #expect(!meeting.contains("hreflang=\"x-default\""))
    #expect(
      meeting.contains(
        "Not available in <span lang=\"fr\" dir=\"ltr\">Français</span>, <span lang=\"ar\" dir=\"rtl\">العربية</span>.")
    )
    let sitemap = try site.read("output/sitemap.xml")
    #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
    #expect(
      sitemap.contains(
        "<url><loc>https://example.org/igf/ar/2018/reports/roadmap/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/igf/2018/reports/roadmap/\"/>"
      ))
    // Each version of the report, the search page, and of every page in every language
    // (home, inventories, series, people, themes).
    #expect(
      sitemap.contains(
        "<url><loc>https://example.org/igf/ar/people/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/igf/people/\"/>"
      ))
    #expect(!sitemap.contains("404"), "the page not found is in no sitemap")
  }

  @Test func theInventoriesListTheLanguagesADocumentIsIn() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    let json = try site.read("output/2018/inventory.json")
    let compact = json.filter { !$0.isWhitespace }
    #expect(
      compact.contains(
        #""languages":[{"language":"en","url":"https://example.org/igf/2018/reports/roadmap/","translation":false,"#
          + #""follows_original":null},{"language":"ar","url":"https://example.org/igf/ar/2018/reports/roadmap/","#
          + #""translation":true,"follows_original":true}]"#))
    let csv = try site.read("output/2018/inventory.csv")
    #expect(
      csv.hasPrefix(
        "id,url,title,kind,cycle,status,date,facilitators,stakeholder_groups,themes,outputs,references,warnings,modalities,languages\r\n"
      ))
    #expect(csv.contains(",en; ar\r\n"))
    let inventory = try site.read("output/2018/index.html")
    #expect(
      inventory.contains(
        "<dt>Translations</dt><dd><ul class=\"values\"><li><a href=\"../ar/2018/reports/roadmap/index.html\" lang=\"ar\" dir=\"rtl\" hreflang=\"ar\">العربية</a></li></ul></dd>"
      ))
  }

  @Test func aTranslationBehindItsDocumentSaysItMayBeOutOfDate() throws {
    let site = try Self.site()
    let before = try Self.reportVersion()
    try site.write(
      Self.report.replacingOccurrences(of: "Focus first.", with: "Focus first, and early."),
      to: "content/2018/reports/roadmap.md")
    let report = site.build()
    #expect(report.wrote)
    let warning = try #require(report.diagnostics.first { $0.rule.rawValue == "translation.out-of-date" })
    #expect(warning.message.contains("the document has changed since this translation (source_version: \(before);"))
    #expect(warning.location.file.hasSuffix("roadmap.ar.md"))
    #expect(warning.location.line == 4)
    let page = try site.read("output/ar/2018/reports/roadmap/index.html")
    #expect(
      page.contains("تغيَّر الأصل بعد إعداد هذه الترجمة، فقد لا تكون محدَّثة."))
    #expect(try site.read("output/2018/inventory.json").contains("\"follows_original\": false"))
    #expect(
      try site.read("output/2018/index.html").contains("العربية</a> <span class=\"note\">(may be out of date)</span>"))
    // A change to a fact only does not date the translation.
    let facts = try Self.site()
    try facts.write(
      Self.report.replacingOccurrences(of: "status: final", with: "status: draft"),
      to: "content/2018/reports/roadmap.md")
    #expect(!facts.check().contains { $0.rule.rawValue == "translation.out-of-date" })
  }

  @Test func thePreviewFollowsTranslationsAsAFullBuildDoes() throws {
    let site = try Self.site()
    let preview = site.root.appendingPathComponent("preview-output")
    let session = SiteSession(options: site.options(drafts: true, output: preview))
    #expect(session.buildAll().succeeded)
    let version = try Self.reportVersion()
    let french = "---\ntitle: Feuille de route\nsource_version: \"\(version)\"\n---\n## Introduction\n\nTexte.\n"
    let edits: [(String, [String: String?])] = [
      ("add a French translation", ["content/2018/reports/roadmap.fr.md": french]),
      (
        "change the report's text",
        ["content/2018/reports/roadmap.md": Self.report.replacingOccurrences(of: "Then commit.", with: "Commit.")]
      ),
      (
        "retitle the Arabic translation",
        [
          "content/2018/reports/roadmap.ar.md": Self.arabic(version: version).replacingOccurrences(
            of: "خارطة طريق\n", with: "خارطة\n")
        ]
      ),
      ("remove the French translation", ["content/2018/reports/roadmap.fr.md": nil]),
    ]
    for (description, files) in edits {
      for (path, text) in files {
        if let text {
          try site.write(text, to: path)
        } else {
          try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
        }
      }
      let update = session.update(changed: Set(files.keys), deferringData: true)
      #expect(update.succeeded, "\(description): \(update.diagnostics)")
      if let followUp = update.followUp { session.absorb(followUp.run()) }
      let differing = try IncrementalBuildTests.filesDifferingFromAFullBuild(site, preview: preview)
      #expect(differing.isEmpty, "after \"\(description)\", these files differ from a full build: \(differing)")
    }
    #expect(
      !FileManager.default.fileExists(atPath: preview.appendingPathComponent("fr/2018/reports/roadmap/index.html").path)
    )
  }

  @Test func theSitesLanguagesAreLanguageTags() throws {
    let site = try FixtureSite([
      "content/site.yml": Self.siteSettings.replacingOccurrences(of: "[en, fr, ar]", with: "[en, French]"),
      "content/2018/reports/roadmap.md": Self.report,
    ])
    let problem = try #require(site.check().first { $0.rule.rawValue == "site.type" })
    #expect(problem.message == "\"French\" in languages is not a language tag")
    #expect(problem.location.line == 5)
    #expect(problem.help == "list the languages as BCP 47 tags: ar, zh, en, fr, ru, es")
  }

  @Test func aDocumentCannotSitInALanguagesFolder() throws {
    let site = try FixtureSite([
      "content/site.yml": Self.siteSettings,
      "content/fr/reports/roadmap.md": Self.report,
    ])
    #expect(site.check().contains { $0.rule.rawValue == "content.url-collision" && $0.message.contains("under fr/") })
  }

  /// The schema asks for reports in French and Arabic from 2018: the inventory lists what is
  /// missing, in its page and its data, and stops listing it once the translation is there.
  @Test func theInventoryListsTheTranslationsTheSchemaAsksFor() throws {
    let site = try Self.site()
    let schema = try site.read("content/modalities.yml")
    try site.write(
      schema + "\ntranslations: {kinds: [report], languages: [fr, ar], from: 2018}\n", to: "content/modalities.yml")
    try site.write(Documents.report(title: "Earlier", cycle: 2017), to: "content/2017/reports/earlier.md")
    #expect(site.build().wrote)
    let inventory = try site.read("output/2018/index.html")
    #expect(inventory.contains("Translations still missing"))
    #expect(inventory.contains("not yet in French (fr)"))
    #expect(!inventory.contains("Arabic (ar)"), "the report is in Arabic")
    #expect(try site.read("output/2018/inventory.json").contains("\"reason\": \"missing-translations\""))
    #expect(!(try site.read("output/2017/index.html")).contains("Translations still missing"), "asked from 2018")
    // In the preview, the French translation takes the report off the list.
    let preview = site.root.appendingPathComponent("preview-output")
    let session = SiteSession(options: site.options(drafts: true, output: preview))
    #expect(session.buildAll().succeeded)
    let french = "---\ntitle: Feuille de route\nsource_version: \"\(try Self.reportVersion())\"\n---\nTexte.\n"
    try site.write(french, to: "content/2018/reports/roadmap.fr.md")
    let update = session.update(changed: ["content/2018/reports/roadmap.fr.md"], deferringData: true)
    if let followUp = update.followUp { session.absorb(followUp.run()) }
    #expect(
      !(try String(contentsOf: preview.appendingPathComponent("2018/index.html"), encoding: .utf8)).contains(
        "not yet in French"))
    #expect(try IncrementalBuildTests.filesDifferingFromAFullBuild(site, preview: preview).isEmpty)
  }

  @Test func eachLanguageWithTranslationsHasItsFeeds() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    for path in ["output/ar/feed.xml", "output/ar/2018/feed.xml"] {
      let feed = try site.read(path)
      #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">"), "\(path)")
      #expect(feed.contains("<title>خارطة طريق</title>"))
      #expect(feed.contains("<published>2018-02-10T00:00:00Z</published>"), "the document's own date")
      #expect(
        feed.contains(
          "<link rel=\"alternate\" type=\"text/html\" hreflang=\"ar\" href=\"https://example.org/igf/ar/2018/reports/roadmap/\"/>"
        ))
      #expect(
        feed.contains(
          "<link rel=\"alternate\" type=\"text/html\" hreflang=\"en\" href=\"https://example.org/igf/2018/reports/roadmap/\"/>"
        ))
      #expect(feed.contains("<summary>خارطة طريق لعام 2018.</summary>"))
    }
    #expect(!site.exists("output/fr/feed.xml"), "no French translation, no French feed")
    #expect(!site.exists("output/ar/2017/feed.xml"), "no Arabic translation in 2017")
    #expect(try site.read("output/ar/2018/reports/roadmap/index.html").contains("href=\"../../../../ar/feed.xml\""))
  }

  /// The Arabic translations have their own index and search page; the default index keeps
  /// the documents in the default language.
  @Test func eachLanguageWithTranslationsHasItsSearch() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    let arabic = try SearchIndexReader(output: site.output.appendingPathComponent("ar"))
    #expect(arabic.manifest["documents"] as? Int == 1)
    #expect(arabic.manifest["lang"] as? String == "ar")
    #expect(arabic.manifest["dir"] as? String == "rtl")
    #expect(try arabic.postings(of: "خارطه")[0] == [0], "the title, as the index folds it")
    #expect(try arabic.postings(of: "انظر")[2] == [0], "the body")
    let fragment = try arabic.document(0)
    #expect(fragment["u"] as? String == "ar/2018/reports/roadmap/index.html")
    #expect(fragment["t"] as? String == "خارطة طريق")
    let english = try SearchIndexReader(output: site.output)
    #expect(try english.postings(of: "خارطه").allSatisfy(\.isEmpty))
    let page = try site.read("output/ar/search/index.html")
    #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
    #expect(page.contains("data-index=\"ar/search/\""))
    #expect(page.contains("<h1>بحث</h1>"))
    #expect(page.contains("&quot;searching&quot;:&quot;جارٍ البحث…&quot;"), "the script's texts in Arabic")
    // A page in Arabic searches the Arabic texts from its header.
    #expect(
      try site.read("output/ar/2018/reports/roadmap/index.html").contains(
        "<form class=\"site-search\" role=\"search\" action=\"../../../../ar/search/index.html\""))
    #expect(!site.exists("output/fr/search/index.html"), "no French translation, no French search")
  }

  /// The schema names the BPF proposal's sections in Spanish: a Spanish proposal is checked
  /// against its own headings; without Spanish titles, a translation is not checked.
  @Test func aTranslationIsCheckedAgainstTheSectionsInItsLanguage() throws {
    let files: [String: String?] = [
      "content/site.yml": Self.siteSettings.replacingOccurrences(of: "[en, fr, ar]", with: "[en, es, fr]"),
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(),
    ]
    let spanish = ["Tema propuesto", "Objetivos", "Resultados esperados", "Plan de difusión", "Calendario"]
    let english = [
      "Proposed Theme/Issue", "Objectives/Goals", "Expected Output(s)", "Outreach and Dissemination Plan/Strategy",
      "Timeframe",
    ]
    func translation(_ headings: [String]) -> String {
      "---\ntitle: BPF sobre contenido local\n---\n" + headings.map { "## \($0)\n\nTexto.\n" }.joined(separator: "\n")
    }
    let site = try FixtureSite(files)
    var schema = try site.read("content/modalities.yml")
    for (title, translated) in zip(
      english + ["Names of Co-Facilitator(s)"], spanish + ["Nombres de los cofacilitadores"])
    {
      schema = schema.replacingOccurrences(
        of: "        - {title: \(title)}\n", with: "        - {title: \(title), titles: {es: \(translated)}}\n")
    }
    #expect(schema.contains("titles: {es: Calendario}"), "the sample schema's 2017 template changed")
    try site.write(schema, to: "content/modalities.yml")
    let path = "content/2017/bpf/local-content/proposal.es.md"
    try site.write(translation(spanish), to: path)
    let missing = site.check().filter { $0.rule.rawValue == "bpf-proposal.sections" }
    #expect(missing.map(\.message) == ["section \"Nombres de los cofacilitadores\" is missing"])
    #expect(missing.first?.location.file.hasSuffix("proposal.es.md") == true)
    #expect(missing.first?.help == "add a heading \"## Nombres de los cofacilitadores\" with its text at the end")
    try site.write(translation(spanish + ["Nombres de los cofacilitadores"]), to: path)
    #expect(!site.check().contains { $0.rule.rawValue.hasPrefix("bpf-proposal.section") })
    // The template's own headings count too; their order is checked in Spanish terms.
    try site.write(translation(english + ["Nombres de los cofacilitadores"]), to: path)
    #expect(!site.check().contains { $0.rule.rawValue.hasPrefix("bpf-proposal.section") })
    try site.write(
      translation([spanish[1], spanish[0]] + spanish[2...] + ["Nombres de los cofacilitadores"]), to: path)
    #expect(
      site.check().filter { $0.rule.rawValue == "bpf-proposal.section-order" }.map(\.message) == [
        "section \"Objetivos\" comes before \"Tema propuesto\"; the modalities put it after"
      ])
    // In French, which the schema does not name, the translation is not checked.
    try site.write(translation(["Résumé"]), to: "content/2017/bpf/local-content/proposal.fr.md")
    #expect(
      !site.check().contains { $0.rule.rawValue == "bpf-proposal.sections" && $0.location.file.hasSuffix(".fr.md") })
  }

  /// A site whose default language is Arabic reads right to left throughout: every page
  /// `dir="rtl"` with its interface in Arabic, and the balance chart mirrored (labels on
  /// the right, bars growing leftwards).
  @Test func anArabicSiteReadsRightToLeftWithItsChartMirrored() throws {
    var files = InventoryFixture.files
    files["content/site.yml"] = Self.siteSettings.replacingOccurrences(of: "language: en", with: "language: ar")
      .replacingOccurrences(of: "[en, fr, ar]", with: "[ar, en]")
    let site = try FixtureSite(files)
    let report = site.build()
    #expect(report.wrote, "\(report.diagnostics)")
    let home = try site.read("output/index.html")
    #expect(home.contains("<html lang=\"ar\" dir=\"rtl\">"))
    #expect(home.contains("<h2 id=\"cycles-heading\">دورات منتدى إدارة الإنترنت</h2>"))
    #expect(home.contains("<a class=\"site-title\" href=\"index.html\">"), "the site's own language is not marked")
    #expect(home.contains("<span lang=\"en\" dir=\"ltr\">English</span>."), "the page is not in English")
    let cycle = try site.read("output/2017/index.html")
    let chart = try #require(cycle.firstMatch(of: /<svg class="balance-chart" viewBox="0 0 (\d+) \d+"[^>]*>.*?<\/svg>/))
    let width = try #require(Int(chart.output.1))
    let labelWidth = BalanceChart.labelWidth
    #expect(chart.output.0.contains("<text x=\"\(width)\" text-anchor=\"end\""), "labels on the right")
    let bars = chart.output.0.matches(of: /<rect x="(\d+)" y="\d+" width="(\d+)"/)
    #expect(!bars.isEmpty)
    for bar in bars {
      #expect(Int(bar.output.1).map { $0 + (Int(bar.output.2) ?? 0) } == width - labelWidth, "bars end at the labels")
    }
    // In English it runs left to right (the inventory's golden file has it).
    let golden = try String(contentsOf: Fixtures.url("golden/inventory-2017.html"), encoding: .utf8)
    #expect(golden.contains("<rect x=\"\(labelWidth)\"") && !golden.contains("text-anchor"))
  }

  /// The messages of the site's languages and of translations' front matter, each at its line.
  @Test func mistakesInTheLanguagesAndTranslationsAreNamed() throws {
    let settings = Self.siteSettings
    let site = try Self.site()
    try site.write(settings.replacingOccurrences(of: "language: en", with: "language: English"), to: "content/site.yml")
    let tag = try #require(site.check().first { $0.rule.rawValue == "site.type" })
    #expect(tag.message == "language must be a language tag such as en or fr, not \"English\"")
    #expect(tag.location.line == 4)
    try site.write(settings.replacingOccurrences(of: "[en, fr, ar]", with: "{fr: French}"), to: "content/site.yml")
    let list = try #require(site.check().first { $0.rule.rawValue == "site.type" })
    #expect(list.message == "\"languages\" should be a list of language tags, not a mapping")
    try site.write(settings, to: "content/site.yml")
    // A translation without its title; a fact repeated in another spelling is no conflict.
    try site.write(
      Self.arabic(version: try Self.reportVersion()).replacingOccurrences(
        of: "title: خارطة طريق\n", with: "cycle: \"2018\"\n"),
      to: "content/2018/reports/roadmap.ar.md")
    let problems = site.check()
    #expect(problems.map(\.message).contains("a translation gives its title in Arabic"))
    #expect(!problems.contains { $0.rule.rawValue == "translation.fact" }, "\(problems)")
  }

  /// A link to a translation goes to its page; a broken link in a translation is reported
  /// as in any document; a translation of a document that cannot be read says nothing more.
  @Test func linksToAndFromTranslationsAreChecked() throws {
    let site = try Self.site()
    try site.write(
      Documents.report(
        title: "Later", cycle: 2019,
        body: "## Introduction\n\nSee [the Arabic roadmap](../../2018/reports/roadmap.ar.md).\n"),
      to: "content/2019/reports/later.md")
    #expect(site.build().wrote)
    #expect(
      try site.read("output/2019/reports/later/index.html").contains(
        "href=\"../../../ar/2018/reports/roadmap/index.html\""))
    #expect(try LinkChecker.brokenLinks(in: site.output).isEmpty)
    try site.write(
      Self.arabic(version: try Self.reportVersion()) + "\n[مفقود](../../2017/mag/missing.md)\n",
      to: "content/2018/reports/roadmap.ar.md")
    let broken = try #require(site.check().first { $0.rule.rawValue == "references" })
    #expect(broken.location.file.hasSuffix("roadmap.ar.md"))
    try site.write("---\ntitle: [unclosed\n---\n", to: "content/2018/reports/roadmap.md")
    #expect(!site.check().contains { $0.rule.rawValue == "translation.no-document" })
  }

  /// A translation of a cycle's landing text is not published yet, and says so.
  @Test func aCycleLandingTranslationIsTheIntroductionOfItsInventory() throws {
    let site = try Self.site()
    try site.write("---\nkind: cycle\ntitle: IGF 2018\ncycle: 2018\n---\nText.\n", to: "content/2018/_cycle.md")
    try site.write(
      "---\ntitle: منتدى 2018\n---\nانظر [الاجتماع](../2017/mag/2017-03-28-virtual-meeting-2.md).\n",
      to: "content/2018/_cycle.ar.md")
    #expect(site.check().allSatisfy { $0.rule.rawValue == "translation.out-of-date" }, "\(site.check())")
    #expect(site.build().wrote)
    let inventory = try site.read("output/ar/2018/index.html")
    #expect(inventory.contains("<h1>منتدى 2018: جرد النتائج</h1>"))
    #expect(inventory.contains("<div class=\"cycle-intro\"><p>"))
    #expect(try LinkChecker.brokenLinks(in: site.output).isEmpty, "its links are made for its page")
    #expect(!site.exists("output/ar/2018/_cycle/index.html"))
  }

  /// The home page and each inventory exist in every language with translations: every
  /// document listed, in its translated title where there is one, the others marked with
  /// their language; their navigation stays in that language.
  @Test func theInventoriesAndTheHomePageExistInEachLanguage() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    let inventory = try site.read("output/ar/2018/index.html")
    #expect(inventory.contains("<html lang=\"ar\" dir=\"rtl\">"))
    #expect(inventory.contains("<h4><a href=\"../../ar/2018/reports/roadmap/index.html\">خارطة طريق</a></h4>"))
    #expect(inventory.contains("<h2 id=\"inventory-heading\">الجرد</h2>"))
    #expect(inventory.contains("عدد الوثائق: 1"))
    let home = try site.read("output/ar/index.html")
    #expect(home.contains("<li><a href=\"../ar/2018/index.html\">2018</a></li>"), "the cycles in Arabic")
    #expect(home.contains("<li><a href=\"../ar/2017/index.html\">2017</a></li>"))
    let older = try site.read("output/ar/2017/index.html")
    #expect(
      older.contains(
        "<a href=\"../../2017/mag/2017-03-28-virtual-meeting-2/index.html\" lang=\"en\" dir=\"ltr\" hreflang=\"en\">"),
      "an untranslated document links to the original, marked English")
    #expect(older.contains("<span class=\"note\">(الإنكليزية)</span>"))
    // The English inventory names its Arabic version.
    let english = try site.read("output/2018/index.html")
    #expect(english.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://example.org/igf/ar/2018/\">"))
    #expect(english.contains("<a href=\"../ar/2018/index.html\" lang=\"ar\" dir=\"rtl\" hreflang=\"ar\">العربية</a>"))
    #expect(try LinkChecker.brokenLinks(in: site.output).isEmpty)
  }

  /// Adding a language in the preview makes `proposal.fr.md` a translation, and removing it
  /// makes it an error again, as a full build would.
  @Test func thePreviewFollowsTheSitesLanguages() throws {
    let site = try Self.site()
    try site.write(
      "---\ntitle: Feuille de route\nsource_version: \"\(try Self.reportVersion())\"\n---\nTexte.\n",
      to: "content/2018/reports/roadmap.fr.md")
    try site.write(Self.siteSettings.replacingOccurrences(of: "[en, fr, ar]", with: "[en, ar]"), to: "content/site.yml")
    let preview = site.root.appendingPathComponent("preview-output")
    let session = SiteSession(options: site.options(drafts: true, output: preview))
    let first = session.buildAll()
    #expect(first.diagnostics.contains { $0.rule.rawValue == "translation.language" })
    try site.write(Self.siteSettings, to: "content/site.yml")
    let added = session.update(changed: ["content/site.yml"], deferringData: false)
    #expect(added.succeeded, "\(added.diagnostics)")
    #expect(!added.diagnostics.contains { $0.rule.rawValue == "translation.language" })
    #expect(
      FileManager.default.fileExists(atPath: preview.appendingPathComponent("fr/2018/reports/roadmap/index.html").path))
    try site.write(Self.siteSettings.replacingOccurrences(of: "[en, fr, ar]", with: "[en, ar]"), to: "content/site.yml")
    let removed = session.update(changed: ["content/site.yml"], deferringData: false)
    #expect(removed.diagnostics.contains { $0.rule.rawValue == "translation.language" })
  }
}
