import SiteModel

/// The modalities the MAG agreed, read from `content/modalities.yml`: per document kind, the
/// fields with their types and vocabularies, the body sections in order, and the rules with
/// their parameters and severities. It is data because the MAG adjusts the modalities from
/// year to year.
public struct ModalitiesSchema: Sendable {
  public var vocabularies: [String: [String]]
  /// Fields every document may have.
  public var commonFields: [FieldSpec]
  /// Severity of the generic checks (`missing-field`, `type`, `vocabulary`, `unknown-field`,
  /// `sections`, `section-order`, `references`).
  public var checkSeverities: [String: Severity]
  /// Kinds in file order.
  public var kinds: [KindSpec]
  /// What the cycle inventories flag as needing further attention.
  public var inventory: InventoryPolicy
  /// The kinds of series (BPFs, working groups, Dynamic Coalitions, Policy Networks), by the
  /// front-matter field that names a document's series.
  public var seriesTypes: [SeriesType]
  /// The translations the MAG asks for: the inventories list a document of these kinds
  /// that is not yet in every one of these languages as needing further attention.
  public var translations: TranslationPolicy?
  /// The schema's words in other languages (`labels: {fr: {BPF proposal: …}}`), by
  /// language and word: pages in that language show them, data files keep the schema's.
  public var labels: [String: [String: String]] = [:]
  public var file: String

  public init(
    vocabularies: [String: [String]] = [:], commonFields: [FieldSpec] = [], checkSeverities: [String: Severity] = [:],
    kinds: [KindSpec] = [], inventory: InventoryPolicy = InventoryPolicy(), seriesTypes: [SeriesType] = [],
    file: String = "content/modalities.yml"
  ) {
    self.inventory = inventory
    self.seriesTypes = seriesTypes
    self.vocabularies = vocabularies
    self.commonFields = commonFields
    self.checkSeverities = checkSeverities
    self.kinds = kinds
    self.file = file
  }

  /// Every word `labels:` may give in another language: the kinds', series' and fields'
  /// labels and the vocabularies' values.
  public var words: Set<String> {
    var words = Set(kinds.map(\.label) + seriesTypes.map(\.label) + vocabularies.values.joined())
    func add(_ fields: [FieldSpec]) {
      for field in fields {
        words.insert(field.label)
        switch field.type {
        case .object(let inner): add(inner)
        case .list(let element):
          if case .object(let inner) = element.type { add(inner) }
        default: break
        }
      }
    }
    add(commonFields)
    for kind in kinds { add(kind.fields) }
    return words
  }

  public func kind(_ id: String) -> KindSpec? { kinds.first(where: { $0.id == id }) }

  /// The field naming the series of documents of a kind (`bpf`), if the kind has one.
  public func seriesField(ofKind id: String) -> String? {
    for kind in kinds where kind.id == id { return kind.seriesField }
    return nil
  }

  public func seriesType(_ field: String) -> SeriesType? { seriesTypes.first(where: { $0.field == field }) }

  /// The severity of a generic check; errors unless the schema says otherwise.
  public func severity(of check: String) -> Severity { checkSeverities[check] ?? .error }

  /// The fields of a kind, the kind's own overriding common ones of the same name.
  public func fields(of kind: KindSpec) -> [FieldSpec] {
    kind.allFields ?? Self.merge(commonFields, kind.fields)
  }

  static func merge(_ common: [FieldSpec], _ own: [FieldSpec]) -> [FieldSpec] {
    let names = Set(own.map(\.name))
    return common.filter { !names.contains($0.name) } + own
  }
}

/// One document kind of the schema (`bpf-proposal`, `wg-proposal` …).
public struct KindSpec: Sendable {
  /// What a kind is made of, in one box its copies share: checks, links and pages pass
  /// kinds around thousands of times, and a copy then counts one reference instead of
  /// nine. A change (only while the schema loads) puts the parts in a new box.
  private struct Parts: Sendable {
    var id: String
    var label: String
    var description: String
    var seriesField: String?
    var fields: [FieldSpec]
    var sectionTemplates: [SectionTemplate]
    var rules: [RuleConfig]
    var cycles: CycleRange
    var location: SourceLocation
    var allFields: [FieldSpec]?
    var documentFields: [FieldSpec]?
    var personFields: [FieldSpec]?
  }

  private final class Box: Sendable {
    let parts: Parts
    init(_ parts: Parts) { self.parts = parts }
  }

  private var box: Box

  private var parts: Parts {
    get { box.parts }
    set { box = Box(newValue) }
  }

