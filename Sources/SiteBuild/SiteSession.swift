import Foundation
import SiteContent
import SiteLink
import SiteMarkdown
import SiteModel
import SiteRender
import SiteSupport
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
    /// The site-wide data files the update left for later (`update(changed:deferringData:)`).
    public var followUp: FollowUp?
  }

  /// The site-wide data files of an update (search index, feeds, sitemap, inventories as
  /// data), rendered and written after the pages, off the session: no open page shows
  /// them, so the reload event need not wait for them.
  public struct FollowUp: Sendable {
    let renderer: SiteRenderer
    let pages: [SitePage]
    let options: BuildOptions
    var written: WrittenFiles

    /// Renders and writes the files, after the follow-up before it (whose result it takes:
    /// follow-ups run one after the other); hand the result to `absorb`. Updates need not
    /// wait for it.
    public func run(after previous: FollowUpResult? = nil) -> FollowUpResult {
      let rendered = Parallel.map(pages, jobs: options.jobs) { ($0, renderer.render($0)) }
      var written = written
      if let earlier = previous?.written { written.takeDataFiles(of: earlier) }
      do {
        let files = try written.write(rendered, allPages: nil, options: options)
        return FollowUpResult(written: written, files: files.written, diagnostics: renderer.missing.diagnostics)
      } catch {
        return FollowUpResult(written: nil, files: [], diagnostics: error.diagnostics)
      }
    }
  }

  /// What a follow-up did.
  public struct FollowUpResult: Sendable {
    fileprivate var written: WrittenFiles?
    /// Files written, relative to the output folder.
    public var files: [String]
    /// Problems met rendering or writing them.
    public var diagnostics: [Diagnostic]
  }

  private let pipeline: SitePipeline
  private var templates: Result<TemplateSet, DiagnosticsError> = .failure(DiagnosticsError([]))
  /// The site as last written, the documents changed since, and the files written.
  private var lastGood: LinkedSite?
  private var changedSinceLastGood = Set<DocumentID>()
  private var written = WrittenFiles()
  private var renderCache = RenderCache()

  public init(options: BuildOptions) {
    self.options = options
    pipeline = SitePipeline(options: options)
  }

  /// Builds everything (the first build, or after the settings or templates change).
  public func buildAll() -> Update {
    update(changed: nil)
  }

  /// Updates the output after files changed. `changed` holds paths relative to the site
  /// folder (`content/2017/x.md`, `templates/layout.mustache`); nil reloads everything.
  /// - Parameter deferringData: leave the site-wide data files of an incremental update to
  ///   the `followUp` of the result, to run (after the one before) and absorb.
  public func update(changed: Set<String>?, deferringData: Bool = false) -> Update {
    let start = Date()
    var timer = StageTimer()
    let layout = options.layout
    let templatesChanged = changed?.contains { $0.hasPrefix("templates/") } ?? true
    if templatesChanged { templates = TemplateSet.load(layout) }
    timer.lap("templates")

    // content, parse, validate: what the change touches.
    let checked = pipeline.check(changed: changed, timer: &timer)
    if checked.settingsReloaded {
      // People and the schema feed every page: start afresh.
      lastGood = nil
      renderCache = RenderCache()
    }
    changedSinceLastGood.formUnion(checked.changedDocuments)
    var diagnostics = checked.diagnostics
    if case .failure(let error) = templates {
      diagnostics += error.diagnostics
      diagnostics.sort()
    }
    let unreadableFiles = checked.unreadableFiles
    func finish(
      _ succeeded: Bool, written: [String] = [], removed: [String] = [], pages: Int = 0, followUp: FollowUp? = nil
    ) -> Update {
      Update(
        diagnostics: diagnostics, succeeded: succeeded,
        blockedBy: succeeded ? [] : diagnostics.filter { $0.severity == .error },
        unreadable: unreadableFiles, written: written, removed: removed, pagesRendered: pages,
        seconds: Date().timeIntervalSince(start), followUp: followUp)
    }
    guard !diagnostics.contains(where: isUnrenderable), case .success(let templateSet) = templates,
      let linked = pipeline.link(diagnostics: diagnostics, timer: &timer)
    else {
      return finish(false)
    }

    // render and write what the change affects.
    let allPages = linked.allPages
    var pages = allPages
    var later: [SitePage] = []
    if !templatesChanged, let previous = lastGood,
      let affected = ChangeImpact.pages(from: previous, to: linked, changed: changedSinceLastGood)
    {
      let sorted = affected.sorted()
      pages = sorted.filter(\.gathersManyDocuments) + sorted.filter { !$0.gathersManyDocuments }
      if deferringData {
        later = pages.filter(\.isDataFile)
        pages.removeAll(where: \.isDataFile)
      }
    }
    timer.lap("impact (\(pages.count) pages)")
    var cycles = Set<Int>()
    for page in pages + later { if case .cycleData(let year) = page { cycles.insert(year) } }
    renderCache.forgetCycles(cycles.count == linked.cycles.count ? nil : cycles)
    let renderer = SiteRenderer(site: linked, templates: templateSet, cache: renderCache)
    let rendered = Parallel.map(pages, jobs: options.jobs) { ($0, renderer.render($0)) }
    timer.lap("render")
    diagnostics += renderer.missing.diagnostics
    guard !renderer.missing.diagnostics.hasErrors else { return finish(false) }
    do {
      let kept = Set(checked.unreadable.map(SitePage.document))
      let files = try written.write(rendered, allPages: allPages, keeping: kept, options: options)
      timer.lap("write")
      lastGood = linked
      changedSinceLastGood = []
      var followUp: FollowUp?
      if !later.isEmpty {
        followUp = FollowUp(renderer: renderer, pages: later, options: options, written: written)
      }
      return finish(true, written: files.written, removed: files.removed, pages: pages.count, followUp: followUp)
    } catch {
      diagnostics += error.diagnostics
      return finish(false)
    }
  }

  /// An error the site cannot be rendered through: one in a settings file, the schema or a
  /// template, or an empty site. Documents' own errors are not.
  private func isUnrenderable(_ diagnostic: Diagnostic) -> Bool {
    guard diagnostic.severity == .error else { return false }
    let file = diagnostic.location.file
    return diagnostic.rule == .contentEmpty || file.hasPrefix(options.layout.display("templates/"))
      || ContentWalker.settingsFiles.contains { file == options.layout.displayContent($0) }
  }

  /// Takes back the files a follow-up wrote; when it could not write them, the next update
  /// renders everything.
  public func absorb(_ result: FollowUpResult) {
    if let files = result.written {
      written.takeDataFiles(of: files)
    } else {
      lastGood = nil
    }
  }
}
