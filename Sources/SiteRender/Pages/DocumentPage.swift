import Mustache
import SiteContent
import SiteLink
import SiteModel

/// The page of one document: its metadata panel, body, participants or recommendations,
/// what it references and what references it, and its place in its series.
struct DocumentPage {
  let context: PageContext

  /// - Parameter translation: the document's text in another language, for its page
  ///   there: the title, summary, body and recommendations are the translation's, the facts
  ///   the document's.
  func model(_ document: ParsedDocument, translation: ParsedDocument? = nil) -> TemplateObject {
    let site = context.site
    let text = translation ?? document
    let path = text.pagePath
    let kind = site.kind(of: document)
    let versions =
      [(site.config.language, document.pagePath)]
      + site.translations(of: document).map { ($0.language ?? "", $0.pagePath) }
    var model = context.page(
      path, title: text.title, description: text["summary"]?.scalarText, type: "document",
      language: translation?.language, versions: versions)
    let strings = context.strings(translation?.language)
    var page = context.documentLink(document)
    page["title"] = .text(text.title)
    // An illustrative or draft translation says so, whatever its document is.
    page["example"] = .bool(document.isExample || text.isExample)
    page["draft"] = .bool(document.isDraft || text.isDraft)
    page["body"] = context.bodyHTML(text.body)
    page.set("summary", text: text["summary"]?.scalarText)
    page["translation"] =
      translation.map { .object(Self.translationNotice($0, of: document, site: site, strings: strings)) } ?? false
    // A kind the schema does not know is an error the preview still renders through.
    page["kind_id"] = .text(kind?.id ?? "unknown-kind")
    page.set("kind", marked: context.word(kind?.label ?? document.kind ?? ""))
    if let cycle = document.cycle, let inventory = site.cycle(cycle) {
      page["cycle_link"] = .object([
        "title": .text(context.cycleTitle(inventory)), "url": .text(context.local(inventory.pagePath).rawValue),
      ])
    }
    page.set("themes", list: themes(of: document))
    page.set(
      "metadata",
      list: MetadataRows(context: context, strings: strings, namesGroups: translation != nil).rows(for: document))
    page.set("participants", list: participants(of: document))
    // A translation that does not translate the recommendations shows the original's.
    let translatesRecommendations = text["recommendations"] != nil || translation == nil
    page.set("recommendations", list: recommendations(of: translatesRecommendations ? text : document))
    page["recommendations_in_original"] = .bool(!translatesRecommendations)
    page.set("references", list: (site.references[document.id] ?? []).compactMap { linked($0) })
    page.set("referenced_by", list: (site.referencedBy[document.id] ?? []).compactMap { linked($0) })
    // A translation's page lists its own problems and its document's, which the
    // modalities line below sums up.
    let files = translation.map { [$0, document] } ?? [document]
    page.set(
      "warnings", list: files.flatMap { file in (site.warnings[file.file] ?? []).map { Self.warning($0, file: file) } })
    page.set(
      "errors", list: files.flatMap { file in (site.errors[file.file] ?? []).map { Self.warning($0, file: file) } })
    page["date_not_known"] = .bool(document["date"]?.isUnknown == true)
    switch site.schema.applicability(of: document) {
    case .applies:
      let clean = files.allSatisfy { (site.warnings[$0.file] ?? []).isEmpty && (site.errors[$0.file] ?? []).isEmpty }
      page["modalities"] = .text(strings[clean ? "conforms" : "problems_listed_above"])
      page["modalities_apply"] = true
    case .notApplicable(let why):
      page["modalities"] = .text(context.notApplicableReason(why))
      page["modalities_apply"] = false
    }
    page.set("series", object: seriesNavigation(for: document, strings: strings))
    if let date = document.date { page["date"] = .object(Format.date(date, in: strings)) }
    model["document"] = .object(page)
    let structured = StructuredData(site: site)
    model["json_ld"] = .text(structured.jsonLD(document, translation: translation))
    model.set("open_graph", list: structured.openGraph(document, translation: translation))
    return model
  }

  /// What a translation's page says of it: from which language, whether it follows the
  /// document as it is now, and where the original is.
  static func translationNotice(
    _ translation: ParsedDocument, of document: ParsedDocument, site: LinkedSite, strings: InterfaceStrings
  ) -> TemplateObject {
    let names = [
      "language": strings.name(of: translation.language ?? ""), "original": strings.name(of: site.config.language),
    ]
    var notice: TemplateObject = [
      "languages": .text(strings.format("translation_languages", names)),
      "read_original": .text(strings.format("read_the_original", names)),
      "original_url": .text(document.pagePath.rawValue),
    ]
    if translation["source_version"] == nil {
      notice["out_of_date"] = .text(strings["translation_version_unknown"])
    } else if !translation.follows(document) {
      notice["out_of_date"] = .text(strings["translation_original_changed"])
    } else {
      notice["out_of_date"] = false
    }
    return notice
  }

  private func linked(_ id: DocumentID) -> TemplateValue? {
    context.documentLink(id).map(TemplateValue.object)
  }

  func themes(of document: ParsedDocument) -> [TemplateValue] {
    document.themes.compactMap { context.themeLink($0).map(TemplateValue.object) }
  }

  private func participants(of document: ParsedDocument) -> [TemplateValue] {
    document.participantGroups.map { group in
      let people: [TemplateValue] = group.people.map { id in
        guard let person = context.site.index.people[id] else {
          return .object(["name": .text(id), "url": false, "affiliation": false])
        }
        return .object(context.personLink(person))
      }
      return .object(["group": .text(group.name), "people": .list(people)])
    }
  }

  private func recommendations(of document: ParsedDocument) -> [TemplateValue] {
    (document["recommendations"]?.list ?? []).enumerated().compactMap { offset, item in
      guard let text = item["text"]?.scalarText else { return nil }
      let id = item["id"]?.scalarText ?? "recommendation-\(offset + 1)"
      return .object(["id": .text(id), "number": .number(offset + 1), "text": .text(text)])
    }
  }

  /// A warning as pages show it, naming the file by its place in the site
  /// (`content/2016/mag/x.md:31:1`), never by a path of the machine that built it.
  static func warning(_ diagnostic: Diagnostic, file document: ParsedDocument) -> TemplateValue {
    var location = diagnostic.location
    location.file = "content/" + document.id.contentPath
    var object: TemplateObject = [
      "message": .text(diagnostic.message), "rule": .text(diagnostic.rule.rawValue),
      "line": .number(diagnostic.location.line),
      "location": .text(location.description),
    ]
    object.set("help", text: diagnostic.help)
    return .object(object)
  }

  /// The series page and the documents before and after this one in it.
  private func seriesNavigation(for document: ParsedDocument, strings: InterfaceStrings) -> TemplateObject? {
    guard let series = context.site.series(of: document) else { return nil }
    let (previous, next) = context.site.neighbours(of: document)
    var object: TemplateObject = [
      "title": .text(series.title), "url": .text(context.local(series.key.pagePath).rawValue),
      "label": .text(strings.format("across_cycles", ["title": series.title])),
    ]
    object.set("type", marked: context.word(series.typeLabel))
    if let previous { object["previous"] = .object(context.documentLink(previous)) }
    if let next { object["next"] = .object(context.documentLink(next)) }
    return object
  }
}
