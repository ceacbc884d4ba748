/// The id of the rule a problem breaks (`front-matter.yaml`, `bpf-proposal.sections`): what
/// a user searches the README for and `igfsite check --rules` lists. One type, so every id
/// igfsite reports is declared once, below; a kind's checks are named by the schema.
public struct RuleID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let rawValue: String

  private init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// A check of one kind of document: `bpf-proposal.sections`, or a rule the schema
  /// configures (`bpf-proposal.submission-deadline`).
  public static func kind(_ kind: String, _ check: String) -> RuleID { RuleID("\(kind).\(check)") }

  public var description: String { rawValue }
  public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension RuleID {
  // The files of content/: reading them.
  public static let contentEmpty = RuleID("content.empty")
  public static let contentUnreadable = RuleID("content.unreadable")
  public static let contentEncoding = RuleID("content.encoding")
  public static let contentTooLarge = RuleID("content.too-large")
  public static let contentSymlink = RuleID("content.symlink")
  public static let contentFileName = RuleID("content.file-name")
  public static let contentUnwritable = RuleID("content.unwritable")
  public static let contentURLCollision = RuleID("content.url-collision")
  public static let contentSecondTitle = RuleID("content.second-title")
  public static let contentPlaceholder = RuleID("content.placeholder")

  // Front matter.
  public static let frontMatterMissing = RuleID("front-matter.missing")
  public static let frontMatterUnclosed = RuleID("front-matter.unclosed")
  public static let frontMatterYAML = RuleID("front-matter.yaml")
  public static let frontMatterKind = RuleID("front-matter.kind")
  public static let frontMatterCycle = RuleID("front-matter.cycle")
  public static let frontMatterMissingField = RuleID("front-matter.missing-field")
  public static let frontMatterType = RuleID("front-matter.type")
  public static let frontMatterUnknownField = RuleID("front-matter.unknown-field")
  public static let frontMatterVocabulary = RuleID("front-matter.vocabulary")
  /// Links and front-matter references to documents that are not there.
  public static let references = RuleID("references")
  public static let markdownTableTooWide = RuleID("markdown.table-too-wide")

  // Translations (`proposal.fr.md`).
  public static let translationLanguage = RuleID("translation.language")
  public static let translationNoDocument = RuleID("translation.no-document")
  public static let translationFact = RuleID("translation.fact")
  public static let translationOutOfDate = RuleID("translation.out-of-date")

  // Settings: site.yml, people.yml, series.yml and the modalities schema.
  public static let yamlSyntax = RuleID("yaml.syntax")
  public static let settingsMissing = RuleID("settings.missing")
  public static let settingsYAML = RuleID("settings.yaml")
  public static let settingsType = RuleID("settings.type")
  public static let siteVersion = RuleID("site.version")
  public static let peopleID = RuleID("people.id")
  public static let peopleVocabulary = RuleID("people.vocabulary")
  public static let seriesUnnamed = RuleID("series.unnamed")
  public static let modalitiesSchema = RuleID("modalities.schema")

  // Templates and output.
  public static let templateSyntax = RuleID("template.syntax")
  public static let templateMissing = RuleID("template.missing")
  public static let templateMissingName = RuleID("template.missing-name")
  public static let outputUnsafe = RuleID("output.unsafe")
  public static let outputWrite = RuleID("output.write")
  public static let outputBookkeeping = RuleID("output.bookkeeping")
}

/// The checks of one settings file's fields (`site.type`, `people.unknown-field`).
public struct FieldRules: Sendable {
  public let missingField: RuleID
  public let type: RuleID
  public let unknownField: RuleID

  public static let site = FieldRules(file: "site")
  public static let people = FieldRules(file: "people")
  public static let series = FieldRules(file: "series")

  private init(file: String) {
    missingField = .kind(file, "missing-field")
    type = .kind(file, "type")
    unknownField = .kind(file, "unknown-field")
  }
}
