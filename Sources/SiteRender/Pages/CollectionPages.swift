import Mustache
import SiteLink
import SiteModel

/// A series' timeline across cycles (a BPF, working group, Dynamic Coalition or Policy
/// Network), with its name and description from `series.yml`.
struct SeriesPage {
  let context: PageContext

  func model(_ series: Series) -> TemplateObject {
    let strings = context.strings()
    let typeLabel = context.word(series.typeLabel).text
    var model = context.localizablePage(
      series.key.pagePath, title: series.title,
      description: series.description ?? strings.format("series_description", ["title": series.title]), type: "series")
    model["series"] = .object([
      "title": .text(series.title), "label": .text(typeLabel), "id": .text(series.key.id),
      "across_cycles": .text(strings.format("across_cycles", ["title": typeLabel])),
      "description": series.description.map(TemplateValue.text) ?? false, "named": .bool(series.isNamed),
      "cycles": .list(
        series.cycles.map { entry in
          var cycle: TemplateObject = [
            "year": .number(entry.year),
            "documents": .list(entry.documents.map { .object(context.documentLink($0)) }),
          ]
          cycle["url"] = context.site.cycle(entry.year).map { .text(context.local($0.pagePath).rawValue) } ?? false
          return .object(cycle)
        }),
    ])
    return model
  }
}

/// A person's roles by cycle, each linked to its document (which links back here).
struct PersonPage {
  let context: PageContext

  func model(_ record: PersonRecord) -> TemplateObject {
    let person = record.person
    var model = context.localizablePage(
      record.pagePath, title: person.name, description: person.affiliation, type: "person")
    var object = context.personLink(person)
    object.set("mag", list: person.magCycles.sorted(by: >).map { .number($0) })
    let byCycle = Dictionary(grouping: record.roles) { $0.cycle ?? 0 }
    object.set(
      "cycles",
      list: byCycle.keys.sorted(by: >).map { year in
        .object([
          "year": .number(year),
          "roles": .list(
            (byCycle[year] ?? []).map { role in
              var link = context.documentLink(role.document)
              link["role"] = .text(context.roleLabel(role))
              return .object(link)
            }),
        ])
      })
    object["no_document_names"] = .text(context.strings().format("no_document_names", ["name": person.name]))
    model["person"] = .object(object)
    return model
  }
}

/// Everyone with a role or a MAG seat.
struct PeopleIndexPage {
  let context: PageContext

  func model() -> TemplateObject {
    let strings = context.strings()
    var model = context.localizablePage(PagePlan.peopleIndex, title: strings["people"], type: "people")
    model.set(
      "people",
      list: context.site.people.map { record in
        var link = context.personLink(record.person)
        link["roles"] = .text(Format.count(record.roles.count, "role", in: strings))
        return .object(link)
      })
    return model
  }
}

/// The documents of one theme, newest cycle first.
struct ThemePage {
  let context: PageContext

  func model(_ theme: Theme) -> TemplateObject {
    var model = context.localizablePage(
      theme.pagePath, title: context.strings().format("theme_title", ["name": theme.name]), type: "theme")
    model["theme"] = .object([
      "name": .text(theme.name),
      "documents": .list(theme.documents.map { .object(context.documentLink($0)) }),
    ])
    return model
  }
}

/// All themes with their document counts.
struct ThemesIndexPage {
  let context: PageContext

  func model() -> TemplateObject {
    let strings = context.strings()
    var model = context.localizablePage(PagePlan.themesIndex, title: strings["themes"], type: "themes")
    model.set(
      "themes",
      list: context.site.themes.map { theme in
        .object([
          "name": .text(theme.name), "url": .text(context.local(theme.pagePath).rawValue),
          "count": .text(Format.count(theme.documents.count, "document", in: strings)),
        ])
      })
    return model
  }
}
