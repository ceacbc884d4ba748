import Foundation
import SiteBuild
import SiteModel
import TestSupport
import Testing

/// The pages every language with translations has beside the inventories (series, people,
/// themes, the page not found), and the texts the view models write: the schema's words
/// from its `labels:`, people's roles, what needs further attention, why the modalities did
/// not apply.
@Suite struct LocalizedPagesTests {
  static let settings = """
    title: Fixture inventory
    base_url: https://example.org/igf/
    language: en
    languages: [en, fr]
    """

  static let frenchSummary = """
    ---
    title: Réunion virtuelle II du GMC
    ---
    ## Résumé

    Le GMC s’est réuni.
    """

  /// A meeting summary with its French text, and an untranslated BPF proposal still pending.
  static func site(modalities: String? = nil) throws -> FixtureSite {
    var files = [
      "content/site.yml": settings,
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(),
      "content/2017/mag/2017-03-28-virtual-meeting-2.fr.md": frenchSummary,
      "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(),
    ]
    if let modalities { files["content/modalities.yml"] = modalities }
    return try FixtureSite(files)
  }

  @Test func seriesPeopleThemesAndThePageNotFoundExistInEachLanguage() throws {
    let site = try Self.site()
    let report = site.build()
    #expect(report.wrote, "\(report.diagnostics)")
    let people = try site.read("output/fr/people/index.html")
    #expect(people.contains("<html lang=\"fr\" dir=\"ltr\">"))
    #expect(people.contains("<title>Personnes · Fixture inventory</title>"))
    #expect(
      people.contains("<a href=\"../../fr/people/ana-gomez/index.html\" dir=\"auto\">Ana Gómez</a>"),
      "French pages link to French pages, names isolated from the page's direction")
    #expect(people.contains("<a href=\"../../people/index.html\" lang=\"en\" dir=\"ltr\" hreflang=\"en\">English</a>"))
    let person = try site.read("output/fr/people/ana-gomez/index.html")
    #expect(person.contains("<li>Coanimateur : ") || person.contains("<li>Coanimateur: "), "\(person)")
    #expect(person.contains("Participant (MAG Members)"))
    #expect(person.contains("<li><a href=\"../../../fr/themes/index.html\">Thèmes</a></li>"), "the header's links")
    let series = try site.read("output/fr/bpf/local-content/index.html")
    #expect(series.contains("Forum sur les bonnes pratiques au fil des cycles"))
    #expect(series.contains("<a href=\"../../../fr/2017/index.html\">2017</a>"))
    #expect(try site.read("output/fr/themes/index.html").contains("<h1>Thèmes</h1>"))
    let notFound = try site.read("output/fr/404.html")
    #expect(notFound.contains("<h1>Page introuvable</h1>"))
    #expect(notFound.contains("href=\"https://example.org/igf/fr/index.html\""), "absolute links, as at the root")
    // The English pages are as they were.
    #expect(
      !(try site.read("output/people/index.html")).contains("dir=\"auto\""), "the default language's as they were")
    let english = try site.read("output/people/ana-gomez/index.html")
    #expect(english.contains("<li>Co-facilitator: "))
    #expect(
      english.contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/igf/fr/people/ana-gomez/\">")
    )
    #expect(try LinkChecker.brokenLinks(in: site.output).isEmpty)
  }

  @Test func theInventorySaysWhatNeedsAttentionInItsLanguage() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    let inventory = try site.read("output/fr/2017/index.html")
    #expect(inventory.contains("Forum sur les bonnes pratiques : aucun résultat publié pour 2017"))
    #expect(inventory.contains("statut : proposée"))
    #expect(inventory.contains("<span class=\"status status-proposed\">proposée</span>"), "the class keeps the value")
    #expect(inventory.contains("Proposition de forum sur les bonnes pratiques (1)"))
    #expect(!inventory.contains("no output published"))
    let english = try site.read("output/2017/index.html")
    #expect(english.contains("Best Practice Forum: no output published for 2017"))
    #expect(english.contains("<span class=\"status status-proposed\">proposed</span>"))
    // The data keeps the schema's words.
    let data = try site.read("output/2017/inventory.json")
    #expect(data.contains("\"detail\":\"status: proposed\"") || data.contains("\"detail\": \"status: proposed\""))
  }

  @Test func everyLinkOfAPageInALanguageStaysInIt() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    let inventory = try site.read("output/fr/2017/index.html")
    #expect(
      inventory.contains(
        "<a href=\"../../fr/index.html\">Accueil</a> · <a href=\"../../fr/themes/index.html\">Thèmes</a> · <a href=\"../../fr/people/index.html\">Personnes</a>"
      ), "the footer")
    #expect(
      try site.read("output/fr/404.html").contains(
        "<a href=\"https://example.org/igf/fr/index.html\">Aller à la page d’accueil</a>"))
    let search = try site.read("output/fr/search/index.html")
    #expect(search.contains("<a href=\"../../fr/themes/index.html\">"), "the links without JavaScript")
    // A cycle's landing text links to its French inventory.
    let summary = try site.read("output/fr/2017/mag/2017-03-28-virtual-meeting-2/index.html")
    #expect(!summary.contains("href=\"../../../../2017/index.html\""), "\(summary)")
  }

  /// Retitling a translation in the preview re-renders the pages in its language that list
  /// its document (its series', its people's), as a full build would.
  @Test func thePreviewFollowsATranslationOnEveryPageInItsLanguage() throws {
    let site = try Self.site()
    try site.write("---\ntitle: Contenu local\n---\nTexte.\n", to: "content/2017/bpf/local-content/proposal.fr.md")
    let preview = site.root.appendingPathComponent("preview-output")
    let session = SiteSession(options: site.options(drafts: true, output: preview))
    #expect(session.buildAll().succeeded)
    try site.write("---\ntitle: Contenus locaux\n---\nTexte.\n", to: "content/2017/bpf/local-content/proposal.fr.md")
    let update = session.update(changed: ["content/2017/bpf/local-content/proposal.fr.md"], deferringData: true)
    #expect(update.succeeded, "\(update.diagnostics)")
    if let followUp = update.followUp { session.absorb(followUp.run()) }
    let series = try String(
      contentsOf: preview.appendingPathComponent("fr/bpf/local-content/index.html"), encoding: .utf8)
    #expect(series.contains("Contenus locaux"))
    let differing = try IncrementalBuildTests.filesDifferingFromAFullBuild(site, preview: preview)
    #expect(differing.isEmpty, "these files differ from a full build: \(differing)")
  }

  @Test func aTranslationsParagraphLinksAreLabelledInItsLanguage() throws {
    let site = try Self.site()
    #expect(site.build().wrote)
    let french = try site.read("output/fr/2017/mag/2017-03-28-virtual-meeting-2/index.html")
    #expect(french.contains("aria-label=\"Lien vers ce paragraphe\">¶</a>"))
    #expect(!french.contains("aria-label=\"Link to"))
    let english = try site.read("output/2017/mag/2017-03-28-virtual-meeting-2/index.html")
    #expect(english.contains("aria-label=\"\(ParagraphLinkLabel.plain)\">¶</a>"))
  }

  @Test func aWordWithoutItsLabelInALanguageIsMarkedAsTheSites() throws {
    let sample = try String(
      contentsOf: SharedFiles.packageRoot.appendingPathComponent("content/modalities.yml"), encoding: .utf8)
    let withoutLabels = try #require(sample.components(separatedBy: "\nlabels:\n").first)
    #expect(withoutLabels.count < sample.count)
    let site = try Self.site(modalities: withoutLabels)
    #expect(site.build().wrote)
    let page = try site.read("output/fr/2017/mag/2017-03-28-virtual-meeting-2/index.html")
    #expect(page.contains("<dt>Type</dt><dd><span lang=\"en\" dir=\"ltr\">MAG meeting summary</span></dd>"), "\(page)")
    #expect(page.contains("<dt lang=\"en\" dir=\"ltr\">Meeting</dt>"))
    let labelled = try Self.site()
    #expect(labelled.build().wrote)
    let translated = try labelled.read("output/fr/2017/mag/2017-03-28-virtual-meeting-2/index.html")
    #expect(!translated.contains("<span lang=\"en\" dir=\"ltr\">MAG meeting summary</span>"))
    #expect(!translated.contains("<dt lang=\"en\" dir=\"ltr\">Meeting</dt>"))
  }
}
