import Foundation
import Mustache
import SiteRender
import TestSupport
import Testing

/// igfsite's own Mustache renderer against the official Mustache specification, read in
/// place from `../shared/conformance/mustache-spec/`.
@Suite struct MustacheSpecTests {
  static let folder = "conformance/mustache-spec"
  static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "inheritance"]

  struct SpecCase: Sendable, CustomStringConvertible {
    var module: String
    var name: String
    var template: String
    var partials: [String: String]
    var data: TemplateValue
    var expected: String
    var description: String { "\(module): \(name)" }
  }

  /// The spec's JSON data as template values (JSONDecoder keeps booleans and numbers apart).
  enum JSONData: Decodable {
    case value(TemplateValue)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .value(.null)
      } else if let flag = try? container.decode(Bool.self) {
        self = .value(.bool(flag))
      } else if let number = try? container.decode(Int.self) {
        self = .value(.number(number))
      } else if let number = try? container.decode(Double.self) {
        self = .value(.decimal(number))
      } else if let text = try? container.decode(String.self) {
        self = .value(.text(text))
      } else if let items = try? container.decode([JSONData].self) {
        self = .value(.list(items.map(\.templateValue)))
      } else {
        let object = try container.decode([String: JSONData].self)
        self = .value(.object(TemplateObject(object.mapValues(\.templateValue))))
      }
    }

    var templateValue: TemplateValue {
      switch self {
      case .value(let value): value
      }
    }
  }

  struct SpecFile: Decodable {
    struct Test: Decodable {
      var name: String
      var template: String
      var partials: [String: String]?
      var data: JSONData
      var expected: String
    }
    var tests: [Test]
  }

  static var cases: [SpecCase] {
    guard SharedFiles.exists(folder) else { return [] }
    var cases: [SpecCase] = []
    for module in modules {
      guard let data = try? Data(contentsOf: SharedFiles.url("\(folder)/\(module).json")),
        let file = try? JSONDecoder().decode(SpecFile.self, from: data)
      else { continue }
      for test in file.tests {
        cases.append(
          SpecCase(
            module: module, name: test.name, template: test.template, partials: test.partials ?? [:],
            data: test.data.templateValue, expected: test.expected))
      }
    }
    return cases
  }

  @Test(
    "every test of the official Mustache spec passes",
    .enabled(
      if: SharedFiles.exists(folder), "\(SharedFiles.url(folder).path) does not exist, so the Mustache spec was not run"
    ))
  func officialSpec() throws {
    let cases = Self.cases
    #expect(cases.count == 163)
    var failures: [String] = []
    for spec in cases {
      var templates: [String: (file: String, text: String)] = ["main": ("main", spec.template)]
      for (name, text) in spec.partials { templates[name] = (name, text) }
      do {
        let library = try MustacheTemplates(templates, requireKnownPartials: false)
        let output = library.renderText("main", spec.data)
        if output != spec.expected {
          failures.append("\(spec): expected \(spec.expected.debugDescription), got \(output.debugDescription)")
        }
      } catch {
        failures.append("\(spec): \(error)")
      }
    }
    print("Mustache spec: \(cases.count - failures.count) of \(cases.count) tests pass")
    #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
  }

  @Test func strictModeReportsPrintedNamesTheModelLacks() throws {
    let library = try MustacheTemplates([
      "page": (
        "templates/page.mustache",
        "<h1>{{title}}</h1>\n{{#items}}<li>{{nmae}}</li>{{/items}}\n{{#absent}}{{ok}}{{/absent}}\n"
      )
    ])
    var missing: [MustacheTemplates.MissingName] = []
    let model: TemplateValue = .object(["title": "T", "items": [.object(["name": "a"])]])
    let output = withUnsafeMutablePointer(to: &missing) { library.render("page", model, missing: $0) }
    #expect(String(decoding: output, as: UTF8.self) == "<h1>T</h1>\n<li></li>\n\n")
    #expect(missing == [.init(file: "templates/page.mustache", line: 2, name: "nmae")])
  }

  @Test func syntaxErrorsNameTheFileAndLine() {
    do {
      _ = try MustacheTemplates([
        "a": ("templates/a.mustache", "one\n{{#open}}\ntwo\n"), "b": ("templates/b.mustache", "{{>missing}}"),
      ])
      Issue.record("no error")
    } catch {
      let described = error.errors.map { "\($0.file):\($0.line): \($0.message)" }.sorted()
      #expect(
        described == [
          "templates/a.mustache:2: {{#open}} is never closed with {{/open}}",
          "templates/b.mustache:1: the template refers to a missing partial \"missing\"",
        ])
    }
  }
}
