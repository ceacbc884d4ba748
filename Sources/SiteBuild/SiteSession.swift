import Foundation
import SiteContent
import SiteLink
import SiteMarkdown
import SiteModel
import SiteRender
import SiteValidate
import SiteWrite

/// A site kept loaded between builds, for the preview server: after the first build, a
/// change re-reads only the files that changed, re-renders only the pages the change
/// affects and rewrites only the files whose bytes differ.
///
/// Content problems (missing fields and sections, rules, broken references) are what a
/// facilitator previewing a draft is working on: the site is rendered through them, each
/// document's page listing its own. Only what cannot be rendered at all keeps the last
/// good version: a settings file, the schema or a template with errors keeps the whole
/// site's; a document whose file cannot be read keeps its own page.
///
/// Not thread-safe: its owner (the preview server's actor) calls it from one task at a time.
public final class SiteSession {
  public let options: BuildOptions

  /// What one update did.
  public struct Update: Sendable {
    /// Every problem of the site now (errors keep the previous output).
    public var diagnostics: [Diagnostic]
    /// Whether the output now reflects the content (false when errors kept the last build).
    public var succeeded: Bool
    /// The errors that kept the last good build (settings, schema, templates): empty when
    /// the site was rendered.
    public var blockedBy: [Diagnostic]
    /// Documents (as messages name their files) that cannot be read: their pages, if they
    /// had one, show the last version that could be read.
    public var unreadable: [String]
    /// Files written or removed, relative to the output folder.
    public var written: [String]
    public var removed: [String]
    public var pagesRendered: Int
    public var seconds: Double
  }

  private var config = SiteConfig()
  private var people: [Person] = []
  private var seriesRecords: [SeriesRecord] = []
  private var schema: ModalitiesSchema?
  private var checker: IncrementalChecker?
  private var settingsDiagnostics: [Diagnostic] = []
  private var templates: Result<TemplateSet, DiagnosticsError> = .failure(DiagnosticsError([]))
  private var content: ContentState
  /// The index of the published documents as last checked.
  private var index: SiteIndex?
  /// The site as last written, the documents changed since, and the hashes of the bytes of
  /// every file written.
  private var lastGood: LinkedSite?
  private var changedSinceLastGood = Set<DocumentID>()
  private var writtenHashes: [String: UInt64] = [:]
  /// The output files each page produced when last rendered.
  private var filesByPage: [SitePage: [String]] = [:]
  private var renderCache = RenderCache()

  public init(options: BuildOptions) {
    self.options = options
    content = ContentState(layout: options.layout, includeDrafts: options.includeDrafts, jobs: options.jobs)
  }

  /// Builds everything (the first build, or after the settings or templates change).
  public func buildAll() -> Update {
    update(changed: nil)
  }

