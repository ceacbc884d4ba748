import Foundation
import SiteBuild
import SiteModel

/// The preview's current state: the site session, the problems of the latest build and the
/// pages listening for reloads. Rebuilds run one at a time; changes that arrive meanwhile
/// are merged into the next one.
actor PreviewState {
  private let session: SiteSession
  private(set) var problems: [Diagnostic] = []
  /// What the pages are: the content as it is now, or the last good build, and why.
  private(set) var showing = PreviewShowing.content(unreadable: [])
  /// Whether any build has been rendered yet.
  private var rendered = false
  private(set) var version = 0
  private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
  let maximumListeners: Int
  private let report: @Sendable (String) -> Void
  /// The site-wide data files of the last rebuild, rendered after its reload event.
  private var followUp: Task<SiteSession.FollowUpResult, Never>?
  /// How many follow-ups were started, and the newest whose files the session took.
  private var followUps = 0
  private var absorbed = 0

  init(options: BuildOptions, maximumListeners: Int, report: @escaping @Sendable (String) -> Void) {
    session = SiteSession(options: options)
    self.maximumListeners = maximumListeners
    self.report = report
  }

  /// The first, complete build.
  func start() -> SiteSession.Update {
    let update = session.buildAll()
    record(update, changed: nil)
    return update
  }

  /// Rebuilds after `changed` (paths relative to the site) and tells every page to reload.
  @discardableResult
  func rebuild(_ changed: Set<String>) async -> SiteSession.Update {
    let update = session.update(changed: changed, deferringData: true)
    record(update, changed: changed)
    if let work = update.followUp {
      // Follow-ups run one after the other, each from the files the one before wrote; the
      // next rebuild does not wait for them.
      let previous = followUp
      let task = Task.detached { () -> SiteSession.FollowUpResult in
        let before = await previous?.value
        return work.run(after: before)
      }
      followUp = task
      followUps += 1
      let number = followUps
      Task { await self.absorb(await task.value, number: number) }
    }
    return update
  }

  /// Only a newer follow-up's files: each one's result already holds those before it.
  private func absorb(_ result: SiteSession.FollowUpResult, number: Int) {
    guard number > absorbed else { return }
    absorbed = number
    session.absorb(result)
    for problem in result.diagnostics {
      report("\(problem.location): \(problem.severity.rawValue): \(problem.message) [\(problem.rule)]")
    }
  }

  /// Waits for the data files of the last rebuild to be written.
  func finishFollowUp() async {
    _ = await followUp?.value
  }

  private func record(_ update: SiteSession.Update, changed: Set<String>?) {
    problems = update.diagnostics
    if update.succeeded { rendered = true }
    showing =
      update.succeeded ? .content(unreadable: update.unreadable) : rendered ? .lastGoodBuild : .nothingYet
    version += 1
    report(Self.describe(update, changed: changed, everRendered: rendered))
    for listener in listeners.values { listener.yield(version) }
  }

  /// A stream of reload events for one page and the build it starts from (every later
  /// one is in the stream), or nil when too many pages already listen.
  func listen() -> (UUID, AsyncStream<Int>, version: Int)? {
    guard listeners.count < maximumListeners else { return nil }
    let id = UUID()
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
    listeners[id] = continuation
    return (id, stream, version)
  }

  func stopListening(_ id: UUID) {
    listeners.removeValue(forKey: id)?.finish()
  }

  /// Ends every reload stream, so that open pages' connections close and the server can stop.
  func closeAll() async {
    await finishFollowUp()
    for listener in listeners.values { listener.finish() }
    listeners = [:]
  }

  var listenerCount: Int { listeners.count }

  /// Host names already reported as refused: each is said once.
  private var refusedHosts = Set<String>()

  /// Tells the terminal, once per name, that a request for another host was refused.
  func refused(host: String?) {
    let name = host ?? ""
    guard refusedHosts.insert(name).inserted else { return }
    if host == nil {
      report("Refused a request without a Host header (a browser always sends one).")
    } else {
      report(
        "Refused a request for \"\(name)\", which is not this preview's address; to allow it, restart with --allow-host \(name)"
      )
    }
  }

  /// `Rebuilt after content/2017/x.md: 4 pages in 38 ms, 0 errors, 1 warning`, then the
  /// problems, one per line.
  static func describe(_ update: SiteSession.Update, changed: Set<String>?, everRendered: Bool = true) -> String {
    let milliseconds = Int((update.seconds * 1000).rounded())
    // Files igfsite reads, not the folders they were made in.
    let files =
      changed?.filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") || $0.hasPrefix("templates/") }.sorted() ?? []
    let cause =
      files.isEmpty
      ? ""
      : " after " + files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
    let counts =
      "\(DiagnosticReport.counted(update.diagnostics.errorCount, "error")), \(DiagnosticReport.counted(update.diagnostics.warningCount, "warning"))"
    var text: String
    if update.succeeded {
      text =
        "Rebuilt\(cause): \(DiagnosticReport.counted(update.pagesRendered, "page")) rendered, "
        + "\(DiagnosticReport.counted(update.written.count + update.removed.count, "file")) changed in \(milliseconds) ms; \(counts)"
      if update.diagnostics.hasErrors { text += " (igfsite build stops on errors; the pages show them)" }
      if !update.unreadable.isEmpty {
        text +=
          "\n  cannot be read, so their pages show the last version that could be: \(update.unreadable.joined(separator: ", "))"
      }
    } else {
      let showing = everRendered ? "still serving the last good build" : "nothing to show until it is fixed"
      text =
        "Cannot render the site\(cause) (\(milliseconds) ms; \(counts)): a settings file or template has errors; \(showing)"
    }
    for problem in update.diagnostics.prefix(20) {
      text += "\n  \(problem.location): \(problem.severity.rawValue): \(problem.message) [\(problem.rule)]"
    }
    if update.diagnostics.count > 20 {
      text += "\n  … \(update.diagnostics.count - 20) more (igfsite check lists them all)"
    }
    return text
  }
}

/// What the preview's pages show, so that the terminal, the overlay and the pages say the
/// same thing.
enum PreviewShowing: Sendable, Equatable {
  /// The content as it is now, problems and all; the documents that cannot be read show
  /// their last readable version.
  case content(unreadable: [String])
  /// The last good build: the site cannot be rendered (a settings file or template).
  case lastGoodBuild
  /// Nothing: the site has never been rendered.
  case nothingYet
}
