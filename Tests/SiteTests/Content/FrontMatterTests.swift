import Foundation
import SiteContent
import SiteModel
import TestSupport
import Testing

@Suite struct FrontMatterTests {
  @Test func documentWithoutFrontMatterIsAnErrorNamingTheFile() throws {
    let site = try FixtureSite(["content/2017/notes.md": "# Just a heading\n\nNo front matter here.\n"])
    let problem = try #require(site.check().first { $0.rule.rawValue == "front-matter.missing" })
    #expect(problem.location.file == "content/2017/notes.md")
    #expect(problem.location.line == 1)
    #expect(problem.severity == .error)
    #expect(problem.message == "the document has no front matter")
    #expect(problem.help?.contains("---") == true)
  }

  @Test func unclosedFrontMatterIsAnError() throws {
    let site = try FixtureSite(["content/2018/r.md": "---\nkind: report\ntitle: Open\n\nBody without a closing line.\n"]
    )
    let problem = try #require(site.check().first { $0.rule.rawValue == "front-matter.unclosed" })
    #expect(problem.location.file == "content/2018/r.md")
    #expect(problem.message == "the front matter is not closed")
  }

  @Test func invalidYAMLIsReportedAtItsLineInTheFile() throws {
    // Line 1 is the opening ---, so the bad line 3 of the file is line 2 of the YAML.
    let text = "---\ntitle: Fine\nkind: [report\ncycle: 2018\n---\nBody\n"
    let site = try FixtureSite(["content/2018/broken.md": text])
    let problem = try #require(site.check().first { $0.rule.rawValue == "front-matter.yaml" })
    #expect(problem.location.file == "content/2018/broken.md")
    #expect(problem.location.line >= 3 && problem.location.line <= 5)
    #expect(problem.message.hasPrefix("YAML syntax error"))
  }

  @Test func duplicateKeysAreReported() throws {
    let site = try FixtureSite(["content/2018/dup.md": Documents.report(extra: "title: Again")])
    let problem = try #require(site.check().first { $0.rule.rawValue == "front-matter.yaml" })
    #expect(problem.message.contains("\"title\" appears more than once"))
  }

  @Test func wrongTypesAreReportedAtTheValue() throws {
    let text = Documents.report().replacingOccurrences(of: "cycle: 2018", with: "cycle: twenty-eighteen")
      .replacingOccurrences(of: "date: 2018-02-10", with: "date: \"2018-02-10\"")
    let site = try FixtureSite(["content/2018/types.md": text])
    let problems = site.check().filter { $0.rule.rawValue == "front-matter.type" }
    let cycle = try #require(problems.first { $0.message.contains("\"cycle\"") })
    #expect(cycle.message == "\"cycle\" should be a whole number, not text")
    #expect(cycle.location.line == 4)
    #expect(cycle.location.column == 8)
    let date = try #require(problems.first { $0.message.contains("\"date\"") })
    #expect(date.help == "remove the quotes: date: 2018-02-10")
  }

  @Test func datesAreDatesNotStrings() throws {
    let reader = YAMLReader(file: "x.md", firstLine: 2)
    let node = try reader.parse("date: 2017-03-28\nwhen: 2017-03-28T15:00:00Z\nnot: 2017-02-30\n").get()
    #expect(node["date"]?.value == .date(CalendarDate(year: 2017, month: 3, day: 28)!))
    #expect(node["when"]?.date == CalendarDate(year: 2017, month: 3, day: 28))
    // An impossible day is not rolled over into March: it stays text for the type check.
    #expect(node["not"]?.value == .string("2017-02-30"))
    #expect(node["date"]?.location.line == 2)
  }

  @Test func lineEndingsAndByteOrderMarkDoNotChangeTheDocument() throws {
    let text = Documents.report()
    let crlf = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
    let plain = SourceText.decode(Data(text.utf8)).text
    let windows = SourceText.decode(Data(crlf.utf8)).text
    #expect(plain == windows)
  }

  @Test func invalidUTF8IsReportedWithItsLine() throws {
    let site = try FixtureSite()
    var bytes = Array(Documents.report().utf8)
    let secondLine = bytes.firstIndex(of: 10)! + 1
    bytes.insert(0xFF, at: secondLine + 3)
    try site.writeData(Data(bytes), to: "content/2018/latin1.md")
    let problem = try #require(site.check().first { $0.rule.rawValue == "content.encoding" })
    #expect(problem.location.line == 2)
    #expect(problem.location.column == 4)
  }
}
