import Foundation
import SiteContent
import SiteLink
import SiteModel
import SiteRender
import SiteSupport
import SiteValidate
import SiteWrite

/// What a build did, for its one-line summary.
public struct BuildReport: Sendable {
  public var diagnostics: [Diagnostic]
  public var documents: Int
  public var pages: Int
  public var files: Int
  public var seconds: Double
  /// Whether the output folder was replaced.
  public var wrote: Bool
  /// Whether the output was already built from exactly these inputs, so nothing was done.
  public var upToDate = false

  /// Whether the output now holds the site.
  public var succeeded: Bool { wrote || upToDate }

  /// `Built 21 documents: 98 pages (104 files), 0 warnings, 0 errors in 0.41 s → output/`
  public func summary(output: String) -> String {
    let counts =
      "\(DiagnosticReport.counted(diagnostics.warningCount, "warning")), \(DiagnosticReport.counted(diagnostics.errorCount, "error"))"
    let time = String(format: "%.2f s", seconds)
    if upToDate {
      return
        "Up to date: \(DiagnosticReport.counted(documents, "document")), \(DiagnosticReport.counted(pages, "page")) "
        + "(\(DiagnosticReport.counted(files, "file"))), \(counts); nothing changed since the last build of \(output) (\(time))"
    }
    if wrote {
      return "Built \(DiagnosticReport.counted(documents, "document")): \(DiagnosticReport.counted(pages, "page")) "
        + "(\(DiagnosticReport.counted(files, "file"))), \(counts) in \(time) → \(output)"
    }
    return
      "Build failed: \(DiagnosticReport.counted(documents, "document")), \(counts) in \(time); \(output) was left untouched"
  }
}

/// Runs the whole pipeline once: `SitePipeline` (content → parse → validate → link), then
/// render and write.
public enum SiteBuilder {

