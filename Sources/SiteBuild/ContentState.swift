import Foundation
import SiteContent
import SiteMarkdown
import SiteModel
import SiteSupport
import SiteValidate

/// The Markdown files of a site as last read and parsed, kept by the preview session so an
/// edit re-reads and re-parses only what it touches, and the site index is patched rather
/// than rebuilt.
struct ContentState {
  /// One Markdown file as last read.
  ///
  /// Made on the core that read the file and parsed on the one that parses it; between
  /// those steps, only the state touches it.
  final class Source: @unchecked Sendable {
    let path: String
    let id: DocumentID?
    private(set) var result: Result<(SourceDocument, YAMLNode), Diagnostic>
    /// The text, or the reason it could not be read: a save that changes neither is no change.
    private(set) var fingerprint: String
    var parsed: ParsedDocument?
    /// What was learnt of the file as it was read, on every core.
    let facts: Facts

    init(path: String, result: Result<(SourceDocument, YAMLNode), Diagnostic>, recordsInput: Bool) {
      self.path = path
      self.result = result
      facts = Facts(result, path: path, recordsInput: recordsInput)
      switch result {
      case .success(let pair):
        id = pair.0.id
        fingerprint = pair.0.text
      case .failure(let diagnostic):
        id = DocumentID(contentPath: path)
        fingerprint = "\u{0}\(diagnostic)"
      }
    }

    /// What the serial steps after reading would otherwise work out one file at a time.
    struct Facts: Sendable {
      /// Why the file could not be read or its front matter not parsed; nil when it could.
      var problem: Diagnostic?
      /// Whether the file could be read and its front matter says `draft: true`.
      var isDraft = false
      /// The body's lines that still hold a template's placeholder text.
      var placeholders: [Diagnostic] = []
      /// The build cache's line of the file (`hash size path`), when inputs are recorded.
      var cacheLine: String?

      init(_ result: Result<(SourceDocument, YAMLNode), Diagnostic>, path: String, recordsInput: Bool) {
        let source: SourceDocument
        let frontMatter: YAMLNode
        switch result {
        case .success(let pair): (source, frontMatter) = pair
        case .failure(let diagnostic):
          problem = diagnostic
          return
        }
        isDraft = frontMatter["draft"]?.bool == true
        placeholders = DocumentScaffold.placeholders(in: source)
        if recordsInput {
          cacheLine = BuildCache.line(hash: source.byteHash, size: source.byteCount, path: "content/" + path)
        }
      }
    }

    /// Lets the file's text go once the body is parsed, for a pass that is not followed by
    /// another (a build holds every document's page until the end, not also its text).
    func forgetText() {
      guard case .success(let (read, frontMatter)) = result else { return }
      var source = read
      source.text = ""
      source.frontMatter = ""
      source.body = ""
      result = .success((source, frontMatter))
      fingerprint = ""
    }
  }

  /// What an update changed.
  struct Changes {
    /// Documents added, removed, edited, re-parsed or become unreadable.
    var documents = Set<DocumentID>()
    /// Whether the set of published documents changed (then the index is rebuilt).
    var membership = false
  }

  let layout: SiteLayout
  let includeDrafts: Bool
  let jobs: Int?
  /// Whether the files' texts are kept after parsing, to tell the next update's saves that
  /// change nothing: false when there is no next update.
  let keepsTexts: Bool
  /// Whether each file's bytes are hashed for the build cache's line of it: not for `check`,
  /// which writes no cache.
  let recordsInputs: Bool
  private(set) var files = ContentFiles()
  private(set) var sources: [String: Source] = [:]
  private(set) var published = Set<DocumentID>()
  private(set) var unreadable = Set<DocumentID>()
  private(set) var unpublished = Set<DocumentID>()
  /// Files with problems of their own, and those problems.
  private(set) var problems: [String: [Diagnostic]] = [:]
  private var parsedWith: (options: MarkdownOptions, languages: Set<String>)?
  private var readWithLanguages: [String]?

  init(layout: SiteLayout, includeDrafts: Bool, jobs: Int?, keepsTexts: Bool = true, recordsInputs: Bool = true) {
    self.layout = layout
    self.includeDrafts = includeDrafts
    self.jobs = jobs
    self.keepsTexts = keepsTexts
    self.recordsInputs = recordsInputs
  }

  /// The published documents as parsed, in the order of their paths: nearly the index's
  /// order, which it then sorts in one pass.
  var parsedDocuments: [ParsedDocument] { files.markdown.compactMap { sources[$0]?.parsed } }

