import SiteContent
import SiteModel
import Synchronization

/// The site after cross-linking: every document with what it references and what
/// references it, the outcome inventory of every cycle, the series of BPFs and working
/// groups across cycles, people's roles and themes. The render stage reads only this.
///
/// A class, though never changed after it is made: every page's view model holds the site,
/// and sharing one reference costs less than copying a dozen fields per page.
public final class LinkedSite: Sendable {
  public let config: SiteConfig
  public let schema: ModalitiesSchema
  public let index: SiteIndex
  /// Cycles, newest first.
  public let cycles: [CycleInventory]
  /// BPFs and working groups across cycles, by series field then id.
  public let series: [Series]
  /// Themes by name.
  public let themes: [Theme]
  /// People with at least one role, in `people.yml` order.
  public let people: [PersonRecord]
  /// Documents each document references (front matter and body links), without repeats.
  public let references: [DocumentID: [DocumentID]]
  /// Documents that reference each document: its backlinks.
  public let referencedBy: [DocumentID: [DocumentID]]
  /// The warnings of each file, shown on its page and in its cycle's inventory.
  public let warnings: [String: [Diagnostic]]
  /// The errors of each file. A build stops on them; the preview shows them on the
  /// document's page, which is the draft a facilitator is writing.
  public let errors: [String: [Diagnostic]]
  /// Documents that have pages (every document but the cycles' landing texts).
  public let pagedDocuments: [ParsedDocument]
  /// The translations that have pages: those of documents with pages, into the site's
  /// languages, in id order.
  public let translations: [ParsedDocument]

  private let cyclePositions: [Int: Int]
  private let sortedForSearch = Mutex<[ParsedDocument]?>(nil)
  private let seriesPositions: [SeriesKey: Int]
  private let personPositions: [String: Int]
  private let themePositions: [String: Int]
  private let kinds: [String: KindSpec]

