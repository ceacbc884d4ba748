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
  public var file: String

  public init(
    vocabularies: [String: [String]] = [:], commonFields: [FieldSpec] = [], checkSeverities: [String: Severity] = [:],
    kinds: [KindSpec] = [], inventory: InventoryPolicy = InventoryPolicy(), file: String = "content/modalities.yml"
  ) {
    self.inventory = inventory
    self.vocabularies = vocabularies
    self.commonFields = commonFields
    self.checkSeverities = checkSeverities
    self.kinds = kinds
    self.file = file
  }

  public func kind(_ id: String) -> KindSpec? { kinds.first(where: { $0.id == id }) }

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
  public var id: String
  /// The kind's name for people (`BPF proposal`).
  public var label: String
  public var description: String
  /// The front-matter field naming the series (a BPF or working group) across cycles.
  public var seriesField: String?
  public var fields: [FieldSpec]
  public var sections: [SectionSpec]
  public var rules: [RuleConfig]
  public var location: SourceLocation
  /// The common fields and the kind's own, once the schema is complete.
  public var allFields: [FieldSpec]?

  public init(
    id: String, label: String, description: String = "", seriesField: String? = nil, fields: [FieldSpec] = [],
    sections: [SectionSpec] = [], rules: [RuleConfig] = [], location: SourceLocation
  ) {
    self.id = id
    self.label = label
    self.description = description
    self.seriesField = seriesField
    self.fields = fields
    self.sections = sections
    self.rules = rules
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
  public var location: SourceLocation

  public init(
    name: String, type: FieldType, required: Bool = false, vocabulary: String? = nil, label: String? = nil,
    defaultValue: String? = nil, location: SourceLocation
  ) {
    self.name = name
    self.defaultValue = defaultValue
    self.type = type
    self.required = required
    self.vocabulary = vocabulary
    self.label = label ?? FieldSpec.defaultLabel(name)
    self.location = location
  }

  /// `next_meeting` → `Next meeting`.
  public static func defaultLabel(_ name: String) -> String {
    let words = name.split(separator: "_").joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
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

  /// How messages describe the type.
  public var description: String {
    switch self {
    case .string, .text: "text"
    case .date: "a date (YYYY-MM-DD)"
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
  let normalizedTitles: [String]

  public init(title: String, alternatives: [String] = [], optional: Bool = false) {
    self.title = title
    self.alternatives = alternatives
    self.optional = optional
    normalizedTitles = ([title] + alternatives).map(SectionChecker.normalise)
  }
}

/// A rule of a kind as the schema configures it: which rule, how serious, with which
/// parameters.
public struct RuleConfig: Sendable {
  public var name: String
  public var severity: Severity
  /// The rule's mapping in the schema, for its parameters.
  public var parameters: YAMLNode
  public var location: SourceLocation

  public init(name: String, severity: Severity, parameters: YAMLNode, location: SourceLocation) {
    self.name = name
    self.severity = severity
    self.parameters = parameters
    self.location = location
  }
}

/// What a cycle inventory lists under "Needs further attention", from the schema's
/// `inventory` section.
public struct InventoryPolicy: Sendable {
  /// Statuses of proposals still waiting for a decision.
  public var pendingStatuses: [String]
  /// Statuses of items that are no longer active (withdrawn, dissolved).
  public var closedStatuses: [String]
  /// Series (by series field) expected to produce a final output each cycle.
  public var finalOutput: FinalOutput?
  /// Series fields whose groups must be renewed each cycle (working groups).
  public var renewedEachCycle: [String]
  /// Kinds that are outcomes (outputs and reports), listed first on the home page.
  public var outputKinds: [String]

  public struct FinalOutput: Sendable {
    public var seriesField: String
    public var kind: String
    public var status: String

    public init(seriesField: String, kind: String, status: String) {
      self.seriesField = seriesField
      self.kind = kind
      self.status = status
    }
  }

  public init(
    pendingStatuses: [String] = [], closedStatuses: [String] = [], finalOutput: FinalOutput? = nil,
    renewedEachCycle: [String] = [], outputKinds: [String] = []
  ) {
    self.outputKinds = outputKinds
    self.pendingStatuses = pendingStatuses
    self.closedStatuses = closedStatuses
    self.finalOutput = finalOutput
    self.renewedEachCycle = renewedEachCycle
  }
}
