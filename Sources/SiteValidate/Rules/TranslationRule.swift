import SiteContent
import SiteModel

/// The checks of translations (`proposal.fr.md` beside `proposal.md`): a translation names
/// a document that is there, gives its own title, summary, body and recommendations' text,
/// and takes every fact (cycle, dates, people, status, series) from its document, never
/// contradicting one; it says which version of the document it follows, so a later change
/// to the document shows on its page. (A file named for a language the site does not list
/// is reported as it is read: `SourceReader`.)
public enum TranslationRule {
  /// The fields a translation gives for itself; any other is a fact of its document.
  public static let ownFields: Set<String> = [
    "title", "summary", "recommendations", "source_version", "draft", "example",
  ]

  /// - Parameter schema: a translation of a kind with a section template is checked
  ///   against it when the template gives its sections' titles in the translation's language.
  public static func check(
    _ index: SiteIndex, unpublished: Set<DocumentID>, unreadable: Set<DocumentID> = [],
    schema: ModalitiesSchema? = nil
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let links = ReferenceResolver(
      site: index, unpublished: unpublished, unreadable: unreadable,
      severity: schema?.severity(of: "references") ?? .error)
    for translation in index.translations {
      guard let sourceID = translation.translationOf else { continue }
      guard let source = index[sourceID] else {
        // A document that cannot be read says so itself; a draft's translation waits for it.
        if !unpublished.contains(sourceID), !unreadable.contains(sourceID) {
          diagnostics.append(
            Diagnostic(
              .error, .translationNoDocument,
              "this translation's document content/\(sourceID.contentPath) is not there",
              at: translation.frontMatterLocation,
              help:
                "a translation is named after its document, beside it: proposal.\(translation.language ?? "fr").md translates proposal.md"
            ))
        }
        continue
      }
      diagnostics += problems(of: translation, source: source)
      links.checkLinks(of: translation, into: &diagnostics)
      if let schema { diagnostics += sectionProblems(of: translation, source: source, schema: schema) }
    }
    return diagnostics
  }

  /// The modalities' sections, as named in the translation's language, when the schema
  /// names them in it.
  static func sectionProblems(
    of translation: ParsedDocument, source: ParsedDocument, schema: ModalitiesSchema
  ) -> [Diagnostic] {
    guard let language = translation.language, !source.isPublishedAsWritten,
      let kind = schema.kinds.first(where: { $0.id == source.kind })
    else { return [] }
    let sections = kind.sections(in: source.cycle)
    guard sections.contains(where: { $0.titles(in: language).title != $0.title }) else { return [] }
    return SectionChecker(
      kind: kind, sections: sections, missingSeverity: schema.severity(of: "sections"),
      orderSeverity: schema.severity(of: "section-order"), language: language
    ).check(translation)
  }

  /// The schema asks for translations into languages the site does not publish in.
  public static func check(_ request: TranslationPolicy, languages: [String]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let first = languages.first, request.languages.contains(first) {
      diagnostics.append(
        Diagnostic(
          .error, .modalitiesSchema,
          "translations asks for \(first), the site's default language, which documents are written in",
          at: request.location, help: "list only the other languages the documents are to be translated into"))
    }
    let unlisted = request.languages.filter { !languages.contains($0) }
    guard !unlisted.isEmpty else { return diagnostics }
    return diagnostics + [
      Diagnostic(
        .error, .modalitiesSchema,
        "translations asks for \(unlisted.joined(separator: ", ")), which content/site.yml does not list among the site's languages",
        at: request.location, help: "add them to languages: in content/site.yml, or remove them here")
    ]
  }

  static func problems(of translation: ParsedDocument, source: ParsedDocument) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let language = Language(translation.language ?? "").englishName
    if translation["title"]?.scalarText == nil {
      diagnostics.append(
        Diagnostic(
          .error, .frontMatterMissingField, "a translation gives its title in \(language)",
          at: translation.frontMatterLocation, help: "add title: with the document's title in \(language)"))
    }
    for entry in translation.frontMatter.entries ?? [] {
      let location = entry.keyLocation
      if entry.key == "recommendations" {
        diagnostics += recommendationProblems(entry.value, of: translation, source: source)
        continue
      }
      guard !ownFields.contains(entry.key) else { continue }
      guard let fact = source[entry.key] else {
        diagnostics.append(
          Diagnostic(
            .error, .translationFact,
            "\(entry.key): is a fact, and the document (content/\(source.id.contentPath)) does not give it",
            at: location,
            help: "facts are given once, in the document: add \(entry.key): there, and remove it here"))
        continue
      }
      if !fact.hasSameValue(as: entry.value) {
        diagnostics.append(
          Diagnostic(
            .error, .translationFact,
            "\(entry.key): \(entry.value.scalarText ?? "…") contradicts the document, which gives \(fact.scalarText ?? "another value")",
            at: location,
            help:
              "a translation takes its facts from content/\(source.id.contentPath): remove \(entry.key): here (or correct it there)"
          ))
      }
    }
    diagnostics += versionProblems(of: translation, source: source)
    return diagnostics
  }

  private static func recommendationProblems(
    _ list: YAMLNode, of translation: ParsedDocument, source: ParsedDocument
  ) -> [Diagnostic] {
    let theirs = source["recommendations"]?.list ?? []
    let ours = list.list ?? []
    let ids = { (items: [YAMLNode]) in items.enumerated().map { $1["id"]?.scalarText ?? "recommendation-\($0 + 1)" } }
    guard ids(ours) != ids(theirs) else { return [] }
    return [
      Diagnostic(
        .error, .translationFact,
        "the recommendations are \(ids(ours).joined(separator: ", ")) here and \(ids(theirs).joined(separator: ", ")) in the document",
        at: list.location,
        help: "translate each of the document's recommendations, in its order and with its id, giving only text:")
    ]
  }

  private static func versionProblems(of translation: ParsedDocument, source: ParsedDocument) -> [Diagnostic] {
    let location = translation["source_version"]?.location ?? translation.frontMatterLocation
    guard let followed = translation["source_version"]?.scalarText else {
      return [
        Diagnostic(
          .warning, .translationOutOfDate,
          "the translation does not say which version of the document it follows; its page says it may be out of date",
          at: location,
          help:
            "check that it matches content/\(source.id.contentPath) as it is now, then add source_version: \"\(source.version)\""
        )
      ]
    }
    guard followed != source.version else { return [] }
    return [
      Diagnostic(
        .warning, .translationOutOfDate,
        "the document has changed since this translation (source_version: \(followed); the document is now \(source.version)); its page says it may be out of date",
        at: location,
        help:
          "bring the translation up to date with content/\(source.id.contentPath), then set source_version: \"\(source.version)\""
      )
    ]
  }
}
