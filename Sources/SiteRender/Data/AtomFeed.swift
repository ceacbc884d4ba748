import SiteLink
import SiteModel
import SiteSupport

/// Atom 1.0 feeds of the site's documents: one for the whole site and one per cycle, and the
/// same for each other language the site has translations into (`fr/feed.xml`), newest
/// first by the documents' dates as known (undated ones last). An entry's `updated` is the
/// document's own day (at midnight UTC) when the content gives one; otherwise, since Atom
/// requires a day, the day its file was last modified, and the summary says the document's
/// date as far as it is known. Never the build's clock, so two builds of the same files give
/// the same feed.
struct AtomFeed {
  let site: LinkedSite
  /// How many entries the site-wide feed carries.
  static let siteWideLimit = 50

  func siteFeed() -> OutputFile {
    let documents = Self.newestFirst(site.pagedDocuments, limit: Self.siteWideLimit)
    return feed(path: PagePlan.siteFeed, title: site.config.title, alternate: .home, documents: documents)
  }

  func cycleFeed(_ cycle: CycleInventory) -> OutputFile {
    feed(
      path: PagePlan.cycleFeed(cycle.year), title: "\(site.config.title): \(cycle.title)", alternate: cycle.pagePath,
      documents: Self.newestFirst(cycle.items.map(\.document)))
  }

  /// The feeds of the translations into each of the site's other languages (`fr/feed.xml`),
  /// for the languages that have any.
  func languageFeeds() -> [OutputFile] {
    translationsByLanguage(site.pagedDocuments).map { language, pairs in
      feed(
        path: PagePlan.languageFeed(language), title: "\(site.config.title) (\(Language(language).name))",
        alternate: .home, documents: Array(pairs.prefix(Self.siteWideLimit)), language: language)
    }
  }

  /// A cycle's translations into each language that has any (`fr/2017/feed.xml`).
  func languageFeeds(_ cycle: CycleInventory) -> [OutputFile] {
    translationsByLanguage(cycle.items.map(\.document)).map { language, pairs in
      feed(
        path: PagePlan.languageCycleFeed(language, cycle.year),
        title: "\(site.config.title): \(cycle.title) (\(Language(language).name))", alternate: cycle.pagePath,
        documents: pairs, language: language)
    }
  }

  /// The documents' translations, newest document first, by language in the site's order.
  private func translationsByLanguage(_ documents: [ParsedDocument]) -> [(String, [(ParsedDocument, ParsedDocument)])] {
    let translated = documents.filter { !site.translations(of: $0).isEmpty }
    guard !translated.isEmpty else { return [] }
    let ordered = Self.newestFirst(translated)
    return site.config.languages.dropFirst().compactMap { language in
      let pairs = ordered.compactMap { document in
        site.translations(of: document).first { $0.language == language }.map { (document, $0) }
      }
      return pairs.isEmpty ? nil : (language, pairs)
    }
  }

  /// Documents by date, newest first (ties by id, last first); with a limit, only the
  /// newest ones, picked without sorting the whole site.
  static func newestFirst(_ documents: [ParsedDocument], limit: Int? = nil) -> [ParsedDocument] {
    func newer(_ lhs: (PartialDate?, ParsedDocument), _ rhs: (PartialDate?, ParsedDocument)) -> Bool {
      switch (lhs.0, rhs.0) {
      case (let left?, let right?) where left != right: left > right
      case (.some, nil): true
      case (nil, .some): false
      default: lhs.1.id > rhs.1.id
      }
    }
    guard let limit, limit < documents.count else {
      return documents.map { ($0.published, $0) }.sorted(by: newer).map(\.1)
    }
    var newest: [(PartialDate?, ParsedDocument)] = []
    newest.reserveCapacity(limit + 1)
    for document in documents {
      let entry = (document.published, document)
      if newest.count == limit, let last = newest.last, !newer(entry, last) { continue }
      newest.insert(entry, at: newest.firstIndex { newer(entry, $0) } ?? newest.endIndex)
      if newest.count > limit { newest.removeLast() }
    }
    return newest.map(\.1)
  }

  func feed(path: String, title: String, alternate: PagePath, documents: [ParsedDocument]) -> OutputFile {
    feed(path: path, title: title, alternate: alternate, documents: documents.map { ($0, $0) }, language: nil)
  }

