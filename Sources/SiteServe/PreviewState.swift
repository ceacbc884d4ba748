import Foundation
import SiteBuild
import SiteModel

/// The preview's current state: the site session, the problems of the latest build and the
/// pages listening for reloads. Rebuilds run one at a time; changes that arrive meanwhile
/// are merged into the next one.
actor PreviewState {
  private let session: SiteSession
  private(set) var problems: [Diagnostic] = []
  private(set) var version = 0
  private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
  let maximumListeners: Int
  private let report: @Sendable (String) -> Void

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
  func rebuild(_ changed: Set<String>) -> SiteSession.Update {
    let update = session.update(changed: changed)
    record(update, changed: changed)
    return update
  }

  private func record(_ update: SiteSession.Update, changed: Set<String>?) {
    problems = update.diagnostics
    version += 1
    report(Self.describe(update, changed: changed))
    for listener in listeners.values { listener.yield(version) }
  }

  /// A stream of reload events for one page, or nil when too many pages already listen.
  func listen() -> (UUID, AsyncStream<Int>)? {
    guard listeners.count < maximumListeners else { return nil }
    let id = UUID()
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
    listeners[id] = continuation
    return (id, stream)
  }

  func stopListening(_ id: UUID) {
    listeners.removeValue(forKey: id)?.finish()
  }

  /// Ends every reload stream, so that open pages' connections close and the server can stop.
  func closeAll() {
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
      report("Refused a request for \"\(name)\", which is not this preview's address; to allow it, restart with --allow-host \(name)")
    }
  }

  /// `Rebuilt after content/2017/x.md: 4 pages in 38 ms, 0 errors, 1 warning`, then the
  /// problems, one per line.
  static func describe(_ update: SiteSession.Update, changed: Set<String>?) -> String {
    let milliseconds = Int((update.seconds * 1000).rounded())
    let cause = changed.map { changed in
      let sorted = changed.sorted()
      return " after " + sorted.prefix(3).joined(separator: ", ") + (sorted.count > 3 ? " and \(sorted.count - 3) more" : "")
    } ?? ""
    let counts = "\(DiagnosticReport.counted(update.diagnostics.errorCount, "error")), \(DiagnosticReport.counted(update.diagnostics.warningCount, "warning"))"
    var text: String
    if update.succeeded {
      text = "Rebuilt\(cause): \(DiagnosticReport.counted(update.pagesRendered, "page")) rendered, "
        + "\(DiagnosticReport.counted(update.written.count + update.removed.count, "file")) changed in \(milliseconds) ms; \(counts)"
    } else {
      text = "Build failed\(cause) in \(milliseconds) ms; \(counts); still serving the last good build"
    }
    for problem in update.diagnostics.prefix(20) {
      text += "\n  \(problem.location): \(problem.severity.rawValue): \(problem.message) [\(problem.rule)]"
    }
    if update.diagnostics.count > 20 { text += "\n  … \(update.diagnostics.count - 20) more (igfsite check lists them all)" }
    return text
  }
}
