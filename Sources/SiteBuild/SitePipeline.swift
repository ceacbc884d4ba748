import Foundation
import SiteContent
import SiteLink
import SiteMarkdown
import SiteModel
import SiteRender
import SiteSupport
import SiteValidate

/// The content → parse → validate → link stages, written once for `build`, `check` and
/// `serve`. A full build is a pipeline run with nothing kept from before; the preview keeps
/// its pipeline, so a change re-reads, re-parses, re-checks and re-links only what it
/// touches. The commands differ only in what they ask of it: `check` stops before linking
/// and skips the HTML of the bodies; `build` and `serve` link and render.
///
/// Not thread-safe: one owner calls it from one task at a time.
public final class SitePipeline {
  public let options: BuildOptions
  private let renderHTML: Bool
  /// Whether the state for the next pass is kept (the preview); false for one pass.
  private let remembers: Bool

  /// The settings (`site.yml`, `people.yml`, `series.yml`) and the schema, as last read.
  public private(set) var config = SiteConfig()
  private var people: [Person] = []
  private var seriesRecords: [SeriesRecord] = []
  public private(set) var schema: ModalitiesSchema?
  private var checker: IncrementalChecker?
  private var settingsDiagnostics: [Diagnostic] = []
  private var content: ContentState
  private var index: SiteIndex?
  /// The documents whose page would take another's place (`PagePlan`), by document.
  private var collisions: [DocumentID: Diagnostic] = [:]
  /// The site as last linked, and the documents changed since.
  private var linked: LinkedSite?
  private var changedSinceLinked = Set<DocumentID>()

  /// What one pass through the stages found.
  public struct Checked: Sendable {
    /// Every problem of the site, sorted.
    public var diagnostics: [Diagnostic]
    /// The documents whose parsed value may differ from the previous pass (all on the first).
    public var changedDocuments: Set<DocumentID>
    /// Whether `site.yml`, `people.yml`, `series.yml` or the schema were read again.
    public var settingsReloaded: Bool
    /// How many Markdown files `content/` holds (drafts and unreadable ones included).
    public var sourceCount: Int
    /// Documents that cannot be read, as messages name their files.
    public var unreadableFiles: [String]
    /// Documents that cannot be read, by id: their pages keep their last version.
    public var unreadable: Set<DocumentID>
  }

  /// - Parameter renderHTML: false when only checking: the bodies are analysed (headings,
  ///   links, words) but not turned into HTML.
  /// - Parameter remembers: false when the pipeline runs once: the tables that make the
  ///   next pass incremental are not built.
  public init(options: BuildOptions, renderHTML: Bool = true, remembers: Bool = true) {
    self.options = options
    self.renderHTML = renderHTML
    self.remembers = remembers
    content = ContentState(
      layout: options.layout, includeDrafts: options.includeDrafts, jobs: options.jobs, keepsTexts: remembers,
      recordsInputs: renderHTML)
  }

  /// Reads, parses and checks what changed since the last pass.
  /// - Parameter changed: paths relative to the site folder (`content/2017/x.md`); nil
  ///   reads everything.
  func check(changed: Set<String>?, timer: inout StageTimer) -> Checked {
    let layout = options.layout
    let settingsChanged = changed?.contains(where: ContentWalker.isSettingsPath) ?? true
    let walks = settingsChanged || changed.map(needsWalk) ?? true
    // Listing content/ needs nothing of the settings: when both are due (a first pass),
    // the listing runs while the settings are read.
    let listing =
      settingsChanged ? Background { [options] in ContentWalker.walk(options.layout, jobs: options.jobs) } : nil
    if settingsChanged { loadSettings() }
    timer.lap("settings and schema")

    // content and parse: re-read and re-parse what changed.
    var markdownOptions = MarkdownOptions(unsafeHTML: config.unsafeHTML, reservedAnchors: PageAnchors.reserved)
    markdownOptions.renderHTML = renderHTML
    markdownOptions.wordCountKinds = schema.map(ModalitiesChecker.kindsCountingWords)
    var changes = content.update(
      changed: changed, walk: walks, listed: listing?.value, markdown: markdownOptions,
      languages: (config.language, config.translationLanguages), timer: &timer)
    // A translation's change reaches its document's page and inventory item.
    let translationLanguages = config.translationLanguages
    if !translationLanguages.isEmpty {
      changes.documents.formUnion(
        changes.documents.compactMap { $0.translation(languages: translationLanguages)?.source })
    }
    // Only a pass that links needs them (`check` does not).
    if renderHTML { changedSinceLinked.formUnion(changes.documents) }

    // validate: the documents the change can affect; the site's problems are all reported.
    var diagnostics = settingsDiagnostics + content.files.diagnostics + content.problems.values.joined()
    if content.files.markdown.isEmpty, content.files.diagnostics.isEmpty {
      diagnostics.append(Self.emptyContent(layout))
    }
    let patched =
      changes.membership
      ? nil : index?.replacing(changes.documents.compactMap { id in content.sources[id.rawValue + ".md"]?.parsed })
    let index = patched ?? SiteIndex(documents: content.parsedDocuments, people: people, series: seriesRecords)
    self.index = index
    timer.lap("index")
    if var incremental = checker {
      // The only copy while it is updated, so its tables change in place.
      checker = nil
      diagnostics += incremental.check(
        index, changed: changes.documents, unpublished: content.unpublished, unreadable: content.unreadable,
        jobs: options.jobs)
      checker = incremental
    }
    diagnostics += TranslationRule.check(
      index, unpublished: content.unpublished, unreadable: content.unreadable, schema: schema)
    if let request = schema?.translations {
      diagnostics += TranslationRule.check(request, languages: config.languages)
    }
    timer.lap("validate documents")
    if let schema {
      // The languages' folders hold the translations' pages.
      let reserved = PageCollisionRule.reservedFolders(schema).union(config.translationLanguages)
      if patched == nil {
        collisions = [:]
        let found = Parallel.map(index.documents, jobs: options.jobs) { document in
          PageCollisionRule.collision(of: document, reserved: reserved).map { (document.id, $0) }
        }
        for case (let id, let collision)? in found { collisions[id] = collision }
      } else {
        for id in changes.documents {
          collisions[id] = index[id].flatMap { PageCollisionRule.collision(of: $0, reserved: reserved) }
        }
      }
      diagnostics += collisions.values
    }
    diagnostics.sort()
    timer.lap("validate pages")
    return Checked(
      diagnostics: diagnostics, changedDocuments: changes.documents, settingsReloaded: settingsChanged,
      sourceCount: content.files.markdown.count,
      unreadableFiles: content.unreadable.map { layout.displayContent($0.contentPath) }.sorted(),
      unreadable: content.unreadable)
  }