  public init(
    config: SiteConfig, schema: ModalitiesSchema, index: SiteIndex, cycles: [CycleInventory], series: [Series],
    themes: [Theme], people: [PersonRecord], references: [DocumentID: [DocumentID]],
    referencedBy: [DocumentID: [DocumentID]], warnings: [String: [Diagnostic]], errors: [String: [Diagnostic]] = [:]
  ) {
    self.errors = errors
    self.config = config
    self.schema = schema
    self.index = index
    self.cycles = cycles
    self.series = series
    self.themes = themes
    self.people = people
    self.references = references
    self.referencedBy = referencedBy
    self.warnings = warnings
    pagedDocuments = index.documents.filter { !$0.isCycleLanding }
    let published = index.translations.filter { $0.translationOf.map { index[$0] != nil } ?? false }
    translations = published.filter { translation in
      translation.translationOf.flatMap { index[$0] }.map { !$0.isCycleLanding } ?? false
    }
    let present = Set(published.compactMap(\.language))
    translatedLanguages = config.languages.filter(present.contains)
    cyclePositions = Dictionary(cycles.enumerated().map { ($1.year, $0) }, uniquingKeysWith: { first, _ in first })
    seriesPositions = Dictionary(series.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    personPositions = Dictionary(
      people.enumerated().map { ($1.person.id, $0) }, uniquingKeysWith: { first, _ in first })
    themePositions = Dictionary(themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    kinds = Dictionary(schema.kinds.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The paged documents as the search index numbers them: newest cycle first, then by id,
  /// so that each cycle is one range of numbers and equal scores list the newest first.
  /// Sorted when first asked for (a preview edit that renders no search file never sorts).
  public var searchOrder: [ParsedDocument] {
    sortedForSearch.withLock { sorted in
      if let sorted { return sorted }
      let made = pagedDocuments.sorted { ($0.cycle ?? 0, $1.id) > ($1.cycle ?? 0, $0.id) }
      sorted = made
      return made
    }
  }

  /// A document's translations that have pages, in the order of the site's languages.
  public func translations(of document: ParsedDocument) -> [ParsedDocument] {
    guard !document.isCycleLanding else { return [] }
    let order = config.languages
    return index.translations(of: document.id).sorted {
      (order.firstIndex(of: $0.language ?? "") ?? order.count)
        < (order.firstIndex(of: $1.language ?? "") ?? order.count)
    }
  }

  /// The site's other languages with translations of published documents (a cycle's
  /// landing text's included), in the site's order: each has its home page, inventories,
  /// search and feeds.
  public let translatedLanguages: [String]

  /// A cycle's landing text in a language, when it is translated.
  public func landing(of cycle: CycleInventory, in language: String) -> ParsedDocument? {
    cycle.landing.flatMap { landing in index.translations(of: landing.id).first { $0.language == language } }
  }

  /// The languages a document can be read in: the site's default, then its translations'.
  public func languages(of document: ParsedDocument) -> [String] {
    [config.language] + translations(of: document).compactMap(\.language)
  }

  public func kind(of document: ParsedDocument) -> KindSpec? { document.kind.flatMap { kinds[$0] } }

  public func series(of document: ParsedDocument) -> Series? {
    SeriesKey(document, schema: schema).flatMap(series(_:))
  }

  public func series(_ key: SeriesKey) -> Series? { seriesPositions[key].map { series[$0] } }

  /// The documents before and after a document in its series.
  public func neighbours(of document: ParsedDocument) -> (previous: ParsedDocument?, next: ParsedDocument?) {
    // Found when a page asks: a table for every document cost each preview edit its rebuild.
    guard let members = series(of: document), let position = members.positions[document.id] else {
      return (nil, nil)
    }
    let documents = members.documents
    return (
      position > 0 ? documents[position - 1] : nil, position + 1 < documents.count ? documents[position + 1] : nil
    )
  }

  public func cycle(_ year: Int) -> CycleInventory? { cyclePositions[year].map { cycles[$0] } }

  public func person(_ id: String) -> PersonRecord? { personPositions[id].map { people[$0] } }

  public func theme(_ id: String) -> Theme? { themePositions[id].map { themes[$0] } }
}

/// One BPF or working group, identified by its series field and id (`bpf`, `cybersecurity`).
public struct SeriesKey: Sendable, Hashable, Comparable {
  public var field: String
  public var id: String

  public init(field: String, id: String) {
    self.field = field
    self.id = id
  }

  init?(_ document: ParsedDocument, schema: ModalitiesSchema) {
    guard let field = document.kind.flatMap(schema.seriesField(ofKind:)), let id = document[field]?.string,
      !id.utf8.contains(UInt8(ascii: "/")), DocumentID(id).namingProblem == nil
    else { return nil }
    self.init(field: field, id: id)
  }

  public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool { (lhs.field, lhs.id) < (rhs.field, rhs.id) }

  /// `bpf/cybersecurity/index.html`
  public var pagePath: PagePath { PagePlan.series(field: field, id: id) }
}

/// A BPF, working group, Dynamic Coalition or Policy Network across the cycles it appears
/// in, named as `series.yml` names it. A class: every page of a series' documents asks for
/// it, and passing it on then counts one reference, not one for each of its parts.
public final class Series: Sendable {
  public let key: SeriesKey
  public let title: String
  public let description: String?
  /// `Best Practice Forum`, from the schema's series types.
  public let typeLabel: String
  /// Whether `series.yml` names it (otherwise the title comes from its id).
  public let isNamed: Bool
  /// Cycles in order, each with the series' documents of that cycle by date, then in schema
  /// kind order.
  public let cycles: [(year: Int, documents: [ParsedDocument])]
  /// The documents of every cycle, in order, and where each sits among them.
  public let documents: [ParsedDocument]
  let positions: [DocumentID: Int]

  init(
    key: SeriesKey, title: String, description: String?, typeLabel: String, isNamed: Bool,
    cycles: [(year: Int, documents: [ParsedDocument])]
  ) {
    (self.key, self.title, self.description, self.typeLabel, self.isNamed) = (
      key, title, description, typeLabel, isNamed
    )
    self.cycles = cycles
    documents = cycles.flatMap(\.documents)
    positions = Dictionary(documents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }
}

/// Everything of one cycle, as its outcome inventory shows it.
public struct CycleInventory: Sendable {
  public let year: Int
  /// The cycle's landing text (`2017/_cycle.md`), when there is one.
  public let landing: ParsedDocument?
  /// Items grouped by kind, in the schema's kind order.
  public let groups: [(kind: KindSpec, items: [InventoryItem])]
  /// What the inventory flags as needing further attention.
  public let attention: [AttentionItem]
  /// Facilitators of the cycle's items by stakeholder group.
  public let balance: StakeholderBalance

  /// Every item, group after group (kept, as pages and data files walk it often).
  public let items: [InventoryItem]

  init(
    year: Int, landing: ParsedDocument?, groups: [(kind: KindSpec, items: [InventoryItem])], attention: [AttentionItem],
    balance: StakeholderBalance
  ) {
    self.year = year
    self.landing = landing
    self.groups = groups
    self.attention = attention
    self.balance = balance
    items = groups.flatMap(\.items)
  }

  public var pagePath: PagePath { PagePath.cycle(year) }

  public var title: String { landing?.title ?? "IGF \(year)" }
}

/// One document in a cycle inventory, with what the inventory says about it. A class, as
/// `Series` is: the inventories' pages and data files pass items on by the thousand.
public final class InventoryItem: Sendable {
  public let document: ParsedDocument
  public let kind: KindSpec
  public let series: SeriesKey?
  public let facilitators: [Person]
  /// Outputs of the same series in the same cycle (for proposals and reports).
  public let outputs: [ParsedDocument]
  /// The same series in the nearest earlier and later cycles.
  public let continuesFrom: ParsedDocument?
  public let continuedIn: ParsedDocument?
  public let warnings: [Diagnostic]
  public let balance: StakeholderBalance
  /// Whether the modalities applied to the document, and why not.
  public let modalities: ModalitiesApplicability

  init(
    document: ParsedDocument, kind: KindSpec, series: SeriesKey?, facilitators: [Person], outputs: [ParsedDocument],
    continuesFrom: ParsedDocument?, continuedIn: ParsedDocument?, warnings: [Diagnostic], balance: StakeholderBalance,
    modalities: ModalitiesApplicability
  ) {
    (self.document, self.kind, self.series, self.facilitators, self.outputs) = (
      document, kind, series, facilitators, outputs
    )
    (self.continuesFrom, self.continuedIn, self.warnings, self.balance, self.modalities) = (
      continuesFrom, continuedIn, warnings, balance, modalities
    )
  }
}

/// Why an inventory item needs further attention.
public struct AttentionItem: Sendable {
  public enum Reason: String, Sendable, CaseIterable {
    case noFinalOutput = "no-final-output"
    case notRenewed = "not-renewed"
    case pending = "pending"
    case warnings = "warnings"
    case missingTranslations = "missing-translations"

    public var heading: String {
      switch self {
      case .missingTranslations: "Translations still missing"
      case .noFinalOutput: "Without a final output"
      case .notRenewed: "Working groups not renewed"
      case .pending: "Proposals still pending"
      case .warnings: "Documents with warnings"
      }
    }
  }

  /// What exactly is missing, for each language's pages to say in its words.
  public enum Detail: Sendable {
    /// The series (by its type's label) published no output in the cycle.
    case noOutput(series: String, year: Int)
    /// The series' outputs of the cycle, none of them final.
    case onlyDrafts(series: String, outputs: [ParsedDocument])
    case notInLaterCycle
    case status(String)
    /// The warnings' messages (diagnostics are in English).
    case warnings([String])
    /// The languages asked for and missing, by code.
    case missingTranslations([String])
  }

  public let reason: Reason
  public let document: ParsedDocument
  public let details: Detail

  /// The detail in English, as the data files give it.
  public var detail: String {
    switch details {
    case .noOutput(let series, let year): "\(series): no output published for \(year)"
    case .onlyDrafts(let series, let outputs):
      "\(series): only " + outputs.map { "\($0.status ?? "no status") output \($0.title)" }.joined(separator: "; ")
    case .notInLaterCycle: "not in any later cycle"
    case .status(let status): "status: \(status)"
    case .warnings(let messages):
      "\(messages.count) warning\(messages.count == 1 ? "" : "s"): \(messages.joined(separator: "; "))"
    case .missingTranslations(let codes):
      "not yet in " + codes.map { "\(Language($0).englishName) (\($0))" }.joined(separator: ", ")
    }
  }
}

/// Counts of people by stakeholder group, in the schema's vocabulary order.
public struct StakeholderBalance: Sendable {
  public let counts: [(group: String, count: Int)]

  public init(counts: [(group: String, count: Int)]) {
    self.counts = counts
  }

  public var total: Int { counts.reduce(0) { $0 + $1.count } }
}

/// A theme and its documents across cycles.
public struct Theme: Sendable {
  public let id: String
  public let name: String
  public let documents: [ParsedDocument]

  public var pagePath: PagePath { PagePlan.theme(id) }
}

/// A person with the roles the content gives them.
public struct PersonRecord: Sendable {
  public let person: Person
  public let roles: [Role]

  public struct Role: Sendable {
    public let cycle: Int?
    /// The front-matter field naming the person (`facilitators`).
    public let field: String
    /// The field's name in words (`Organizers`), for a field without a role's word; pages in
    /// other languages look it up in the schema's `labels:`.
    public let fieldLabel: String
    /// The participants' group a meeting summary lists the person in (`MAG Members`).
    public let group: String?
    public let document: ParsedDocument

    /// What the person did, in English words (`Co-facilitator`, `Participant (MAG Members)`).
    public var label: String {
      let role = PeopleRoles.labels[field] ?? fieldLabel
      return group.map { "\(role) (\($0))" } ?? role
    }
  }

  public var pagePath: PagePath { person.pagePath }
}
