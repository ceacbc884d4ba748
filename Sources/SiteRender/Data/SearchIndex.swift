import Foundation
import SiteLink
import SiteModel
import SiteSupport
import Synchronization

/// The search index, written by the build in small parts so that a query fetches only
/// what it needs, each part a script (`IGFSITE_SEARCH.shard(…)`) so search works opened
/// from the file system and under any sub-path:
///
/// - `search/index.js`: the manifest: how many documents, the shards' keys, each cycle's
///   range of document numbers, the kinds;
/// - `search/w/KEY.js`: the words starting with KEY (the shortest prefix that keeps a shard
///   small), each with the documents that have it in the title, in the summary, themes,
///   people or kind, and in the body (`PostingList`);
/// - `search/d/N.js`: document N's title, URL, kind, cycle, summary and paragraphs (with
///   their anchors), fetched for the results shown;
/// - `search/f/kind.js`, `theme.js`, `series.js`: the documents of each, for the filters.
///
/// Documents are numbered newest cycle first, then by id, so each cycle is one range and
/// equal scores list the newest first.
///
/// Each other language with translations has its own index, of its translations, under its
/// folder (`fr/search/index.js`, …), numbered in the same order.
struct SearchIndex {
  let site: LinkedSite
  /// Keeps documents' fragments between preview rebuilds.
  var cache: RenderCache?
  /// The language of the index's texts; nil for the site's default.
  var language: String? = nil

  /// The documents the index numbers: every paged document, or those translated into
  /// `language`.
  private var documents: [ParsedDocument] {
    guard let language else { return site.searchOrder }
    return site.searchOrder.filter { document in site.translations(of: document).contains { $0.language == language } }
  }

  /// A document's text in the index's language.
  private func text(of document: ParsedDocument) -> ParsedDocument {
    language.flatMap { language in site.translations(of: document).first { $0.language == language } } ?? document
  }

  /// A path of the index in the index's language's folder.
  private func path(_ path: String) -> String { language.map { "\($0)/\(path)" } ?? path }
  /// A shard's size beyond which it is split by a longer prefix.
  static let shardLimit = 24 * 1024
  /// The paragraphs of a document fragment, at most (a result's matched sentence is looked
  /// for in them).
  static let textLimit = 12 * 1024

  /// The processor time the index has taken on every thread since the process started, in
  /// nanoseconds: the benchmark compares a build's with the whole build's (`IGFSITE_TIMINGS=1`).
  static let processorTime = Atomic<UInt64>(0)

  /// Runs `work`, adding the time the calling thread spent on it to `processorTime`.
  static func timed<Result>(_ work: () -> Result) -> Result {
    let start = threadTime()
    defer { processorTime.add(threadTime() &- start, ordering: .relaxed) }
    return work()
  }

