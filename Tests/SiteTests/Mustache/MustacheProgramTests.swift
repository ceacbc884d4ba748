import Mustache
import Testing

/// The compiled form of templates and the objects they read, where the spec's examples are
/// too small to reach: text joined next to sections, stacks deeper than the first
/// allocation, objects past their first capacity, copies that must not share changes.
@Suite struct MustacheProgramTests {
  private func render(_ template: String, _ model: TemplateValue, partials: [String: String] = [:]) throws -> String {
    var templates: [String: (file: String, text: String)] = ["main": ("main.mustache", template)]
    for (name, text) in partials { templates[name] = ("\(name).mustache", text) }
    return try MustacheTemplates(templates).renderText("main", model)
  }

  @Test func textNextToASectionStaysOnItsSide() throws {
    // Comments leave text beside text, which the compiled form joins: never across a
    // section's end.
    let template = "a{{! one }}b{{#s}}x{{! two }}y{{/s}}{{! three }}z{{^s}}n{{/s}}!"
    #expect(try render(template, .object(["s": true])) == "abxyz!")
    #expect(try render(template, .object(["s": false])) == "abzn!")
    #expect(try render(template, .object(["s": [.object([:]), .object([:])]])) == "abxyxyz!")
  }

  @Test func textAsBytesPrintsAsText() throws {
    // A body's HTML is given as cmark-gfm's bytes: printed as they are, escaped like text.
    let html = "<p>Réunion &amp; ¶</p>"
    let model: TemplateValue = .object(["body": .bytes(Array(html.utf8)), "text": .text(html)])
    let asBytes = try render("{{{body}}}|{{body}}|{{#body}}yes{{/body}}", model)
    let asText = try render("{{{text}}}|{{text}}|{{#text}}yes{{/text}}", model)
    #expect(asBytes == asText)
    #expect(asBytes == html + "|&lt;p&gt;Réunion &amp;amp; ¶&lt;/p&gt;|yes")
  }

  @Test func sectionsNestedDeeperThanTheFirstStack() throws {
    // Sixty objects inside each other, each with its depth: the innermost sees them all.
    var value: TemplateValue = .object(["depth": 60, "leaf": "bottom"])
    for depth in stride(from: 59, through: 1, by: -1) { value = .object(["depth": .number(depth), "inner": value]) }
    let template =
      String(repeating: "{{#inner}}", count: 59) + "{{leaf}}@{{depth}}" + String(repeating: "{{/inner}}", count: 59)
    #expect(try render(template, value) == "bottom@60")
  }

  @Test func dottedNamesAndTheCurrentItem() throws {
    let model: TemplateValue = .object([
      "site": .object(["title": "IGF", "owner": .object(["name": "Secretariat"])]),
      "items": ["a", "b"],
    ])
    #expect(
      try render("{{site.owner.name}}|{{#items}}{{.}}{{site.title}}{{/items}}|{{site.none.name}}", model)
        == "Secretariat|aIGFbIGF|")
  }

  @Test func partialsResolvedOnceAndIndentedOnes() throws {
    let output = try render(
      "<ul>\n  {{>item}}\n</ul>\n{{#list}}{{>item}}{{/list}}",
      .object(["name": "x", "list": [.object(["name": "y"])]]),
      partials: ["item": "<li>{{name}}</li>\n"])
    #expect(output == "<ul>\n  <li>x</li>\n</ul>\n<li>y</li>\n")
  }

  @Test func objectsGrowReplaceAndRemoveFields() {
    var object = TemplateObject()
    for number in 0..<40 { object["k\(number)"] = .number(number) }
    #expect(object.fields.count == 40)
    #expect(object.fields.map(\.0) == (0..<40).map { "k\($0)" })
    object["k7"] = "seven"
    object["k3"] = nil
    #expect(object.fields.count == 39)
    #expect(object["k3"] == nil)
    if case .text(let text)? = object["k7"] { #expect(text == "seven") } else { Issue.record("k7 is not text") }
    if case .number(let number)? = object["k39"] { #expect(number == 39) } else { Issue.record("k39 was lost") }
  }

  @Test func aCopiedObjectKeepsItsOwnFields() {
    var original: TemplateObject = ["title": "one"]
    let copy = original
    original["title"] = "two"
    original["extra"] = true
    if case .text(let text)? = copy["title"] { #expect(text == "one") } else { Issue.record("the copy changed") }
    #expect(copy["extra"] == nil)
    #expect(copy.fields.count == 1)
  }
}