  public var id: String {
    get { box.parts.id }
    set { parts.id = newValue }
  }
  /// The kind's name for people (`BPF proposal`).
  public var label: String {
    get { box.parts.label }
    set { parts.label = newValue }
  }
  public var description: String {
    get { box.parts.description }
    set { parts.description = newValue }
  }
  /// The front-matter field naming the series (a BPF or working group) across cycles.
  public var seriesField: String? {
    get { box.parts.seriesField }
    set { parts.seriesField = newValue }
  }
  public var fields: [FieldSpec] {
    get { box.parts.fields }
    set { parts.fields = newValue }
  }
  /// The section templates, each for the cycles it applied to.
  public var sectionTemplates: [SectionTemplate] {
    get { box.parts.sectionTemplates }
    set { parts.sectionTemplates = newValue }
  }
  public var rules: [RuleConfig] {
    get { box.parts.rules }
    set { parts.rules = newValue }
  }
  /// The cycles documents of this kind can belong to (Policy Networks start in 2021).
  public var cycles: CycleRange {
    get { box.parts.cycles }
    set { parts.cycles = newValue }
  }
  public var location: SourceLocation {
    get { box.parts.location }
    set { parts.location = newValue }
  }
  /// The common fields and the kind's own, once the schema is complete.
  public var allFields: [FieldSpec]? {
    get { box.parts.allFields }
    set {
      var changed = parts
      changed.allFields = newValue
      changed.documentFields = newValue?.filter { $0.type.mayName(people: false) }
      changed.personFields = newValue?.filter { $0.type.mayName(people: true) }
      parts = changed
    }
  }
  /// Of `allFields`, those whose values may name documents: the few a document's
  /// references are looked for in, for every document and page.
  public var documentFields: [FieldSpec]? { box.parts.documentFields }
  /// Of `allFields`, those whose values may name people.
  public var personFields: [FieldSpec]? { box.parts.personFields }

  public init(
    id: String, label: String, description: String = "", seriesField: String? = nil, fields: [FieldSpec] = [],
    sections: [SectionSpec] = [], rules: [RuleConfig] = [], cycles: CycleRange = .always, location: SourceLocation
  ) {
    box = Box(
      Parts(
        id: id, label: label, description: description, seriesField: seriesField, fields: fields,
        sectionTemplates: sections.isEmpty ? [] : [SectionTemplate(cycles: .always, sections: sections)],
        rules: rules, cycles: cycles, location: location))
  }

  /// The sections required of a document of `cycle`: those of the template in force then.
  public func sections(in cycle: Int?) -> [SectionSpec] {
    sectionTemplates.first { $0.cycles.contains(cycle) }?.sections ?? []
  }

  /// The template of the latest cycles, for a new document.
  public var latestSections: [SectionSpec] { sectionTemplates.max { $0.cycles < $1.cycles }?.sections ?? [] }

  /// Whether any template or rule of the modalities applies to documents of `cycle`.
  public func hasModalities(in cycle: Int?) -> Bool {
    sectionTemplates.contains { $0.cycles.contains(cycle) } || rules.contains { $0.cycles.contains(cycle) }
  }

  /// The first cycle any template or rule applies to; nil when the kind has none.
  public var firstModalitiesCycle: Int? {
    let ranges = sectionTemplates.map(\.cycles) + rules.map(\.cycles)
    guard !ranges.isEmpty else { return nil }
    return ranges.map { $0.from ?? Int.min }.min()
  }
}

/// The cycles a template, rule or kind applies to: `from` and `until`, both included, either
/// open. The MAG changes modalities from year to year; a change is a new entry beside the old.
public struct CycleRange: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var from: Int?
  public var until: Int?

  public static let always = CycleRange(from: nil, until: nil)

  public init(from: Int?, until: Int?) {
    self.from = from
    self.until = until
  }

  /// A document without a cycle is held to every entry.
  public func contains(_ cycle: Int?) -> Bool {
    guard let cycle else { return true }
    return (from.map { cycle >= $0 } ?? true) && (until.map { cycle <= $0 } ?? true)
  }

  public func overlaps(_ other: CycleRange) -> Bool {
    (from ?? Int.min) <= (other.until ?? Int.max) && (other.from ?? Int.min) <= (until ?? Int.max)
  }

  public static func < (lhs: CycleRange, rhs: CycleRange) -> Bool { (lhs.from ?? Int.min) < (rhs.from ?? Int.min) }

  /// `from 2018`, `2018–2019`, `until 2017` or `every cycle`.
  public var description: String {
    switch (from, until) {
    case (let from?, let until?): from == until ? "\(from)" : "\(from)–\(until)"
    case (let from?, nil): "from \(from)"
    case (nil, let until?): "until \(until)"
    case (nil, nil): "every cycle"
    }
  }
}

