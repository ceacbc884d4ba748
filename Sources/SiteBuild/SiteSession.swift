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
/// affects and rewrites only the files whose bytes differ. While the content has errors it
/// keeps the last good output and reports the problems.
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
    /// Files written or removed, relative to the output folder.
    public var written: [String]
    public var removed: [String]
    public var pagesRendered: Int
    public var seconds: Double
  }

  private struct Source {
    var fingerprint: Data
    var result: Result<(SourceDocument, YAMLNode), Diagnostic>
    var placeholders: [Diagnostic]
    var parsed: ParsedDocument?
  }

  private var config = SiteConfig()
  private var people: [Person] = []
  private var schema: ModalitiesSchema?
  private var checker: ModalitiesChecker?
  private var settingsDiagnostics: [Diagnostic] = []
  private var templates: Result<TemplateSet, DiagnosticsError> = .failure(DiagnosticsError([]))
  private var sources: [String: Source] = [:]
  private var walkDiagnostics: [Diagnostic] = []
  /// The site as last written, and the bytes' hashes of every file written.
  private var lastGood: LinkedSite?
  private var writtenHashes: [String: Int] = [:]
  /// The output files each page produced when last rendered.
  private var filesByPage: [SitePage: [String]] = [:]
  private var parsedWithOptions: MarkdownOptions?
  private var publishedIDs: Set<DocumentID> = []

  public init(options: BuildOptions) {
    self.options = options
  }

  /// Builds everything (the first build, or after the settings or templates change).
  public func buildAll() -> Update {
    update(changed: nil)
  }

  /// Updates the output after files changed. `changed` holds paths relative to the site
  /// folder (`content/2017/x.md`, `templates/layout.mustache`); nil reloads everything.
  public func update(changed: Set<String>?) -> Update {
    let start = Date()
    let layout = options.layout
    let everything = changed == nil
    let settingsChanged = everything || changed!.contains { $0.hasPrefix("content/") && $0.hasSuffix(".yml") && !$0.dropFirst(8).contains("/") }
    let templatesChanged = everything || changed!.contains { $0.hasPrefix("templates/") }
    if settingsChanged { loadSettings() }
    if templatesChanged { templates = TemplateSet.load(layout) }

    // content: re-read the Markdown files that changed (all of them the first time).
    let files = ContentWalker.walk(layout)
    walkDiagnostics = files.diagnostics
    let present = Set(files.markdown)
    for path in sources.keys where !present.contains(path) { sources[path] = nil }
    let toRead = files.markdown.filter { path in
      everything || sources[path] == nil || changed!.contains("content/" + path)
    }
    let read = Parallel.map(toRead, jobs: options.jobs) { path in
      (path, SourceReader.read(contentPath: path, layout: layout).flatMap { source in
        DocumentParser.frontMatter(of: source).map { (source, $0) }
      })
    }
    var reparse = Set<String>()
    for (path, result) in read {
      let fingerprint = Self.fingerprint(result)
      if let previous = sources[path], previous.fingerprint == fingerprint { continue }
      var placeholders: [Diagnostic] = []
      if case .success(let pair) = result { placeholders = DocumentScaffold.placeholders(in: pair.0) }
      sources[path] = Source(fingerprint: fingerprint, result: result, placeholders: placeholders, parsed: nil)
      reparse.insert(path)
    }

    // parse: bodies of new and changed documents, and of every document whose links'
    // targets appeared or disappeared.
    var published = Set<DocumentID>()
    for source in sources.values {
      if case .success(let pair) = source.result, options.includeDrafts || pair.1["draft"]?.bool != true {
        published.insert(pair.0.id)
      }
    }
    let markdownOptions = MarkdownOptions(unsafeHTML: config.unsafeHTML, reservedAnchors: PageAnchors.reserved)
    if markdownOptions != parsedWithOptions {
      reparse = Set(sources.keys)
      parsedWithOptions = markdownOptions
    } else if published != publishedIDs {
      let appeared = published.symmetricDifference(publishedIDs)
      for (path, source) in sources where source.parsed?.body.links.contains(where: { $0.target.map(appeared.contains) ?? false }) == true {
        reparse.insert(path)
      }
    }
    publishedIDs = published
    let parser = DocumentParser(renderer: MarkdownRenderer(options: markdownOptions), published: published)
    let toParse: [(String, SourceDocument, YAMLNode)] = reparse.sorted().compactMap { path in
      guard case .success(let pair) = sources[path]?.result, published.contains(pair.0.id) else { return nil }
      return (path, pair.0, pair.1)
    }
    for (path, document) in Parallel.map(toParse, jobs: options.jobs, { ($0.0, parser.parse($0.1, frontMatter: $0.2)) }) {
      sources[path]?.parsed = document
    }

    // validate and link: the whole site, which is fast, so cross-document rules stay exact.
    var diagnostics = settingsDiagnostics + walkDiagnostics
    var unreadable = Set<DocumentID>()
    var unpublished = Set<DocumentID>()
    var documents: [ParsedDocument] = []
    for (path, source) in sources {
      switch source.result {
      case .failure(let diagnostic):
        diagnostics.append(diagnostic)
        if let id = DocumentID(contentPath: path) { unreadable.insert(id) }
      case .success(let pair):
        if published.contains(pair.0.id), let parsed = source.parsed {
          documents.append(parsed)
          diagnostics += source.placeholders
        } else {
          unpublished.insert(pair.0.id)
        }
      }
    }
    if case .failure(let error) = templates { diagnostics += error.diagnostics }
    let index = SiteIndex(documents: documents, people: people)
    if let checker { diagnostics += checker.check(index, unpublished: unpublished, unreadable: unreadable) }
    diagnostics += PagePlan.collisions(index)
    diagnostics.sort()
    func finish(_ succeeded: Bool, written: [String] = [], removed: [String] = [], pages: Int = 0) -> Update {
      Update(
        diagnostics: diagnostics, succeeded: succeeded, written: written, removed: removed, pagesRendered: pages,
        seconds: Date().timeIntervalSince(start))
    }
    guard !options.fails(diagnostics), let schema, case .success(let templateSet) = templates else { return finish(false) }
    let linked = SiteLinker.link(config: config, schema: schema, index: index, diagnostics: diagnostics)

    // render and write what the change affects.
    let changedIDs = Set(reparse.compactMap(DocumentID.init(contentPath:)))
      .union(changed?.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }.compactMap { DocumentID(contentPath: String($0.dropFirst(8))) } ?? [])
    var pages: [SitePage]
    if !everything, !settingsChanged, !templatesChanged, let previous = lastGood,
      let affected = ChangeImpact.pages(from: previous, to: linked, changed: changedIDs)
    {
      pages = affected.sorted()
    } else {
      pages = linked.allPages
    }
    let renderer = SiteRenderer(site: linked, templates: templateSet)
    let rendered = Parallel.map(pages, jobs: options.jobs) { ($0, renderer.render($0)) }
    diagnostics += renderer.missing.diagnostics
    guard !options.fails(diagnostics) else { return finish(false) }
    do {
      let (written, removed) = try writeChanges(rendered, now: Set(linked.allPages))
      lastGood = linked
      return finish(true, written: written, removed: removed, pages: pages.count)
    } catch {
      diagnostics += error.diagnostics
      return finish(false)
    }
  }

  /// Writes the files whose bytes changed, and removes the files of pages that are gone.
  private func writeChanges(_ rendered: [(SitePage, [OutputFile])], now: Set<SitePage>) throws(DiagnosticsError) -> ([String], [String]) {
    var changedFiles: [OutputFile] = []
    var hashes = writtenHashes
    var owners = filesByPage
    for (page, files) in rendered {
      owners[page] = files.map(\.path)
      for file in files {
        let hash = Self.hash(file)
        if hashes[file.path] != hash {
          changedFiles.append(file)
          hashes[file.path] = hash
        }
      }
    }
    let gone = owners.keys.filter { !now.contains($0) }
    var stale = Set(gone.flatMap { owners[$0] ?? [] })
    for page in gone { owners[page] = nil }
    stale.subtract(owners.values.flatMap { $0 })
    let removed = stale.sorted()
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
    schema = SchemaLoader.load(options.layout, diagnostics: &diagnostics)
    checker = schema.map { ModalitiesChecker(schema: $0, diagnostics: &diagnostics) }
    settingsDiagnostics = diagnostics
    // People and the schema feed every page: start the comparison afresh.
    lastGood = nil
  }

  private static func fingerprint(_ result: Result<(SourceDocument, YAMLNode), Diagnostic>) -> Data {
    switch result {
    case .success(let pair): Data(pair.0.text.utf8)
    case .failure(let diagnostic): Data("\(diagnostic)".utf8)
    }
  }

  private static func hash(_ file: OutputFile) -> Int {
    var hasher = Hasher()
    switch file.contents {
    case .text(let text): hasher.combine(text)
    case .bytes(let bytes): hasher.combine(bytes)
    case .data(let data): hasher.combine(data)
    case .copy(let url): hasher.combine((try? Data(contentsOf: url)) ?? Data())
    }
    return hasher.finalize()
  }
}
