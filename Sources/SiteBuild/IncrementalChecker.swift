import SiteModel
import SiteValidate

/// The modalities check of a site kept between preview rebuilds: after a change it
/// re-checks only the documents whose problems can change (the changed ones and those that
/// depend on them), and gives the same problems a full check gives.
struct IncrementalChecker {
  let checker: ModalitiesChecker
  private var problems: [DocumentID: [Diagnostic]] = [:]
  /// For each key, the documents watching it (`ModalitiesChecker.watchedKeys`).
  private var watchers: [DependencyKey: Set<DocumentID>] = [:]
  /// The site-wide checks of people, which change only with the settings.
  private var peopleProblems: [Diagnostic]?
  private var lastIndex: SiteIndex?
  /// False for a pipeline run once (`build`, `check`): the tables for the next call are
  /// not kept.
  let remembers: Bool

  init(checker: ModalitiesChecker, remembers: Bool = true) {
    self.checker = checker
    self.remembers = remembers
  }

  /// Every problem of the documents and people of `index`.
  /// - Parameter changed: the documents that differ from the last call (added, removed,
  ///   edited, become unreadable); ignored on the first call.
  mutating func check(
    _ index: SiteIndex, changed: Set<DocumentID>, unpublished: Set<DocumentID>, unreadable: Set<DocumentID>, jobs: Int?
  ) -> [Diagnostic] {
    if let lastIndex {
      for id in changed {
        if let old = lastIndex[id] { for key in checker.watchedKeys(of: old) { watchers[key]?.remove(id) } }
        if let new = index[id] {
          for key in checker.watchedKeys(of: new) { watchers[key, default: []].insert(id) }
        }
      }
      var timer = StageTimer()
      let recheck = checker.dependents(of: changed, old: lastIndex, new: index, watchers: watchers)
      timer.lap("  dependents (\(recheck.count))")
      let found = checker.checkDocuments(
        recheck.filter(index.contains).sorted(), in: index, unpublished: unpublished, unreadable: unreadable, jobs: jobs
      )
      for id in recheck { problems[id] = found[id] }
      timer.lap("  checked")
    } else {
      problems = checker.checkDocuments(
        index.documents.map(\.id), in: index, unpublished: unpublished, unreadable: unreadable, jobs: jobs)
      watchers = [:]
      for document in index.documents where remembers {
        for key in checker.watchedKeys(of: document) { watchers[key, default: []].insert(document.id) }
      }
    }
    if remembers { lastIndex = index }
    // People come from people.yml: a new checker is made when it changes.
    let people = peopleProblems ?? checker.checkPeople(index)
    peopleProblems = people
    return Array(problems.values.joined()) + people + checker.checkSeriesNames(index)
  }
}