  private static func threadTime() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }

  /// The manifest, the word shards and the filters' lists; the documents' fragments are
  /// `fragments(group:)`, rendered as pages of their own.
  func files() -> [OutputFile] {
    // The parts run on every core are timed inside; the others here.
    let documents = Self.timed { self.documents }
    let postings = Postings.build(documents, site: site, text: text(of:))
    var files = shards(postings, documentCount: documents.count)
    files.append(Self.timed { manifest(documents, shardKeys: files.map(\.key)) })
    return files.map(\.file) + Self.timed { facets(documents) }
  }

  /// A language's whole index, fragments included (translations are few: one page).
  func filesWithFragments() -> [OutputFile] {
    files() + documents.enumerated().map { fragment($0, $1) }
  }

  /// The fragments of one group of documents (`SitePage.searchFragments`).
  func fragments(group: Int) -> [OutputFile] {
    Self.timed {
      let documents = site.searchOrder
      let first = group * PagePlan.searchFragmentsPerGroup
      let numbers = first..<min(documents.count, first + PagePlan.searchFragmentsPerGroup)
      let entries = numbers.map { (number: $0, document: documents[$0]) }
      let make = { (entries: [(number: Int, document: ParsedDocument)]) in
        entries.map { fragment($0.number, $0.document) }
      }
      return cache?.searchFragments(entries, make: make) ?? make(entries)
    }
  }

  private static func script(_ call: String, _ json: [UInt8]) -> [UInt8] {
    Array("IGFSITE_SEARCH.\(call)(".utf8) + json + Array(");\n".utf8)
  }

  private func manifest(_ documents: [ParsedDocument], shardKeys: [String]) -> (key: String, file: OutputFile) {
    var json = JSONWriter()
    json.beginObject()
    json.key("documents")
    json.int(documents.count)
    let language = Language(self.language ?? site.config.language)
    json.field("lang", language.code)
    json.field("dir", language.direction)
    json.strings("shards", shardKeys)
    json.key("cycles")
    json.beginArray()
    var start = 0
    while start < documents.count {
      let year = documents[start].cycle ?? 0
      var end = start
      while end < documents.count, documents[end].cycle ?? 0 == year { end += 1 }
      json.beginArray()
      json.int(year)
      json.int(start)
      json.int(end)
      json.endArray()
      start = end
    }
    json.endArray()
    json.endObject()
    return ("", OutputFile(path: path(PagePlan.searchManifest), contents: .bytes(Self.script("manifest", json.bytes))))
  }

  /// The words split into shards by prefix, each at most `shardLimit` unless one word is more.
  private func shards(_ postings: Postings, documentCount: Int) -> [(key: String, file: OutputFile)] {
    let words = Self.timed { (0..<postings.words.count).map { postings.words.word($0) } }
    let entries = Parallel.map(Array(words.indices), jobs: nil) { number -> [UInt8] in
      Self.timed {
        var json = JSONWriter(pretty: false, elementAtDepth: 1, capacity: 256)
        json.beginArray()
        for list in [postings.title[number], postings.tags[number], postings.body[number]] {
          json.element(Array("\"".utf8) + PostingList.encode(list, documentCount: documentCount) + Array("\"".utf8))
        }
        json.endArray()
        return json.bytes
      }
    }
    return Self.timed { group(words, entries) }
  }

  private func group(_ words: [String], _ entries: [[UInt8]]) -> [(key: String, file: OutputFile)] {
    let sorted = words.indices.sorted { words[$0] < words[$1] }
    var groups: [(key: String, members: [Int])] = []
    func split(_ members: [Int], key: String, depth: Int) {
      let size = members.reduce(0) { $0 + words[$1].utf8.count + entries[$1].count + 4 }
      if size <= Self.shardLimit || depth > 12 {
        groups.append((key, members))
        return
      }
      let exact = members.filter { words[$0].unicodeScalars.count == depth }
      if !exact.isEmpty { groups.append((key, exact)) }
      var byPrefix: [String: [Int]] = [:]
      for member in members where words[member].unicodeScalars.count > depth {
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: words[member].unicodeScalars.prefix(depth + 1))
        byPrefix[String(prefix), default: []].append(member)
      }
      for prefix in byPrefix.keys.sorted() { split(byPrefix[prefix] ?? [], key: prefix, depth: depth + 1) }
    }
    split(sorted, key: "", depth: 0)
    return groups.map { group in
      var json = JSONWriter(capacity: Self.shardLimit + 1024)
      json.beginObject()
      for member in group.members {
        json.key(words[member])
        json.element(entries[member])
      }
      json.endObject()
      var call = JSONWriter()
      call.string(group.key)
      let bytes = Self.script("shard", call.bytes + Array(",".utf8) + json.bytes)
      return (
        group.key,
        OutputFile(path: path(PagePlan.searchShard(SearchWords.fileName(of: group.key))), contents: .bytes(bytes))
      )
    }
  }

  private func fragment(_ number: Int, _ document: ParsedDocument) -> OutputFile {
    let text = text(of: document)
    var json = JSONWriter(capacity: 4096)
    json.beginObject()
    json.field("t", text.title)
    json.field("u", text.pagePath.rawValue)
    json.field("k", site.kind(of: document)?.label ?? document.kind ?? "")
    json.key("c")
    json.int(document.cycle ?? 0)
    json.field("s", text["summary"]?.scalarText ?? "")
    json.key("p")
    json.beginArray()
    var size = 0
    let body = text.body
    for (anchor, text) in zip(body.paragraphAnchors, body.paragraphTexts) where size < Self.textLimit {
      size += text.utf8.count
      json.beginArray()
      json.string(anchor)
      json.string(text)
      json.endArray()
    }
    json.endArray()
    json.endObject()
    return OutputFile(
      path: path(PagePlan.searchDocument(number)),
      contents: .bytes(Self.script("doc", Array("\(number),".utf8) + json.bytes))
    )
  }

  /// The documents of each kind, theme and series, for the search page's filters.
  private func facets(_ documents: [ParsedDocument]) -> [OutputFile] {
    var kinds: [String: [Int32]] = [:]
    var themes: [String: [Int32]] = [:]
    var series: [String: [Int32]] = [:]
    for (number, document) in documents.enumerated() {
      let position = Int32(number)
      kinds[site.kind(of: document)?.label ?? document.kind ?? "", default: []].append(position)
      for theme in document.themes where site.theme(Slug.make(theme)) != nil {
        if let name = site.theme(Slug.make(theme))?.name, themes[name]?.last != position {
          themes[name, default: []].append(position)
        }
      }
      if let one = site.series(of: document) { series[one.title, default: []].append(position) }
    }
    return [("kind", kinds), ("theme", themes), ("series", series)].map { name, values in
      var json = JSONWriter()
      json.beginArray()
      for value in values.keys.sorted() {
        json.beginArray()
        json.string(value)
        json.string(
          String(decoding: PostingList.encode(values[value] ?? [], documentCount: documents.count), as: UTF8.self))
        json.endArray()
      }
      json.endArray()
      var call = JSONWriter()
      call.string(name)
      return OutputFile(
        path: path(PagePlan.searchFacet(name)),
        contents: .bytes(Self.script("facet", call.bytes + Array(",".utf8) + json.bytes)))
    }
  }
}

