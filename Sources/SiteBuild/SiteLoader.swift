import Foundation
import SiteContent
import SiteLink
import SiteMarkdown
import SiteModel
import SiteRender
import SiteValidate

/// A site read, parsed, checked and cross-linked: everything but the rendering.
public struct LoadedSite: Sendable {
  public var config: SiteConfig
  /// The cross-linked site, when the settings and schema could be read.
  public var linked: LinkedSite?
  /// Every problem found, sorted.
  public var diagnostics: [Diagnostic]
  /// How many Markdown files `content/` holds (drafts and unreadable ones included).
  public var sourceCount: Int
}

/// The content → parse → validate → link stages, shared by `build`, `check` and `serve`.
public enum SiteLoader {
  /// - Parameter renderHTML: false when only checking: the bodies are analysed (headings,
  ///   links, words) but not turned into HTML.
  public static func load(_ options: BuildOptions, renderHTML: Bool = true) -> LoadedSite {
    var timer = StageTimer()
    let layout = options.layout
    var diagnostics: [Diagnostic] = []
    var config = SiteSettings.loadConfig(layout, diagnostics: &diagnostics)
    if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
    let people = SiteSettings.loadPeople(layout, diagnostics: &diagnostics)
    let seriesRecords = SiteSettings.loadSeries(layout, diagnostics: &diagnostics)
    let schema = SchemaLoader.load(layout, diagnostics: &diagnostics)
    let checker = schema.map { ModalitiesChecker(schema: $0, diagnostics: &diagnostics) }

    timer.lap("settings and schema")
    // content: find and split the files.
    let files = ContentWalker.walk(layout)
    timer.lap("walk content/")
    diagnostics += files.diagnostics
    if files.markdown.isEmpty, files.diagnostics.isEmpty { diagnostics.append(emptyContent(layout)) }
    let sources = Parallel.map(files.markdown, jobs: options.jobs) { path in
      SourceReader.read(contentPath: path, layout: layout).flatMap { source in
        DocumentParser.frontMatter(of: source).map { (source, $0) }
      }
    }
    timer.lap("read and parse front matter")
    var readable: [(source: SourceDocument, frontMatter: YAMLNode)] = []
    var unreadable = Set<DocumentID>()
    var unpublished = Set<DocumentID>()
    for (path, result) in zip(files.markdown, sources) {
      switch result {
      case .success(let pair):
        if !options.includeDrafts, pair.1["draft"]?.bool == true {
          unpublished.insert(pair.0.id)
        } else {
          readable.append(pair)
          diagnostics += DocumentScaffold.placeholders(in: pair.0)
        }
      case .failure(let diagnostic):
        diagnostics.append(diagnostic)
        if let id = DocumentID(contentPath: path) { unreadable.insert(id) }
      }
    }

    // parse: render the bodies, rewriting links between published documents.
    var markdownOptions = MarkdownOptions(unsafeHTML: config.unsafeHTML, reservedAnchors: PageAnchors.reserved)
    markdownOptions.renderHTML = renderHTML
    let parser = DocumentParser(
      renderer: MarkdownRenderer(options: markdownOptions), published: Set(readable.map(\.source.id)))
    let documents = Parallel.map(readable, jobs: options.jobs) { parser.parse($0.source, frontMatter: $0.frontMatter) }
    let index = SiteIndex(documents: documents, people: people, series: seriesRecords)
    timer.lap("parse Markdown")

    // validate and link.
    guard let schema, let checker else {
      return LoadedSite(
        config: config, linked: nil, diagnostics: diagnostics.sorted(), sourceCount: files.markdown.count)
    }
    diagnostics += checker.check(index, unpublished: unpublished, unreadable: unreadable, jobs: options.jobs)
    diagnostics += PagePlan.collisions(index, schema: schema)
    diagnostics.sort()
    timer.lap("validate")
    // Checking needs no cross-linking: that is for the pages.
    guard renderHTML else {
      return LoadedSite(config: config, linked: nil, diagnostics: diagnostics, sourceCount: files.markdown.count)
    }
    let linked = SiteLinker.link(
      config: config, schema: schema, index: index, diagnostics: diagnostics, jobs: options.jobs)
    timer.lap("link")
    return LoadedSite(config: config, linked: linked, diagnostics: diagnostics, sourceCount: files.markdown.count)
  }

  /// A site without documents builds nothing worth publishing: say so.
  static func emptyContent(_ layout: SiteLayout) -> Diagnostic {
    Diagnostic(
      .error, "content.empty", "content/ has no Markdown documents",
      at: SourceLocation(file: layout.display("content")),
      help: "add documents such as content/2017/bpf/example/proposal.md, or start one with igfsite new")
  }
}

/// Where pages go, and the documents whose page would land on another page: no page is
/// taken silently.
enum PagePlan {
  /// First path components of pages igfsite generates itself, besides the series types'.
  static let generatedFolders: Set<String> = ["assets", "people", "themes", "schema", "search"]

  static func collisions(_ index: SiteIndex, schema: ModalitiesSchema) -> [Diagnostic] {
    let folders = generatedFolders.union(schema.seriesTypes.map(\.field))
    return index.documents.compactMap { document in
      let id = document.id
      let components = id.components
      let first = String(components.first ?? "")
      let location = SourceLocation(file: document.file)
      if components.count == 1, let year = id.cycleFolder {
        return Diagnostic(
          .error, "content.url-collision",
          "this document would be published at \(id.pagePath), which is the \(year) cycle's outcome inventory",
          at: location,
          help: "a cycle's own text goes in content/\(year)/_cycle.md (igfsite new cycle \(year) writes it)")
      }
      if components.last == "index", components.count > 1 {
        let folder = components.dropLast().joined(separator: "/")
        let what = components.count == 2 && id.cycleFolder != nil ? ", the \(first) cycle's outcome inventory" : ""
        return Diagnostic(
          .error, "content.url-collision",
          "a file named index.md reads as the page of its folder (\(folder)/index.html\(what)), but igfsite publishes it at \(id.pagePath)",
          at: location,
          help: id.cycleFolder != nil && components.count == 2
            ? "a cycle's own text goes in content/\(first)/_cycle.md; otherwise give the file a name of its own"
            : "give the file a name of its own, such as content/\(folder)/overview.md")
      }
      guard folders.contains(first) else { return nil }
      return Diagnostic(
        .error, "content.url-collision",
        "the page of this document (\(id.pagePath)) would collide with the pages igfsite generates under \(first)/",
        at: location, help: "move the document into a cycle folder such as content/\(document.cycle ?? 2017)/")
    }
  }
}
