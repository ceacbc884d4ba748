import SiteModel
import SiteValidate

/// The modalities check of a site kept between preview rebuilds: after a change it
/// re-checks only the documents whose problems can change (the changed ones and those that
/// depend on them), and gives the same problems a full check gives.
struct IncrementalChecker {
  let checker: ModalitiesChecker
  private var problems: [DocumentID: [Diagnostic]] = [:]
  /// For each id, the documents that name it (existing or not).
  private var referrers: [DocumentID: Set<DocumentID>] = [:]
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
        if let old = lastIndex[id] { for target in checker.namedDocuments(of: old) { referrers[target]?.remove(id) } }
        if let new = index[id] {
          for target in checker.namedDocuments(of: new) { referrers[target, default: []].insert(id) }
        }
      }
      var timer = StageTimer()
      let recheck = checker.dependents(of: changed, old: lastIndex, new: index, referrers: referrers)
      timer.lap("  dependents (\(recheck.count))")
      let found = checker.checkDocuments(
        recheck.filter(index.contains).sorted(), in: index, unpublished: unpublished, unreadable: unreadable, jobs: jobs
      )
      for id in recheck { problems[id] = found[id] }
      timer.lap("  checked")
    } else {
      problems = checker.checkDocuments(
        index.documents.map(\.id), in: index, unpublished: unpublished, unreadable: unreadable, jobs: jobs)
      referrers = [:]
      for document in index.documents where remembers {
        for target in checker.namedDocuments(of: document) { referrers[target, default: []].insert(document.id) }
      }
    }
    if remembers { lastIndex = index }
    return Array(problems.values.joined()) + checker.checkSite(index)
  }
}