  /// - Parameter documents: each document with its text in the feed's language (itself, or
  ///   a translation): the text gives the title, summary and link, the document its dates.
  /// - Parameter language: the feed's language; nil for the site's default.
  func feed(
    path: String, title: String, alternate: PagePath, documents: [(ParsedDocument, ParsedDocument)], language: String?
  ) -> OutputFile {
    let base = site.config.baseURL
    let selfURL = PagePath(path).canonicalURL(base: base)
    // A translation is updated when its own file last changed, else when its document was.
    let entries = documents.compactMap { document, text in
      (text === document ? Self.updatedDay(of: document) : text.modified ?? Self.updatedDay(of: document))
        .map { (document, text, $0) }
    }
    let updated = entries.map(\.2).max() ?? CalendarDate(daysSinceEpoch: 0)
    // Written as bytes, piece by piece: a feed of a thousand entries was most of its time
    // in interpolating strings.
    var xml = FeedBytes()
    xml.add(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
      x(language ?? site.config.language), "\">\n")
    xml.add("  <id>", x(selfURL), "</id>\n")
    xml.add("  <title>", x(title), "</title>\n")
    if !site.config.description.isEmpty, language == nil {
      xml.add("  <subtitle>", x(site.config.description), "</subtitle>\n")
    }
    xml.add("  <updated>", updated.rfc3339, "</updated>\n")
    xml.add("  <link rel=\"self\" type=\"application/atom+xml\" href=\"", x(selfURL), "\"/>\n")
    xml.add("  <link rel=\"alternate\" type=\"text/html\" href=\"", x(alternate.canonicalURL(base: base)), "\"/>\n")
    xml.add(
      "  <author><name>", x(site.config.publisher.isEmpty ? site.config.title : site.config.publisher),
      "</name></author>\n")
    for (document, text, day) in entries {
      let url = x(text.pagePath.canonicalURL(base: base))
      xml.add("  <entry>\n")
      xml.add("    <id>", url, "</id>\n")
      xml.add("    <title>", x(text.title), "</title>\n")
      xml.add("    <updated>", day.rfc3339, "</updated>\n")
      if let published = document.published?.fullDay { xml.add("    <published>", published.rfc3339, "</published>\n") }
      if text === document {
        xml.add("    <link rel=\"alternate\" type=\"text/html\" href=\"", url, "\"/>\n")
      } else {
        xml.add(
          "    <link rel=\"alternate\" type=\"text/html\" hreflang=\"", x(text.language ?? ""), "\" href=\"", url,
          "\"/>\n")
        let original = document.pagePath.canonicalURL(base: base)
        xml.add(
          "    <link rel=\"alternate\" type=\"text/html\" hreflang=\"", x(site.config.language), "\" href=\"",
          x(original), "\"/>\n")
      }
      if let kind = site.kind(of: document) {
        xml.add("    <category term=\"", x(kind.id), "\" label=\"", x(kind.label), "\"/>\n")
      }
      for theme in document.themes {
        xml.add("    <category term=\"", x(Slug.make(theme)), "\" label=\"", x(theme), "\"/>\n")
      }
      if text !== document {
        // The summary is the translation's own, or none: no sentence in another language.
        if let summary = text["summary"]?.scalarText { xml.add("    <summary>", x(summary), "</summary>\n") }
        xml.add("  </entry>\n")
        continue
      }
      var summary =
        document["summary"]?.scalarText
        ?? "\(site.kind(of: document)?.label ?? "Document") of the \(document.cycle.map(String.init) ?? "") IGF cycle."
      if document.published?.fullDay == nil {
        summary += " Date: \(document.published.map { "\($0.longForm), not known to the day" } ?? "not known")."
      }
      xml.add("    <summary>", x(summary), "</summary>\n")
      xml.add("  </entry>\n")
    }
    xml.add("</feed>\n")
    return OutputFile(path: path, contents: .bytes(xml.bytes))
  }

  private func x(_ text: String) -> String { XMLText.escape(text) }

  /// The document's own day, else the day its file last changed.
  static func updatedDay(of document: ParsedDocument) -> CalendarDate? {
    document.published?.fullDay ?? document.modified
  }
}

/// Escaping for XML text and attributes; characters XML 1.0 forbids are dropped.
/// A feed's bytes, put together from its pieces.
private struct FeedBytes {
  var bytes: [UInt8] = []

  mutating func add(_ parts: String...) {
    for part in parts { bytes.append(contentsOf: part.utf8) }
  }
}

enum XMLText {
  static func escape(_ text: String) -> String {
    let clean = text.utf8.allSatisfy { $0 >= 0x20 || $0 == 9 || $0 == 10 || $0 == 13 } && !text.utf8.contains(0xEF)
    if clean { return HTMLText.escape(text) }
    let allowed = text.unicodeScalars.filter { scalar in
      scalar == "\t" || scalar == "\n" || scalar == "\r"
        || (scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF)
    }
    return HTMLText.escape(String(String.UnicodeScalarView(allowed)))
  }
}

/// `sitemap.xml` with the absolute, pretty URL of every page, and `robots.txt` pointing to it.
struct Sitemap {
  let site: LinkedSite

  /// - Parameter pages: every HTML page with the date it last changed, when known, and its
  ///   versions in other languages (`xhtml:link` alternates, with `x-default`).
  func files(pages: [SitemapPage]) -> [OutputFile] {
    let base = site.config.baseURL
    // URLs in byte order, which for the ASCII paths pages have is alphabetical order.
    let sorted = pages.filter { $0.path != PagePlan.notFound }
      .map { (key: Array($0.path.rawValue.utf8), page: $0) }
      .sorted { $0.key.lexicographicallyPrecedes($1.key) }
      .map(\.page)
    var xml: [UInt8] = []
    xml.reserveCapacity(pages.count * 100)
    xml +=
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
      .utf8
    if pages.contains(where: { !$0.versions.isEmpty }) { xml += " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"".utf8 }
    xml += ">\n".utf8
    for page in sorted {
      xml += "  <url><loc>".utf8
      xml += XMLText.escape(page.path.canonicalURL(base: base)).utf8
      xml += "</loc>".utf8
      if let date = page.lastModified { xml += "<lastmod>\(date)</lastmod>".utf8 }
      for (language, path) in page.versions + page.versions.prefix(1).map({ ("x-default", $0.path) }) {
        xml += "\n    <xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"".utf8
        xml += XMLText.escape(path.canonicalURL(base: base)).utf8
        xml += "\"/>".utf8
      }
      xml += page.versions.isEmpty ? "</url>\n".utf8 : "\n  </url>\n".utf8
    }
    xml += "</urlset>\n".utf8
    let robots = "User-agent: *\nAllow: /\nSitemap: \(PagePath(PagePlan.sitemap).canonicalURL(base: base))\n"
    return [
      OutputFile(path: PagePlan.sitemap, contents: .bytes(xml)),
      OutputFile(path: PagePlan.robots, contents: .text(robots)),
    ]
  }
}
