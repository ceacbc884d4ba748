import Foundation
import SiteModel

/// Loads `content/site.yml` and `content/people.yml`.
public enum SiteSettings {
  public static func loadConfig(_ layout: SiteLayout, diagnostics: inout [Diagnostic]) -> SiteConfig {
    var config = SiteConfig()
    guard let node = SettingsReader.read("site.yml", layout: layout, required: true, diagnostics: &diagnostics)
    else { return config }
    var fields = FieldReader(node, rule: "site")
    config.title = fields.string("title", required: true) ?? config.title
    config.description = fields.string("description") ?? ""
    if let baseURL = fields.string("base_url", required: true) {
      if baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") {
        config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
      } else {
        fields.diagnostics.append(
          Diagnostic(
            .error, "site.type", "base_url must be an absolute http(s) URL", at: node["base_url"]?.location ?? node.location,
            help: "write it like https://www.example.org/igf/"))
      }
    }
    config.language = fields.string("language") ?? "en"
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
            .error, "people.type", "the person \"\(entry.key)\" should be a mapping of fields", at: entry.value.location,
            help: "give name, affiliation, stakeholder_group, regional_group and mag under the id"))
        continue
      }
      if let problem = DocumentID(entry.key).namingProblem {
        diagnostics.append(
          Diagnostic(
            .error, "people.id", "the person id \"\(entry.key)\" cannot be a URL: \(problem)", at: entry.keyLocation,
            help: "use \(Slug.make(entry.key))"))
      }
      var fields = FieldReader(entry.value, rule: "people")
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
}
