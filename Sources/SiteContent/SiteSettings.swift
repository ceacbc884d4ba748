import Foundation
import SiteModel

/// Loads `content/site.yml`, `content/people.yml` and `content/series.yml`.
public enum SiteSettings {
  public static func loadConfig(_ layout: SiteLayout, diagnostics: inout [Diagnostic]) -> SiteConfig {
    var config = SiteConfig()
    guard let node = SettingsReader.read("site.yml", layout: layout, required: true, diagnostics: &diagnostics)
    else { return config }
    var fields = FieldReader(node, rules: .site)
    // A site made for a later igfsite says so first: its other fields may be ones this
    // igfsite does not know, and those are not the problem.
    let versionNode = node["requires_igfsite"]
    let versionText = fields.string("requires_igfsite")
    if let node = versionNode, node.string == nil {
      // 0.10 would read as the number 0.1: a version is text.
      fields.diagnostics.append(
        Diagnostic(
          .error, FieldRules.site.type,
          "requires_igfsite must be a version in quotes, such as \"\(node.scalarText ?? "0.7")\"",
          at: node.location,
          help: "write requires_igfsite: \"\(node.scalarText ?? "0.7")\" (a number loses its zeros: 0.10 is 0.1)"))
    } else if let required = versionText {
      switch IgfsiteVersion.satisfies(required) {
      case false?:
        diagnostics.append(
          Diagnostic(
            .error, .siteVersion,
            "this site needs igfsite \(required) or later; this is igfsite \(IgfsiteVersion.current)",
            at: node["requires_igfsite"]?.location ?? node.location,
            help:
              "install a newer igfsite (make install in its repository), or ask whoever keeps the site which version it needs"
          ))
        return config
      case nil:
        fields.diagnostics.append(
          Diagnostic(
            .error, FieldRules.site.type,
            "requires_igfsite must be a version such as 0.7 or 0.7.1, not \"\(required)\"",
            at: node["requires_igfsite"]?.location ?? node.location,
            help: "write the lowest igfsite version the site needs"))
      case true?:
        break
      }
    }
    config.title = fields.string("title", required: true) ?? config.title
    config.description = fields.string("description") ?? ""
    if let baseURL = fields.string("base_url", required: true) {
      if baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") {
        config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
      } else {
        fields.diagnostics.append(
          Diagnostic(
            .error, FieldRules.site.type, "base_url must be an absolute http(s) URL",
            at: node["base_url"]?.location ?? node.location,
            help: "write it like https://www.example.org/igf/"))
      }
    }
    config.language = fields.string("language") ?? "en"
    if !Language.isTag(config.language) {
      fields.diagnostics.append(
        Diagnostic(
          .error, FieldRules.site.type, "language must be a language tag such as en or fr, not \"\(config.language)\"",
          at: node["language"]?.location ?? node.location,
          help: "write the site's default language as a BCP 47 tag: ar, zh, en, fr, ru or es for the UN languages"))
      config.language = "en"
    }
    config.languages = [config.language]
    for (tag, location) in fields.stringList("languages") {
      if !Language.isTag(tag) {
        fields.diagnostics.append(
          Diagnostic(
            .error, FieldRules.site.type, "\"\(tag)\" in languages is not a language tag", at: location,
            help: "list the languages as BCP 47 tags: ar, zh, en, fr, ru, es"))
      } else if !config.languages.contains(tag) {
        config.languages.append(tag)
      }
    }
    config.publisher = fields.string("publisher") ?? ""
    config.unsafeHTML = fields.bool("unsafe_html") ?? false
    fields.reportUnknownKeys()
    diagnostics += fields.diagnostics
    return config
  }

  /// People by id, in file order.
  public static func loadPeople(_ layout: SiteLayout, diagnostics: inout [Diagnostic]) -> [Person] {
    guard let node = SettingsReader.read("people.yml", layout: layout, required: true, diagnostics: &diagnostics),
      let entries = node.entries
    else { return [] }
    var people: [Person] = []
    for entry in entries {
      guard entry.value.entries != nil else {
        diagnostics.append(
          Diagnostic(
            .error, FieldRules.people.type, "the person \"\(entry.key)\" should be a mapping of fields",
            at: entry.value.location,
            help: "give name, affiliation, stakeholder_group, regional_group and mag under the id"))
        continue
      }
      if let problem = DocumentID(entry.key).namingProblem {
        diagnostics.append(
          Diagnostic(
            .error, .peopleID, "the person id \"\(entry.key)\" cannot be a URL: \(problem)", at: entry.keyLocation,
            help: "use \(Slug.make(entry.key))"))
      }
      var fields = FieldReader(entry.value, rules: .people)
      let name = fields.string("name", required: true) ?? entry.key
      let person = Person(
        id: entry.key, name: name, affiliation: fields.string("affiliation"),
        stakeholderGroup: fields.string("stakeholder_group"), regionalGroup: fields.string("regional_group"),
        magCycles: fields.intList("mag"), location: entry.keyLocation)
      _ = fields.string("note")
      fields.reportUnknownKeys()
      diagnostics += fields.diagnostics
      people.append(person)
    }
    return people
  }

  /// The series names of `series.yml` (optional): `field: {id: {name:, description:}}`.
  public static func loadSeries(_ layout: SiteLayout, diagnostics: inout [Diagnostic]) -> [SeriesRecord] {
    guard let node = SettingsReader.read("series.yml", layout: layout, required: false, diagnostics: &diagnostics)
    else {
      return []
    }
    // SettingsReader has made sure the file is a mapping (one of comments only is empty).
    var records: [SeriesRecord] = []
    for field in node.entries ?? [] {
      for entry in field.value.entries ?? [] {
        guard entry.value.entries != nil else {
          diagnostics.append(
            Diagnostic(
              .error, FieldRules.series.type,
              "the series \"\(field.key)/\(entry.key)\" should be a mapping with its name",
              at: entry.value.location, help: "write \(entry.key): {name: …, description: …}"))
          continue
        }
        var reader = FieldReader(entry.value, rules: .series)
        let name = reader.string("name", required: true) ?? SeriesRecord.nameFromID(entry.key)
        let description = reader.string("description")
        reader.reportUnknownKeys()
        diagnostics += reader.diagnostics
        records.append(
          SeriesRecord(
            field: field.key, id: entry.key, name: name, description: description, location: entry.keyLocation))
      }
      if field.value.entries == nil {
        diagnostics.append(
          Diagnostic(
            .error, FieldRules.series.type, "\"\(field.key)\" should map series ids to their names",
            at: field.value.location,
            help: "write \(field.key): {an-id: {name: …}}"))
      }
    }
    return records
  }
}
