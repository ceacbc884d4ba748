import Foundation
import SiteModel
import TestSupport
import Testing

/// Every mistake in the new parts of modalities.yml and series.yml is reported at its line
/// with what to write instead.
@Suite struct SchemaMessageTests {
  static let sample: String = {
    (try? String(contentsOf: SharedFiles.packageRoot.appendingPathComponent("content/modalities.yml"), encoding: .utf8))
      ?? ""
  }()

  /// A change to the sample schema and the message it must bring.
  @Test(arguments: [
    (
      "    final_output: {kinds: [bpf-output], status: [final]}",
      "    final_output: {kinds: [bpf-outptu], status: [final]}",
      #"series "bpf": final_output names an unknown kind "bpf-outptu"; did you mean "bpf-output"?"#
    ),
    (
      "    final_output: {kinds: [bpf-output], status: [final]}", "    final_output: {kinds: [bpf-output]}",
      #"the final output of series "bpf" needs its kinds and status"#
    ),
    (
      "  bpf:\n    label: Best Practice Forum\n", "  bpx:\n    label: Best Practice Forum\n",
      #"kind "bpf-proposal" names the series field "bpf", which is not under series:"#
    ),
    ("  order: [date, title]", "  order: [date, tilte]", #"unknown inventory order "tilte""#),
    (
      "      from: 2017\n      source: Annex II, Submission", "      from: 17\n      source: Annex II, Submission",
      #""from" must be a cycle's year, such as 2018"#
    ),
    (
      "      from: 2017\n      source: Annex II, Submission",
      "      from: 2019\n      until: 2018\n      source: Annex II, Submission",
      #""from: 2019" comes after "until: 2018""#
    ),
    (
      "# translations: {kinds: [bpf-output, igf-messages], languages: [ar, zh, fr, ru, es], from: 2021}",
      "translations: {kinds: [bpf-outptu], languages: [ar]}",
      #"translations names the kind "bpf-outptu", which the schema does not declare; did you mean "bpf-output"?"#
    ),
    (
      "# translations: {kinds: [bpf-output, igf-messages], languages: [ar, zh, fr, ru, es], from: 2021}",
      "translations: {kinds: [bpf-output], languages: [Arabic]}",
      #"translations names "Arabic", which is not a language tag"#
    ),
    (
      "# translations: {kinds: [bpf-output, igf-messages], languages: [ar, zh, fr, ru, es], from: 2021}",
      "translations: {kinds: [bpf-output]}", "translations needs the kinds to translate and the languages"
    ),
    (
      "# translations: {kinds: [bpf-output, igf-messages], languages: [ar, zh, fr, ru, es], from: 2021}",
      "translations: {kinds: [bpf-output], languages: [ar]}",
      "translations asks for ar, which content/site.yml does not list among the site's languages"
    ),
    (
      "# translations: {kinds: [bpf-output, igf-messages], languages: [ar, zh, fr, ru, es], from: 2021}",
      "translations: {kinds: [bpf-output], languages: [en]}",
      "translations asks for en, the site's default language, which documents are written in"
    ),
    (
      "# translations: {kinds: [bpf-output, igf-messages], languages: [ar, zh, fr, ru, es], from: 2021}",
      "translations: {kinds: [bpf-output], languages: [ar], from: soon}",
      "translations.from must be a cycle's year, such as 2021"
    ),
    (
      "# translations: {kinds: [bpf-output, igf-messages], languages: [ar, zh, fr, ru, es], from: 2021}",
      "translations: {kinds: [bpf-output], languages: [ar], form: 2021}",
      #"unknown key "form" in translations"#
    ),
    (
      "        - {title: Timeframe}\n", "        - {title: Timeframe, titles: {French: Calendrier}}\n",
      #"section "Timeframe": "French" is not a language tag with a title"#
    ),
    (
      "        - {title: Timeframe}\n", "        - {title: Timeframe, titles: [fr]}\n",
      #"the titles of section "Timeframe" must be a mapping of language: title"#
    ),
    (
      "    \"BPF proposal\": \"Proposition de forum sur les bonnes pratiques\"",
      "    \"BPF propsal\": \"Proposition de forum sur les bonnes pratiques\"",
      #"labels.fr gives "BPF propsal", which is not a label or value of the schema; did you mean "BPF proposal"?"#
    ),
    ("  fr:\n    \"Approved\"", "  French:\n    \"Approved\"", #"labels names "French", which is not a language tag"#),
    (
      "    \"BPF proposal\": \"Proposition de forum sur les bonnes pratiques\"", "    \"BPF proposal\": []",
      "labels.fr.BPF proposal must be a text"
    ),
    (
      "labels:\n  ar:\n", "labels: [ar]\nunused:\n  ar:\n",
      "labels must be a mapping of languages to the schema's words in them"
    ),
    (
      "labels:\n  ar:\n", "labels:\n  ar: [Report]\n  ar2:\n",
      "labels.ar must be a mapping of the schema's words to their ar text"
    ),
  ])
  func aMistakeInTheSchemaIsNamed(original: String, replacement: String, message: String) throws {
    #expect(Self.sample.contains(original), "the sample schema changed: \(original)")
    let site = try FixtureSite([
      "content/modalities.yml": Self.sample.replacingOccurrences(of: original, with: replacement),
      "content/2017/mag/m.md": Documents.meetingSummary(),
    ])
    let problems = site.check().filter { $0.rule.rawValue == "modalities.schema" }
    #expect(problems.map(\.message).contains(message), "\(problems.map(\.message))")
    #expect(problems.allSatisfy { $0.location.line > 0 })
  }

  @Test func sectionTemplatesMustSayTheirSectionsAndNotOverlap() throws {
    let schema = Self.sample.replacingOccurrences(
      of:
        "    sections:\n      from: 2017\n      source: Annex II\n      template:\n        - {title: Executive summary}",
      with:
        "    sections:\n      - {from: 2017, template: [{title: Executive summary}]}\n      - {from: 2018, template: [{title: Summary}]}\n      - {from: 2020}"
    )
    #expect(schema != Self.sample)
    let site = try FixtureSite(["content/modalities.yml": schema, "content/2017/mag/m.md": Documents.meetingSummary()])
    let messages = site.check().filter { $0.rule.rawValue == "modalities.schema" }.map(\.message)
    #expect(messages.contains("two section templates of bpf-output apply to the same cycles (from 2017 and from 2018)"))
    #expect(messages.contains(#"a section template needs "template:", the list of its sections"#))
  }

  @Test(arguments: [
    ("[bpf, wg]\n", "series.yml must be a mapping of fields"),
    ("bpf: [cybersecurity]\n", #""bpf" should map series ids to their names"#),
    (
      "bpf:\n  cybersecurity: Best Practice Forum on Cybersecurity\n",
      #"the series "bpf/cybersecurity" should be a mapping with its name"#
    ),
    (
      "bfp:\n  cybersecurity: {name: BPF on Cybersecurity}\n",
      #""bfp" is not a series type of modalities.yml"#
    ),
  ])
  func aMistakeInSeriesYMLIsNamed(text: String, message: String) throws {
    let site = try FixtureSite(["content/series.yml": text, "content/2018/r.md": Documents.report()])
    let problems = site.check().filter { $0.location.file.hasSuffix("content/series.yml") }
    #expect(problems.map(\.message) == [message])
    #expect(problems.first?.location.file.hasSuffix("content/series.yml") == true)
  }
}