  /// The cross-linked site of the last pass: the last one patched where the changes lie,
  /// else linked anew. Nil when the schema could not be read.
  /// - Parameter diagnostics: every problem of the site, for the pages that list them.
  func link(diagnostics: [Diagnostic], timer: inout StageTimer) -> LinkedSite? {
    guard let schema, let index else { return nil }
    let site = SiteLinker.link(
      config: config, schema: schema, index: index, diagnostics: diagnostics, previous: linked,
      changed: changedSinceLinked, jobs: options.jobs)
    if remembers { linked = site }
    changedSinceLinked = []
    timer.lap("link")
    return site
  }

  /// One pass with nothing kept for a next one: what `build` and `check` run.
  /// - Parameter endsProcess: the process exits after it, so what it read is not freed.
  /// - Returns: also, with `renderHTML`, the build cache's lines of the Markdown files as
  ///   read (see `ContentState.markdownInputs`).
  public static func load(
    _ options: BuildOptions, renderHTML: Bool = true, endsProcess: Bool = false
  ) -> (Checked, LinkedSite?, markdownInputs: [String: String]?) {
    var timer = StageTimer()
    let pipeline = SitePipeline(options: options, renderHTML: renderHTML, remembers: false)
    if endsProcess { KeptUntilExit.keep(pipeline) }
    let checked = pipeline.check(changed: nil, timer: &timer)
    // Checking needs no cross-linking: that is for the pages.
    let linked = renderHTML ? pipeline.link(diagnostics: checked.diagnostics, timer: &timer) : nil
    // Only a build records them, for its cache.
    return (checked, linked, renderHTML ? pipeline.content.markdownInputs() : nil)
  }

  /// Whether the changed paths may have added, removed or renamed files, so `content/`
  /// must be walked again; edits to known documents (and editors' hidden or temporary
  /// files that have gone again) need no walk.
  private func needsWalk(_ changed: Set<String>) -> Bool {
    changed.contains { path in
      guard path.hasPrefix("content/") else { return false }
      let relative = String(path.dropFirst(8))
      if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return false }
      let exists = FileManager.default.fileExists(atPath: options.layout.root.appendingPathComponent(path).path)
      if relative.hasSuffix(".md") { return !(exists && content.sources[relative] != nil) }
      if exists { return true }
      let folder = relative + "/"
      return content.sources.keys.contains { $0.hasPrefix(folder) }
    }
  }

  private func loadSettings() {
    var diagnostics: [Diagnostic] = []
    config = SiteSettings.loadConfig(options.layout, diagnostics: &diagnostics)
    if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
    people = SiteSettings.loadPeople(options.layout, diagnostics: &diagnostics)
    seriesRecords = SiteSettings.loadSeries(options.layout, diagnostics: &diagnostics)
    schema = SchemaLoader.load(options.layout, diagnostics: &diagnostics)
    checker = schema.map {
      IncrementalChecker(checker: ModalitiesChecker(schema: $0, diagnostics: &diagnostics), remembers: remembers)
    }
    settingsDiagnostics = diagnostics
    // People and the schema feed every check and every page: start afresh.
    linked = nil
    index = nil
  }

  /// A site without documents builds nothing worth publishing: say so.
  static func emptyContent(_ layout: SiteLayout) -> Diagnostic {
    Diagnostic(
      .error, .contentEmpty, "content/ has no Markdown documents",
      at: SourceLocation(file: layout.display("content")),
      help: "add documents such as content/2017/bpf/example/proposal.md, or start one with igfsite new")
  }
}
