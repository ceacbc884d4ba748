import Foundation
import SiteContent
import SiteModel
import TestSupport
import Testing

/// igfsite reads YAML through libyaml's events and types scalars itself, for speed; these
/// tests hold it to the values Yams (the reference) gives.
@Suite struct YAMLCompatibilityTests {
  static let curated = [
    "yes", "Yes", "YES", "yEs", "no", "NO", "true", "True", "TRUE", "tRue", "false", "on", "On", "OFF", "off", "y", "n",
    "0", "00", "007", "08", "0o17", "0o", "0b1010", "0b", "0b12", "0x1F", "0xG", "0x", "-0x1f", "+12", "-12", "1_000",
    "_1",
    "1__2", "12:30", "1:30:45", "190:20:30", "1:60", "1:5:", "0:30", "1.5", ".5", "5.", "1e3", "1E+3", "1e", "1.5e-10",
    ".5e3", ".5e+3", "1_0.0_1", "1:30.5", ".inf", "-.inf", "+.INF", ".Inf", ".nan", ".NaN", "-.nan", "~", "null",
    "Null",
    "NULL", "nULL", "", "<<", "=", "2017-03-28", "2017-3-28", "2017-03-28T15:00:00Z", "2017-03-28 15:00:00",
    "2017-03-28t1:00:00.5", "2017-03-28  1:00:00 +02", "2017-03-28 1:00:00 -5:30", "2017-03-28T15:00:00.123456789Z",
    "2017-03-28 15:00", "2017-13-45", "2017-02-30", "17-03-28", "IGF 2017", "BPF on Cybersecurity", "one-year",
    "2017/bpf/x/proposal", "ana-gomez", "1.2.3", "+", "-", ".", "0.", "-0", "+0", "1e+", "e3", "0o8", "12:", ":30",
  ]

  @Test func scalarsResolveAsYamsResolvesThem() {
    var mismatches: [String] = []
    var random = SystemRandomNumberGenerator.seeded(2017)
    let alphabet = Array("0123456789+-._:eExobTtZ infnaNyesYESrulON~\t")
    var cases = Self.curated
    for _ in 0..<20_000 {
      let length = Int(random.next() % 12) + 1
      cases.append(String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
    }
    for text in cases {
      let expected = YamsReference.resolvedKind(text)
      let actual: String
      switch ScalarResolver.kind(of: text) {
      case .bool: actual = "tag:yaml.org,2002:bool"
      case .int: actual = "tag:yaml.org,2002:int"
      case .float: actual = "tag:yaml.org,2002:float"
      case .merge: actual = "tag:yaml.org,2002:merge"
      case .null: actual = "tag:yaml.org,2002:null"
      case .timestamp: actual = "tag:yaml.org,2002:timestamp"
      case .value: actual = "tag:yaml.org,2002:value"
      case .string: actual = "tag:yaml.org,2002:str"
      }
      if actual != expected { mismatches.append("\(text.debugDescription): Yams \(expected), igfsite \(actual)") }
    }
    #expect(
      mismatches.isEmpty,
      "\(mismatches.count) of \(cases.count) differ:\n\(mismatches.prefix(30).joined(separator: "\n"))")
  }

  /// The values too (integers in every base, floats, timestamps with zones and fractions):
  /// igfsite builds them without Yams.
  @Test func scalarsHaveTheValuesYamsGivesThem() {
    var random = SystemRandomNumberGenerator.seeded(2018)
    let alphabet = Array("0123456789+-._:eExobTtZ infnaN")
    var cases =
      Self.curated + [
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z",
        "2001-12-14 21:59:43.1234567891",
        "2002-1-5 1:02:03", "-1:30", "+1:30", "1:30:00.25", "-0b101", "+0o17", "0x_1F", "9223372036854775807",
      ]
    for _ in 0..<20_000 {
      let length = Int(random.next() % 12) + 1
      cases.append(String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
    }
    var mismatches: [String] = []
    var typed = 0
    for text in cases {
      let expected = YamsReference.resolvedValue(text)
      let actual = ScalarResolver.value(of: text)
      if case .double(let left) = expected, case .double(let right) = actual, left.isNaN, right.isNaN { continue }
      if case .string = expected {} else { typed += 1 }
      if actual != expected { mismatches.append("\(text.debugDescription): Yams \(expected), igfsite \(actual)") }
    }
    #expect(typed > 1000, "the cases include typed values, not only text (\(typed))")
    #expect(
      mismatches.isEmpty,
      "\(mismatches.count) of \(cases.count) differ:\n\(mismatches.prefix(30).joined(separator: "\n"))")
  }