/// The body sections the modalities required over some cycles, in order.
public struct SectionTemplate: Sendable {
  public var cycles: CycleRange
  public var sections: [SectionSpec]
  /// Where the template is written (`Annex II`).
  public var source: String?

  public init(cycles: CycleRange, sections: [SectionSpec], source: String? = nil) {
    self.cycles = cycles
    self.sections = sections
    self.source = source
  }
}

/// A kind of series: the documents of one BPF, working group, Dynamic Coalition or Policy
/// Network across cycles, and what the inventory expects of it.
public struct SeriesType: Sendable {
  /// The front-matter field naming the series, and the first folder of its pages (`bpf`).
  public var field: String
  /// `Best Practice Forum`
  public var label: String
  /// The kinds and statuses that count as the series' final output of a cycle; nil when
  /// the series is not expected to produce one.
  public var finalOutput: FinalOutput?
  /// Whether a member of the series must be approved anew each cycle (working groups).
  public var renewedEachCycle: Bool
  public var location: SourceLocation

  public struct FinalOutput: Sendable {
    public var kinds: [String]
    public var statuses: [String]

    public init(kinds: [String], statuses: [String]) {
      self.kinds = kinds
      self.statuses = statuses
    }
  }

  public init(
    field: String, label: String, finalOutput: FinalOutput? = nil, renewedEachCycle: Bool = false,
    location: SourceLocation
  ) {
    self.field = field
    self.label = label
    self.finalOutput = finalOutput
    self.renewedEachCycle = renewedEachCycle
    self.location = location
  }
}

/// A front-matter field: its type, whether it is required and its vocabulary.
public struct FieldSpec: Sendable {
  public var name: String
  public var type: FieldType
  public var required: Bool
  public var vocabulary: String?
  /// How pages label the field (`MAG meeting reviewing it`); by default its name.
  public var label: String
  /// The value `igfsite new` writes for the field.
  public var defaultValue: String?
  /// Whether the field may say `unknown` (a report whose authors are not named).
  public var allowsUnknown: Bool
  public var location: SourceLocation

  public init(
    name: String, type: FieldType, required: Bool = false, vocabulary: String? = nil, label: String? = nil,
    defaultValue: String? = nil, allowsUnknown: Bool = false, location: SourceLocation
  ) {
    self.allowsUnknown = allowsUnknown
    self.name = name
    self.defaultValue = defaultValue
    self.type = type
    self.required = required
    self.vocabulary = vocabulary
    self.label = label ?? FieldSpec.defaultLabel(name)
    self.location = location
  }

  /// `next_meeting` → `Next meeting`, `url` → `URL`.
  public static func defaultLabel(_ name: String) -> String {
    let words = name.split(separator: "_").map { word in
      ["url", "id", "bpf", "wg", "dc", "pn", "nri", "igf", "mag"].contains(word) ? word.uppercased() : String(word)
    }
    let text = words.joined(separator: " ")
    return text.prefix(1).uppercased() + text.dropFirst()
  }
}

/// The types a front-matter value can be declared with.
public indirect enum FieldType: Sendable {
  case string
  /// Longer text; checked like `string`.
  case text
  case date
  case integer
  case boolean
  /// An absolute http(s) URL.
  case url
  /// The id of a document, optionally of one kind. `mustExist: false` accepts ids of
  /// documents not (yet) in the content, such as the next meeting.
  case reference(kind: String?, mustExist: Bool)
  /// The id of a person in `people.yml`.
  case person
  case list(of: FieldSpec)
  case object(fields: [FieldSpec])

  /// Whether a value of the type may name a document (or, with `people`, a person).
  public func mayName(people: Bool) -> Bool {
    switch self {
    case .reference: !people
    case .person: people
    case .list(let item): item.type.mayName(people: people)
    case .object(let fields): fields.contains { $0.type.mayName(people: people) }
    default: false
    }
  }

  /// How messages describe the type.
  public var description: String {
    switch self {
    case .string, .text: "text"
    case .date: "a date (YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known)"
    case .integer: "a whole number"
    case .boolean: "true or false"
    case .url: "an http(s) URL"
    case .reference(let kind, _): kind.map { "the id of a \($0) document" } ?? "a document id"
    case .person: "a person id from people.yml"
    case .list(let item): "a list of \(item.type.pluralDescription)"
    case .object: "a mapping of fields"
    }
  }

  var pluralDescription: String {
    switch self {
    case .string, .text: "text values"
    case .date: "dates"
    case .integer: "whole numbers"
    case .boolean: "booleans"
    case .url: "URLs"
    case .reference: "document ids"
    case .person: "person ids from people.yml"
    case .list: "lists"
    case .object: "mappings"
    }
  }
}

