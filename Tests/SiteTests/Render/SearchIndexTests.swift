import Foundation
import SiteModel
import TestSupport
import Testing

@testable import SiteRender

/// The search index in parts: what a query fetches holds the right documents, and the
/// parts stay small.
@Suite struct SearchIndexTests {
  @Test(arguments: [
    [0], [5], [0, 1, 2, 3], [7, 40, 41, 1000, 33000], Array(0..<900), Array(stride(from: 0, to: 999, by: 2)),
  ])
  func postingListsReadBackInBothForms(numbers: [Int]) {
    let encoded = String(decoding: PostingList.encode(numbers.map(Int32.init), documentCount: 1000), as: UTF8.self)
    #expect(SearchIndexReader.decode(encoded) == numbers)
    if numbers.count > 500 { #expect(encoded.hasPrefix("b"), "a word most documents have is a bitmap") }
    if numbers.count < 10 { #expect(encoded.hasPrefix("l")) }
  }

  @Test func aWordLeadsToItsDocumentsByField() throws {
    let site = try FixtureSite(InventoryFixture.files)
    #expect(site.build().wrote)
    let index = try SearchIndexReader(output: site.root.appendingPathComponent("output"))
    let count = try #require(index.manifest["documents"] as? Int)
    let urls = try (0..<count).map { try index.document($0)["u"] as? String ?? "" }
    let roadmap = try #require(urls.firstIndex(of: "2018/reports/roadmap/index.html"))
    #expect(try index.postings(of: "roadmap")[0].contains(roadmap), "title word")
    #expect(try index.postings(of: "berg")[1].contains(roadmap), "a person's name")
    #expect(try index.postings(of: "intersessional")[1].contains(roadmap), "a theme")
    let introduction = try index.postings(of: "introduction")
    #expect(introduction[2].contains(roadmap), "a body word")
    #expect(!introduction[0].contains(roadmap) || !introduction[2].contains(roadmap), "each document once per word")
    let fragment = try index.document(roadmap)
    #expect(fragment["t"] as? String == "A roadmap for 2018")
    let paragraphs = try #require(fragment["p"] as? [[String]])
    #expect(paragraphs.first?.first == "p1", "paragraphs come with their anchors")
    // Newest cycle first: each cycle is one range of numbers.
    let cycles = try #require(index.manifest["cycles"] as? [[Int]])
    #expect(cycles.map { $0[0] } == cycles.map { $0[0] }.sorted(by: >))
    #expect(cycles.first?[1] == 0 && cycles.last?[2] == count)
    #expect(!site.exists("output/search-index.js"), "no index in one piece")
  }

  @Test func accentsAndCaseFold() throws {
    var files = InventoryFixture.files
    files["content/2018/reports/accents.md"] = Documents.report(
      title: "Fernández on Économie numérique", body: "## Introduction\n\nLa société de l'information.\n")
    let site = try FixtureSite(files)
    #expect(site.build().wrote)
    let index = try SearchIndexReader(output: site.root.appendingPathComponent("output"))
    #expect(try !index.postings(of: "fernandez")[0].isEmpty)
    #expect(try !index.postings(of: "economie")[0].isEmpty)
    #expect(try !index.postings(of: "societe")[2].isEmpty)
    #expect(try index.postings(of: "société")[2].isEmpty, "the index holds folded words only")
  }

  /// Chinese is searched by pairs of characters; Arabic with its letter forms made one
  /// (the script folds a query the same way: check-pages searches both in Chromium).
  @Test func chineseIsSplitIntoPairsAndArabicLettersAreNormalised() {
    #expect(SearchWords.of("互联网治理论坛") == ["互联", "联网", "网治", "治理", "理论", "论坛"])
    #expect(SearchWords.of("IGF 的信息") == ["igf", "的信", "信息"], "a run of Han beside Latin")
    #expect(SearchWords.of("网") == ["网"], "a single character alone")
    // Hamza forms, alef wasla, ta marbuta, alef maqsura, tatweel and vowel marks.
    #expect(
      SearchWords.of("أفضل إنشاء آخر ٱلمنتدى المصلحة كـتاب مُنْتَدَى") == [
        "افضل", "انشاء", "اخر", "المنتدي", "المصلحه", "كتاب", "منتدي",
      ])
    #expect(SearchWords.foldBodyWord("الممارسات،") == ["الممارسات"], "Arabic punctuation splits")
    #expect(SearchWords.of("Société FERNÁNDEZ straße") == ["societe", "fernandez", "strasse"])
    // Hangul syllables stay whole (recomposed after the marks go), in pairs like Han.
    #expect(SearchWords.of("인터넷 거버넌스") == ["인터", "터넷", "거버", "버넌", "넌스"])
    #expect(SearchWords.of("ΛΟΓΟΣ λόγος") == ["λογοσ"], "final sigma is sigma")
    #expect(SearchWords.of("می\u{200C}خواهم") == ["میخواهم"], "joiners do not split a word")
    #expect(SearchWords.of("Ⓐccess ½ x²") == ["ccess", "x²"], "as the script's \\p{L}\\p{N} split")
  }

  /// Many documents: shards stay under the limit (unless one word is more), every word is
  /// in the shard its longest key prefix names, and the filters' lists add up.
  @Test func shardsStaySmallAndFindable() throws {
    var files = InventoryFixture.files
    for number in 0..<1200 {
      let words = (0..<40).map { "w\(($0 * 7 + number) % 400)x\($0 % 9)" }.joined(separator: " ")
      files["content/2018/reports/many-\(number).md"] = Documents.report(
        title: "Report \(number) on \(["access", "gender", "security"][number % 3])",
        body: "## Introduction\n\n\(words) internet.\n")
    }
    let site = try FixtureSite(files)
    #expect(site.build().wrote)
    let output = site.root.appendingPathComponent("output")
    let index = try SearchIndexReader(output: output)
    #expect(index.shardKeys.count > 5, "the words are split into shards")
    for key in index.shardKeys {
      let size = try Data(
        contentsOf: output.appendingPathComponent("search/w/\(SearchIndexReader.fileName(of: key)).js")
      ).count
      let words = try index.shard(key)
      #expect(size <= SearchIndex.shardLimit + 4096 || words.count == 1, "shard \(key): \(size) bytes")
      for word in words.keys { #expect(index.shardKey(of: word) == key, "\(word) is found in shard \(key)") }
    }
    let internet = try index.postings(of: "internet")
    #expect(internet[2].count >= 1200)
    let facet =
      try SearchIndexReader.call(
        try String(contentsOf: output.appendingPathComponent("search/f/kind.js"), encoding: .utf8), "facet") as? [Any]
    let kinds = try #require(facet?.last as? [[String]])
    let total = kinds.reduce(0) { $0 + SearchIndexReader.decode($1[1]).count }
    #expect(total == index.manifest["documents"] as? Int)
    // The fragments come in groups of 500: every document has one, numbered without a gap.
    let documents = try #require(index.manifest["documents"] as? Int)
    #expect(documents > 2 * PagePlan.searchFragmentsPerGroup)
    let fragments = try FileManager.default.contentsOfDirectory(
      atPath: output.appendingPathComponent("search/d").path)
    #expect(Set(fragments) == Set((0..<documents).map { "\($0).js" }))
    #expect(try index.document(documents - 1)["t"] != nil)
  }
}