  static let documents: [String] = [
    "title: A\ncycle: 2017\ndate: 2017-03-28\nthemes: [Access, Gender]\n",
    "meeting: {number: 2, format: virtual, chair: lynn}\nparticipants:\n  - group: Chair\n    people: [a, b]\n  - group: MAG\n    people:\n      - c\n      - 'd'\n",
    "summary: >\n  folded text\n  on lines\nbody: |\n  literal\n  text\n",
    "quoted: \"2017\"\nsingle: '2017-03-28'\nexplicit: !!str 7\nint: !!int \"12\"\nempty:\nnull: ~\n",
    "numbers: [0x1F, 0o17, 1_000, 1.5, .inf, -.nan, 12:30]\nbools: [yes, No, on, OFF, true]\n",
    "when: 2017-03-28T15:00:00Z\nlocal: 2017-03-28 15:00:00 +02:00\n",
    "nested:\n  deeper:\n    deepest: [1, [2, [3, {four: 4}]]]\n",
    "unicode: Fernández González\nemoji: \"\\u00e9\"\n",
  ]

  @Test func documentsReadAsYamsReadsThem() throws {
    var texts = Self.documents
    // The front matter of the sample site and of every fixture document.
    for folder in [SharedFiles.packageRoot.appendingPathComponent("content"), Fixtures.folder] {
      let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
      while let url = enumerator?.nextObject() as? URL {
        guard url.pathExtension == "md" || url.pathExtension == "yml",
          let text = try? String(contentsOf: url, encoding: .utf8)
        else { continue }
        if url.pathExtension == "yml" {
          texts.append(text)
        } else if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") {
          texts.append(String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n")
        }
      }
    }
    #expect(texts.count > 50)
    for text in texts {
      let reference = YamsReference.parse(text)
      let ours = try? YAMLReader(file: "x.yml").parse(text).get()
      #expect(ours == reference, "differs for:\n\(text)")
    }
  }

  @Test func syntaxErrorsAreReportedWhereYamsReportsThem() {
    for text in [
      "title: [open\ncycle: 2017\n", "a: b: c\n", "key: value\n  bad: indent\n", "key: \"unclosed\n", "\ttab: 1\n",
    ] {
      let ours = YAMLReader(file: "x.md", firstLine: 2).parse(text)
      guard case .failure(let diagnostic) = ours else {
        Issue.record("no error for \(text.debugDescription)")
        continue
      }
      #expect(
        diagnostic.message.hasPrefix("YAML syntax error") || diagnostic.message.hasPrefix("YAML could not be read"))
      #expect(diagnostic.location.line >= 2)
      #expect(YamsReference.parse(text) == nil, "Yams accepts \(text.debugDescription)")
    }
  }

  @Test func aliasBombsAreRefused() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    guard case .failure(let diagnostic) = YAMLReader(file: "bomb.md").parse(yaml) else {
      Issue.record("the alias bomb was expanded")
      return
    }
    #expect(diagnostic.message == "YAML expands to more than \(YAMLReader.maximumValues) values")
  }

  @Test func keysAreTheirTextAndAnAnchoredKeyKeepsItsTypeForItsAliases() throws {
    let yaml = "2017: yes\ntrue: 2018-01-05\n&year 2019: x\nagain: *year\n"
    let node = try YAMLReader(file: "keys.md").parse(yaml).get()
    #expect(node.entries?.map(\.key) == ["2017", "true", "2019", "again"])
    #expect(node["2017"]?.bool == true)
    #expect(node["true"]?.date == CalendarDate(iso: "2018-01-05"))
    // Yams types the anchored key, and so does an alias that repeats it.
    #expect(node["again"]?.int == 2019)
  }

  @Test func deepNestingIsRefused() {
    let yaml = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
    guard case .failure(let diagnostic) = YAMLReader(file: "deep.md").parse(yaml) else {
      Issue.record("deep nesting accepted")
      return
    }
    #expect(diagnostic.message == "YAML is nested more than \(YAMLReader.maximumDepth) levels deep")
  }
}

extension SystemRandomNumberGenerator {
  /// A deterministic generator for tests (SplitMix64), despite the name of the extension.
  static func seeded(_ seed: UInt64) -> SplitMix64 { SplitMix64(state: seed) }
}

struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
