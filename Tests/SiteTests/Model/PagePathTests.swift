import SiteModel
import Testing

/// Canonical URLs go into feeds, sitemaps and `<link rel="canonical">`: pretty for
/// `index.html` pages, exact for every other file, whatever the base URL's final slash.
@Suite struct PagePathTests {
  @Test(arguments: [
    ("index.html", "https://example.org/igf/"),
    ("2017/index.html", "https://example.org/igf/2017/"),
    ("2017/bpf/iot/proposal/index.html", "https://example.org/igf/2017/bpf/iot/proposal/"),
    ("xindex.html", "https://example.org/igf/xindex.html"),
    ("2017/myindex.html", "https://example.org/igf/2017/myindex.html"),
    ("feed.xml", "https://example.org/igf/feed.xml"),
  ])
  func canonicalURLs(path: String, expected: String) {
    #expect(PagePath(path).canonicalURL(base: "https://example.org/igf/") == expected)
    #expect(PagePath(path).canonicalURL(base: "https://example.org/igf") == expected)
  }

  @Test func datesPrintAsISO() {
    #expect(CalendarDate(year: 2017, month: 3, day: 8)?.description == "2017-03-08")
    #expect(CalendarDate(year: 806, month: 12, day: 31)?.description == "0806-12-31")
  }
}