  /// Re-reads the files that changed and re-parses what depends on them.
  /// - Parameter changed: paths relative to the site folder; nil reads everything.
  /// - Parameter walk: whether to list `content/` again (files may have come or gone).
  /// - Parameter listed: `content/` as just listed, when the caller has walked it.
  /// - Parameter languages: the site's default language and its others, which translations'
  ///   file names end in (`proposal.fr.md`).
  mutating func update(
    changed: Set<String>?, walk: Bool, listed: ContentFiles? = nil, markdown options: MarkdownOptions,
    languages: (default: String, others: Set<String>), timer: inout StageTimer
  ) -> Changes {
    let translationLanguages = languages.others
    // Whether a file is a translation is decided as it is read: new languages read all again.
    let languageList = [languages.default] + languages.others.sorted()
    let changed = readWithLanguages == languageList ? changed : nil
    readWithLanguages = languageList
    var changedPaths = Set<String>()
    var toRead: [String]
    if walk || changed == nil {
      files = listed ?? ContentWalker.walk(layout, jobs: jobs)
      let present = Set(files.markdown)
      for path in sources.keys where !present.contains(path) { changedPaths.insert(path) }
      toRead = files.markdown.filter { path in
        changed.map { $0.contains("content/" + path) } ?? true || sources[path] == nil
      }
    } else {
      toRead = (changed ?? []).compactMap { path in
        guard path.hasPrefix("content/") else { return nil }
        let relative = String(path.dropFirst(8))
        return sources[relative] == nil ? nil : relative
      }
      .sorted()
    }
    timer.lap("walk")
    let layout = layout
    // Placeholders are looked for here, on every core, though only published documents
    // report them.
    let recordsInputs = recordsInputs
    let read = Parallel.map(toRead, jobs: jobs) { path in
      let file = SourceReader.read(
        contentPath: path, layout: layout, languages: languages, hashesBytes: recordsInputs)
      let result = file.flatMap { source in FrontMatterReader.frontMatter(of: source).map { (source, $0) } }
      return Source(path: path, result: result, recordsInput: recordsInputs)
    }
    var replaced: [String: Source] = [:]
    // Room made at once: a first read grows these sets from nothing to every file.
    replaced.reserveCapacity(read.count)
    changedPaths.reserveCapacity(read.count)
    for source in read where sources[source.path]?.fingerprint != source.fingerprint {
      replaced[source.path] = source
      changedPaths.insert(source.path)
    }
    timer.lap("read")

    // Publication, unreadable files and the files' own problems change only with the files.
    var changes = Changes()
    changes.documents.reserveCapacity(changedPaths.count)
    sources.reserveCapacity(sources.count + changedPaths.count)
    published.reserveCapacity(published.count + changedPaths.count)
    for path in changedPaths {
      let old = sources[path]
      let new = replaced[path]
      sources[path] = new
      if let id = old?.id {
        if published.remove(id) != nil, new.map({ isPublished($0) }) != true { changes.membership = true }
        unreadable.remove(id)
        unpublished.remove(id)
        changes.documents.insert(id)
      }
      problems[path] = nil
      guard let new, let id = new.id else { continue }
      changes.documents.insert(id)
      // The facts, not the result: matching the result would copy the file's text.
      if let problem = new.facts.problem {
        unreadable.insert(id)
        problems[path] = [problem]
      } else {
        if isPublished(new) {
          if published.insert(id).inserted, old.map({ isPublished($0) }) != true { changes.membership = true }
          if !new.facts.placeholders.isEmpty { problems[path] = new.facts.placeholders }
        } else {
          unpublished.insert(id)
        }
      }
    }

    // Parse the bodies of new and changed documents; all of them when the Markdown options
    // changed; and those whose links' targets appeared or disappeared. In path order, the
    // index's: the parsed documents are then laid out in memory as the later stages visit
    // them (in random order, a 50,000-document build took 4% more processor time).
    var reparse: [Source]
    if parsedWith?.options != options || parsedWith?.languages != translationLanguages {
      reparse = files.markdown.compactMap { sources[$0] }
      parsedWith = (options, translationLanguages)
    } else {
      var paths = changedPaths
      if changes.membership {
        let moved = changes.documents
        for (path, source) in sources
        where source.parsed?.body.links.contains(where: { $0.target.map(moved.contains) ?? false }) == true {
          paths.insert(path)
        }
      }
      reparse = paths.sorted().compactMap { sources[$0] }
    }
    let parser = DocumentParser(
      renderer: MarkdownRenderer(options: options), published: published, translationLanguages: translationLanguages)
    var toParse: [Source] = []
    toParse.reserveCapacity(reparse.count)
    for source in reparse {
      source.parsed = nil
      if isPublished(source) { toParse.append(source) }
      if let id = source.id, !changedPaths.contains(source.path) { changes.documents.insert(id) }
    }
    // Each task parses, and lets go of the text of, a file no other task touches.
    let keepsTexts = keepsTexts
    _ = Parallel.map(toParse, jobs: jobs) { source in
      guard case .success(let (document, frontMatter)) = source.result else { return }
      source.parsed = parser.parse(document, frontMatter: frontMatter)
      if !keepsTexts { source.forgetText() }
    }
    timer.lap("parse")
    return changes
  }

  /// The build cache's line of every Markdown file as it was read (`hash size path`), by
  /// path; nil when one could not be read, or `content/` could not all be walked.
  func markdownInputs() -> [String: String]? {
    guard files.diagnostics.isEmpty else { return nil }
    var lines: [String: String] = [:]
    lines.reserveCapacity(files.markdown.count)
    for path in files.markdown {
      guard let line = sources[path]?.facts.cacheLine else { return nil }
      lines["content/" + path] = line
    }
    return lines
  }

  private func isPublished(_ source: Source) -> Bool {
    source.facts.problem == nil && (includeDrafts || !source.facts.isDraft)
  }
}