/// For every word, the documents that have it in the title, in the tags (summary, themes,
/// people, kind) and only in the body, by document number.
struct Postings {
  var words: WordNumbers
  var title: [[Int32]] = []
  var tags: [[Int32]] = []
  var body: [[Int32]] = []

  /// Two halves of the documents at once, then merged (the second half's numbers follow
  /// the first's, so the lists stay sorted).
  /// - Parameter text: a document's text in the index's language (the document itself, or
  ///   its translation): its title, summary and body; the rest is the document's.
  static func build(
    _ documents: [ParsedDocument], site: LinkedSite, text: @Sendable (ParsedDocument) -> ParsedDocument = { $0 }
  ) -> Postings {
    let middle = documents.count / 2
    let halves = Parallel.map([0..<middle, middle..<documents.count], jobs: nil) { range in
      SearchIndex.timed {
        var postings = Postings(words: WordNumbers(capacity: 1 << 16))
        for number in range {
          postings.add(documents[number], text: text(documents[number]), number: Int32(number), site: site)
        }
        return postings
      }
    }
    return SearchIndex.timed { merge(halves[0], halves[1]) }
  }

  private static func merge(_ first: Postings, _ second: Postings) -> Postings {
    var merged = first
    for number in 0..<second.words.count {
      var word = Array(second.words.word(number).utf8)
      let target = word.withUnsafeMutableBufferPointer { merged.number(of: UnsafeBufferPointer($0)) }
      merged.title[target] += second.title[number]
      merged.tags[target] += second.tags[number]
      merged.body[target] += second.body[number]
    }
    return merged
  }

  private mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int {
    let number = words.number(of: word)
    if number == title.count {
      title.append([])
      tags.append([])
      body.append([])
    }
    return number
  }

  /// The numbers of a short text's words (`SearchWords.of`), a word that repeats as often
  /// as it does: the lists below take a document once anyway. A plain-ASCII text is
  /// numbered from its bytes, without making a string of each word.
  private mutating func wordNumbers(of text: String) -> [Int] {
    var numbers: [Int] = []
    var text = text
    let ascii = text.withUTF8 { bytes in SearchWords.eachASCIIWord(in: bytes) { numbers.append(number(of: $0)) } }
    if ascii { return numbers }
    return SearchWords.of(text).map { word in
      var word = word
      return word.withUTF8 { number(of: $0) }
    }
  }

  mutating func add(_ document: ParsedDocument, text: ParsedDocument, number: Int32, site: LinkedSite) {
    var seen = Set<Int>()
    for target in wordNumbers(of: text.title) where title[target].last != number {
      title[target].append(number)
      seen.insert(target)
    }
    let people = site.schema.personReferences(of: document).compactMap { site.index.people[$0.id]?.name }
    let tagText =
      ([text["summary"]?.scalarText ?? "", site.kind(of: document)?.label ?? ""] + document.themes
      + people).joined(separator: " ")
    for target in wordNumbers(of: tagText) {
      guard seen.insert(target).inserted else { continue }
      tags[target].append(number)
    }
    var bodyWords = text.body.searchWords
    bodyWords.withUTF8 { bytes in
      var start = 0
      var index = 0
      while index <= bytes.count {
        if index == bytes.count || bytes[index] == 32 {
          if index > start {
            let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if word.contains(where: { $0 >= 0x80 }) {
              for term in SearchWords.foldBodyWord(Substring(decoding: word, as: UTF8.self)) {
                var folded = term
                let target = folded.withUTF8 { self.number(of: $0) }
                if !seen.contains(target), body[target].last != number { body[target].append(number) }
              }
            } else {
              let target = self.number(of: word)
              if !seen.contains(target), body[target].last != number { body[target].append(number) }
            }
          }
          start = index + 1
        }
        index += 1
      }
    }
  }
}
