import Mustache
import SiteContent
import SiteLink
import SiteModel
import SiteSupport

/// A text on a page with the attributes that mark it as the site's language on a page in
/// another (` lang="en" dir="ltr"`, empty otherwise).
struct MarkedText {
  let text: String
  let attributes: String
}

extension TemplateObject {
  /// `key` with its text and `key_attrs`, `key_open`, `key_close` to mark it with.
  mutating func set(_ key: String, marked: MarkedText) {
    self[key] = .text(marked.text)
    self[key + "_attrs"] = .text(marked.attributes)
    self[key + "_open"] = .text(marked.attributes.isEmpty ? "" : "<span\(marked.attributes)>")
    self[key + "_close"] = .text(marked.attributes.isEmpty ? "" : "</span>")
  }
}

/// The texts the view models write (not the templates'): the schema's words, people's
/// roles, what needs further attention and why the modalities did not apply, in the
/// language of the context's pages.
extension PageContext {
  /// The language of the context's pages.
  var pageLanguage: String { language ?? site.config.language }

  /// A word of the schema (a kind's, series' or field's label, a vocabulary's value): its
  /// `labels:` text in the pages' language, else as the schema writes it, marked as the
  /// site's language on a page in another.
  func word(_ word: String) -> MarkedText {
    guard let language, language != site.config.language else { return MarkedText(text: word, attributes: "") }
    if let text = site.schema.labels[language]?[word] { return MarkedText(text: text, attributes: "") }
    let original = Language(site.config.language)
    return MarkedText(text: word, attributes: " lang=\"\(original.code)\" dir=\"\(original.direction)\"")
  }

  /// A person's role in a document (`Co-facilitator`, `Participant (MAG Members)`).
  func roleLabel(_ role: PersonRecord.Role) -> String {
    let strings = strings()
    let key = "role_" + role.field
    var label = strings.texts[key] ?? word(role.fieldLabel).text
    if let group = role.group { label = strings.format("role_in_group", ["role": label, "group": group]) }
    return label
  }

  /// What needs further attention about an inventory entry, and the part of it only in the
  /// site's language (the warnings' messages).
  func attentionDetail(_ entry: AttentionItem) -> (text: String, original: String?) {
    let strings = strings()
    let separator = strings["list_separator"]
    switch entry.details {
    case .noOutput(let series, let year):
      return (strings.format("attention_no_output", ["series": word(series).text, "year": String(year)]), nil)
    case .onlyDrafts(let series, let outputs):
      let listed = outputs.map { output in
        strings.format(
          "attention_output",
          ["status": output.status.map { word($0).text } ?? strings["attention_no_status"], "title": output.title])
      }
      return (
        strings.format(
          "attention_only", ["series": word(series).text, "outputs": listed.joined(separator: "; ")]), nil
      )
    case .notInLaterCycle:
      return (strings["attention_not_renewed_detail"], nil)
    case .status(let status):
      return (strings.format("attention_status", ["status": word(status).text]), nil)
    case .warnings(let messages):
      return (Format.count(messages.count, "attention_warning", in: strings), messages.joined(separator: "; "))
    case .missingTranslations(let codes):
      let names = codes.map { "\(strings.name(of: $0)) (\($0))" }
      return (strings.format("attention_not_yet_in", ["languages": names.joined(separator: separator)]), nil)
    }
  }

  /// A body's HTML for a page: as cmark-gfm wrote it on English pages, with its `¶` links
  /// labelled in the pages' language on others.
  func bodyHTML(_ body: RenderedMarkdown) -> TemplateValue {
    pageLanguage.hasPrefix("en") ? .bytes(body.htmlBytes) : .text(localizingParagraphLinks(body.html))
  }

  /// A body's `¶` links labelled in the pages' language (the Markdown layer writes them in
  /// English): untouched on English pages.
  func localizingParagraphLinks(_ html: String) -> String {
    guard !pageLanguage.hasPrefix("en"), html.contains("class=\"para-link\"") else { return html }
    let strings = strings()
    let plain = "aria-label=\"\(ParagraphLinkLabel.plain)\""
    let localized = html.replacingOccurrences(
      of: plain, with: "aria-label=\"\(HTMLText.escape(strings["paragraph_link_this"]))\"")
    let numbered = "aria-label=\"" + ParagraphLinkLabel.numbered
    var result = ""
    var rest = localized[...]
    while let start = rest.range(of: numbered), let end = rest[start.upperBound...].firstIndex(of: "\"") {
      let number = String(rest[start.upperBound..<end])
      result += rest[..<start.lowerBound]
      result += "aria-label=\"\(HTMLText.escape(strings.format("paragraph_link", ["number": number])))\""
      rest = rest[rest.index(after: end)...]
    }
    return result + rest
  }

  /// Why the modalities did not apply to a document, in the pages' language.
  func notApplicableReason(_ why: NotApplicable) -> String {
    let strings = strings()
    let reason =
      switch why {
      case .publishedAsSubmitted: strings["not_applicable_as_submitted"]
      case .noTemplate(let kind): strings.format("not_applicable_no_template", ["kind": word(kind).text])
      case .beforeModalities(let first): strings.format("not_applicable_before", ["year": String(first)])
      case .notInCycle(let kind, let cycle):
        strings.format(
          "not_applicable_in_cycle",
          ["kind": word(kind).text, "cycle": cycle.map(String.init) ?? strings["not_applicable_its_cycle"]])
      }
    return strings.format("not_applicable", ["reason": reason])
  }
}