  /// Builds the site into the output folder, or leaves it untouched when anything fails.
  /// - Parameter useCache: skip the build when the output was built from exactly the same
  ///   inputs and is as that build left it.
  /// - Parameter endsProcess: the process exits after the build (the command line), so the
  ///   site and its pages are not freed at the end.
  public static func build(
    _ options: BuildOptions, useCache: Bool = true, endsProcess: Bool = false, onWait: () -> Void = {}
  ) -> BuildReport {
    let start = Date()
    func report(
      _ diagnostics: [Diagnostic], documents: Int = 0, pages: Int = 0, files: Int = 0, wrote: Bool = false
    ) -> BuildReport {
      BuildReport(
        diagnostics: diagnostics.sorted(), documents: documents, pages: pages, files: files,
        seconds: Date().timeIntervalSince(start), wrote: wrote)
    }
    if let unsafe = OutputGuard.check(
      output: options.output, layout: options.layout, displayPath: options.outputDisplay)
    {
      return report([unsafe])
    }
    let lock: BuildLock
    do {
      lock = try BuildLock(layout: options.layout, onWait: onWait)
    } catch {
      return report(error.diagnostics)
    }
    defer { withExtendedLifetime(lock) {} }
    var timer = StageTimer()
    let cacheFile = BuildCache.location(of: options.output, layout: options.layout)
    var inputs: [String]?
    var settingsInputs: [String: String]?
    // Without the output folder there is nothing the cache could vouch for: it is not read.
    if useCache, FileManager.default.fileExists(atPath: options.output.path),
      let cache = BuildCache.load(from: cacheFile),
      cache.outputsUnchanged(in: options.output, jobs: options.jobs)
    {
      inputs = BuildCache.inputs(of: options)
      if let inputs, cache.inputs == inputs {
        var upToDate = report(
          cache.diagnostics, documents: cache.documents, pages: cache.pages, files: cache.outputs.count)
        upToDate.upToDate = true
        return upToDate
      }
    } else {
      // Nothing to compare with: the Markdown files' lines come from the build's own reading.
      settingsInputs = BuildCache.settingsInputs(of: options)
    }
    timer.lap("compare with the build cache")
    // The pipeline's own state goes before the pages are rendered: keeping it would only
    // raise the build's peak memory.
    // The templates do not depend on the content: they load while it is read and parsed.
    let templatesLoading = Background { TemplateSet.load(options.layout) }
    let (checked, linked, markdownInputs) = SitePipeline.load(options)
    // The cache's lines of the inputs, in order, are wanted only at the end: they are put
    // together beside the rendering.
    let (knownInputs, settingsLines) = (inputs, settingsInputs)
    let inputsInOrder = Background { () -> [String]? in
      if let knownInputs { return knownInputs }
      guard let settingsLines, let markdownInputs else { return nil }
      return BuildCache.inputs(of: options, settings: settingsLines, markdown: markdownInputs)
    }
    timer.lap("load (stages above)")
    var diagnostics = checked.diagnostics
    let templates = templatesLoading.value
    timer.lap("templates (waited for)")
    if case .failure(let error) = templates { diagnostics += error.diagnostics }
    let documents = linked?.pagedDocuments.count ?? 0
    guard !options.fails(diagnostics), let site = linked, case .success(let templateSet) = templates else {
      return report(diagnostics, documents: documents)
    }
    // render and write: pages are rendered on every core and written as they come, so the
    // whole site is never held in memory.
    // The cache lets a cycle's inventory be encoded once for its own file and the site's.
    let renderer = SiteRenderer(site: site, templates: templateSet, cache: RenderCache(forOneBuild: true))
    if endsProcess { KeptUntilExit.keep((renderer, checked)) }
    let staged: StagedOutput
    do {
      staged = try StagedOutput(output: options.output, displayPath: options.outputDisplay)
      if endsProcess { KeptUntilExit.keep(staged) }
    } catch {
      return report(diagnostics + error.diagnostics, documents: documents)
    }
    let counts = Parallel.map(site.allPages, jobs: options.jobs) { page -> Result<Int, DiagnosticsError> in
      let files = renderer.render(page)
      return Result { () throws(DiagnosticsError) in try staged.write(files) }
        .map { files.count(where: { $0.path.hasSuffix(".html") }) }
    }
    timer.lap("render and write")
    timer.processorTime("search index", seconds: SiteRenderer.searchIndexProcessorSeconds)
    var pages = 0
    for count in counts {
      switch count {
      case .success(let written): pages += written
      case .failure(let error): diagnostics += error.diagnostics
      }
    }
    diagnostics += renderer.missing.diagnostics
    guard !options.fails(diagnostics) else {
      staged.abandon()
      return report(diagnostics, documents: documents)
    }
    // A cache older than the output it would describe is removed first: a build killed
    // after the swap then leaves no cache, and the next build builds in full.
    try? FileManager.default.removeItem(at: cacheFile)
    do {
      try staged.commit()
    } catch {
      return report(diagnostics + error.diagnostics, documents: documents)
    }
    timer.lap("swap into place")
    // The bookkeeping goes beside the site, never into the published folder; without it the
    // next build is only slower (no cache) or refuses a folder it cannot tell is its own.
    do {
      try OutputRecord.add(options.output, layout: options.layout)
      let written = staged.writtenFiles
      if let inputs = inputsInOrder.value, let swapped = BuildCache.swapTime(of: options.output) {
        var cache = BuildCache(
          inputs: inputs, outputs: written, diagnostics: diagnostics.sorted(), documents: documents,
          pages: pages)
        cache.swappedIn = swapped
        cache.folder = BuildCache.identity(of: options.output)
        try Bookkeeping.write(Data(cache.bytes), to: cacheFile, layout: options.layout)
        timer.lap("build cache written")
        BuildCache.waitPast(swapped)
        timer.lap("clock past the swap")
      }
    } catch {
      diagnostics.append(
        Diagnostic(
          .warning, .outputBookkeeping,
          "the site was built, but igfsite could not record it in .igfsite/: \(error.localizedDescription)",
          at: SourceLocation(file: options.layout.display(".igfsite")),
          help:
            "make the site folder writable; until then every build is a full one, and igfsite knows its output folder only by the files it writes"
        ))
    }
    return report(diagnostics, documents: documents, pages: pages, files: staged.count, wrote: true)
  }

  /// Every check the site's modalities schema configures, for `igfsite check --rules`.
  public static func rules(_ layout: SiteLayout) -> Result<[RuleDescription], DiagnosticsError> {
    var diagnostics: [Diagnostic] = []
    guard let schema = SchemaLoader.load(layout, diagnostics: &diagnostics) else {
      return .failure(DiagnosticsError(diagnostics))
    }
    _ = ModalitiesChecker(schema: schema, diagnostics: &diagnostics)
    guard !diagnostics.hasErrors else { return .failure(DiagnosticsError(diagnostics)) }
    return .success(schema.ruleDescriptions)
  }

  /// Checks the site as a build would, without rendering or writing anything.
  /// - Parameter endsProcess: the process exits after the check, so what it read is not freed.
  public static func check(_ options: BuildOptions, endsProcess: Bool = false) -> [Diagnostic] {
    // Only a site's own theme files can hold template errors: the built-in theme's load
    // every time the tests run, so a site without any has nothing to report here.
    let templatesLoading =
      TemplateSet.siteThemeFiles(options.layout).isEmpty ? nil : Background { TemplateSet.load(options.layout) }
    var diagnostics = SitePipeline.load(options, renderHTML: false, endsProcess: endsProcess).0.diagnostics
    if case .failure(let error)? = templatesLoading?.value { diagnostics += error.diagnostics }
    return diagnostics.sorted()
  }
}