  /// Updates the output after files changed. `changed` holds paths relative to the site
  /// folder (`content/2017/x.md`, `templates/layout.mustache`); nil reloads everything.
  public func update(changed: Set<String>?) -> Update {
    let start = Date()
    var timer = StageTimer()
    let layout = options.layout
    let settingsChanged =
      changed?.contains { $0.hasPrefix("content/") && $0.hasSuffix(".yml") && !$0.dropFirst(8).contains("/") } ?? true
    let templatesChanged = changed?.contains { $0.hasPrefix("templates/") } ?? true
    if settingsChanged { loadSettings() }
    if templatesChanged { templates = TemplateSet.load(layout) }
    timer.lap("settings and templates")

    // content: re-read and re-parse what changed.
    let markdownOptions = MarkdownOptions(unsafeHTML: config.unsafeHTML, reservedAnchors: PageAnchors.reserved)
    let changes = content.update(
      changed: changed, walk: settingsChanged || changed.map(needsWalk) ?? true, markdown: markdownOptions,
      timer: &timer)
    changedSinceLastGood.formUnion(changes.documents)

    // validate: the documents the change can affect; the site's problems are all reported.
    var diagnostics = settingsDiagnostics + content.files.diagnostics + content.problems.values.joined()
    if content.files.markdown.isEmpty, content.files.diagnostics.isEmpty {
      diagnostics.append(SiteLoader.emptyContent(layout))
    }
    if case .failure(let error) = templates { diagnostics += error.diagnostics }
    let patched =
      changes.membership
      ? nil : index?.replacing(changes.documents.compactMap { id in content.sources[id.rawValue + ".md"]?.parsed })
    let index = patched ?? SiteIndex(documents: content.parsedDocuments, people: people, series: seriesRecords)
    self.index = index
    if var incremental = checker {
      // The only copy while it is updated, so its tables change in place.
      checker = nil
      diagnostics += incremental.check(
        index, changed: changes.documents, unpublished: content.unpublished, unreadable: content.unreadable,
        jobs: options.jobs)
      checker = incremental
    }
    if let schema { diagnostics += PagePlan.collisions(index, schema: schema) }
    diagnostics.sort()
    let unreadableFiles = content.unreadable.map { layout.displayContent($0.contentPath) }.sorted()
    func finish(_ succeeded: Bool, written: [String] = [], removed: [String] = [], pages: Int = 0) -> Update {
      Update(
        diagnostics: diagnostics, succeeded: succeeded,
        blockedBy: succeeded ? [] : diagnostics.filter { $0.severity == .error },
        unreadable: unreadableFiles, written: written, removed: removed, pagesRendered: pages,
        seconds: Date().timeIntervalSince(start))
    }
    guard !diagnostics.contains(where: isUnrenderable), let schema, case .success(let templateSet) = templates else {
      return finish(false)
    }
    timer.lap("validate")
    // link: patch the last site where the change lies, else link anew.
    let linked =
      lastGood.flatMap { SiteLinker.relink($0, index: index, changed: changedSinceLastGood, diagnostics: diagnostics) }
      ?? SiteLinker.link(config: config, schema: schema, index: index, diagnostics: diagnostics, jobs: options.jobs)
    timer.lap("link")

    // render and write what the change affects.
    let allPages = linked.allPages
    var pages = allPages
    if !templatesChanged, let previous = lastGood,
      let affected = ChangeImpact.pages(from: previous, to: linked, changed: changedSinceLastGood)
    {
      let sorted = affected.sorted()
      pages = sorted.filter(\.gathersManyDocuments) + sorted.filter { !$0.gathersManyDocuments }
    }
    timer.lap("impact (\(pages.count) pages)")
    var cycles = Set<Int>()
    for page in pages { if case .cycleData(let year) = page { cycles.insert(year) } }
    renderCache.forgetCycles(cycles.count == linked.cycles.count ? nil : cycles)
    let renderer = SiteRenderer(site: linked, templates: templateSet, cache: renderCache)
    let rendered = Parallel.map(pages, jobs: options.jobs) { ($0, renderer.render($0)) }
    timer.lap("render")
    diagnostics += renderer.missing.diagnostics
    guard !renderer.missing.diagnostics.hasErrors else { return finish(false) }
    do {
      let kept = Set(content.unreadable.map(SitePage.document))
      let (written, removed) = try writeChanges(rendered, allPages: allPages, keeping: kept)
      timer.lap("write")
      lastGood = linked
      changedSinceLastGood = []
      return finish(true, written: written, removed: removed, pages: pages.count)
    } catch {
      diagnostics += error.diagnostics
      return finish(false)
    }
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

  /// An error the site cannot be rendered through: one in a settings file, the schema or a
  /// template, or an empty site. Documents' own errors are not.
  private func isUnrenderable(_ diagnostic: Diagnostic) -> Bool {
    guard diagnostic.severity == .error else { return false }
    let file = diagnostic.location.file
    return diagnostic.rule == "content.empty" || file.hasPrefix(options.layout.display("templates/"))
      || ContentWalker.settingsFiles.contains { file == options.layout.displayContent($0) }
  }

  /// Writes the files whose bytes changed, and removes the files of pages that are gone
  /// (but for those `keeping`: pages of documents that cannot be read just now).
  private func writeChanges(
    _ rendered: [(SitePage, [OutputFile])], allPages: [SitePage], keeping: Set<SitePage>
  ) throws(DiagnosticsError) -> ([String], [String]) {
    var changedFiles: [OutputFile] = []
    var hashes = writtenHashes
    var owners = filesByPage
    let newHashes = Parallel.map(rendered.flatMap(\.1), jobs: options.jobs) { ContentHash.of($0) }
    var position = 0
    for (page, files) in rendered {
      owners[page] = files.map(\.path)
      for file in files {
        let hash = newHashes[position]
        position += 1
        if hashes[file.path] != hash {
          changedFiles.append(file)
          hashes[file.path] = hash
        }
      }
    }
    // Every page of the site has been rendered at some point, so pages are gone only
    // when there are more rendered pages than pages.
    var removed: [String] = []
    if owners.count > allPages.count {
      let now = Set(allPages)
      let gone = owners.keys.filter { !now.contains($0) && !keeping.contains($0) }
      var stale = Set(gone.flatMap { owners[$0] ?? [] })
      for page in gone { owners[page] = nil }
      stale.subtract(owners.values.joined())
      removed = stale.sorted()
    }
    try OutputFolder.update(options.output, write: changedFiles, remove: removed, displayPath: options.outputDisplay)
    for path in removed { hashes[path] = nil }
    writtenHashes = hashes
    filesByPage = owners
    return (changedFiles.map(\.path), removed)
  }

  private func loadSettings() {
    var diagnostics: [Diagnostic] = []
    config = SiteSettings.loadConfig(options.layout, diagnostics: &diagnostics)
    if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
    people = SiteSettings.loadPeople(options.layout, diagnostics: &diagnostics)
    seriesRecords = SiteSettings.loadSeries(options.layout, diagnostics: &diagnostics)
    schema = SchemaLoader.load(options.layout, diagnostics: &diagnostics)
    checker = schema.map { IncrementalChecker(checker: ModalitiesChecker(schema: $0, diagnostics: &diagnostics)) }
    settingsDiagnostics = diagnostics
    // People and the schema feed every page and every check: start afresh.
    lastGood = nil
    index = nil
    renderCache = RenderCache()
  }

}