/// A body section the modalities require, matched against the document's headings.
public struct SectionSpec: Sendable {
  public let title: String
  /// Other headings that count as this section (`Annex I` for the agenda).
  public let alternatives: [String]
  public let optional: Bool
  /// The title and alternatives as headings are compared with them.
  public let normalizedTitles: [String]
  /// The title in other languages (`fr: Résumé analytique`), for texts in them.
  public let translatedTitles: [String: String]

  public init(
    title: String, alternatives: [String] = [], optional: Bool = false, translatedTitles: [String: String] = [:]
  ) {
    self.title = title
    self.alternatives = alternatives
    self.optional = optional
    self.translatedTitles = translatedTitles
    normalizedTitles = ([title] + alternatives).map(Self.normalise)
  }

  /// The title a text in `language` is to use, and the headings that count as the section
  /// in it: its title in that language, and the default ones.
  public func titles(in language: String?) -> (title: String, normalized: [String]) {
    let primary = language.map { String($0.split(separator: "-").first ?? Substring($0)) }
    guard let language, let translated = translatedTitles[language] ?? primary.flatMap({ translatedTitles[$0] })
    else { return (title, normalizedTitles) }
    return (translated, [Self.normalise(translated)] + normalizedTitles)
  }

  /// Lowercase words: parentheses and apostrophes vanish (`Output(s)` → `outputs`), other
  /// punctuation separates words (`Objectives/Goals` → `objectives goals`).
  public static func normalise(_ text: String) -> String {
    if let ascii = normaliseASCII(text) { return ascii }
    var words: [String] = []
    var current = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if character == "(" || character == ")" || character == "'" || character == "’" {
        continue
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.joined(separator: " ")
  }

  /// `normalise` for ASCII text, byte by byte (headings are checked by the thousand); nil
  /// for text with other characters.
  private static func normaliseASCII(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      switch byte {
      case 0x80...: return nil
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        if pendingSpace { bytes.append(32) }
        pendingSpace = false
        bytes.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
      case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "'"):
        continue
      default:
        if !bytes.isEmpty { pendingSpace = true }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// A rule of a kind as the schema configures it: which rule, how serious, with which
/// parameters.
public struct RuleConfig: Sendable {
  public var name: String
  public var severity: Severity
  /// The rule's mapping in the schema, for its parameters.
  public var parameters: YAMLNode
  /// The cycles the rule applies to.
  public var cycles: CycleRange
  public var location: SourceLocation

  public init(
    name: String, severity: Severity, parameters: YAMLNode, cycles: CycleRange = .always, location: SourceLocation
  ) {
    self.cycles = cycles
    self.name = name
    self.severity = severity
    self.parameters = parameters
    self.location = location
  }
}

/// The translations the MAG asks for, from the schema's `translations` section:
/// `translations: {kinds: [bpf-output, igf-messages], languages: [ar, zh, fr, ru, es], from: 2021}`.
public struct TranslationPolicy: Sendable {
  public var kinds: [String]
  public var languages: [String]
  /// The first cycle the request applies to; nil for every cycle.
  public var from: Int?
  public var location: SourceLocation

  public init(kinds: [String], languages: [String], from: Int? = nil, location: SourceLocation) {
    self.kinds = kinds
    self.languages = languages
    self.from = from
    self.location = location
  }

  /// The languages a document still lacks a translation into, when the request applies.
  public func missing(for document: ParsedDocument, has languages: Set<String>) -> [String] {
    guard kinds.contains(document.kind ?? ""), from.map({ (document.cycle ?? 0) >= $0 }) ?? true else { return [] }
    return self.languages.filter { !languages.contains($0) }
  }
}

/// What a cycle inventory lists under "Needs further attention", and in which order it
/// lists a kind's documents, from the schema's `inventory` section.
public struct InventoryPolicy: Sendable {
  /// Statuses of proposals still waiting for a decision.
  public var pendingStatuses: [String]
  /// Statuses of items that are no longer active (withdrawn, dissolved).
  public var closedStatuses: [String]
  /// Kinds that are outcomes (outputs and reports), listed first on the home page.
  public var outputKinds: [String]
  /// How the documents of one kind are ordered in inventories, data files and feeds.
  public var order: [InventoryOrder]

  public init(
    pendingStatuses: [String] = [], closedStatuses: [String] = [], outputKinds: [String] = [],
    order: [InventoryOrder] = [.date, .title]
  ) {
    self.outputKinds = outputKinds
    self.pendingStatuses = pendingStatuses
    self.closedStatuses = closedStatuses
    self.order = order
  }
}

/// A key the documents of one kind are sorted by; the document id breaks the last tie.
public enum InventoryOrder: String, Sendable, CaseIterable {
  /// The document's date as far as known, earliest first; undated documents last.
  case date
  case title
  case id
}
