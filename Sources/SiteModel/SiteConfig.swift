/// The site's settings from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
  public var title: String
  public var description: String
  /// Absolute URL the site is published under; used only for canonical URLs, feeds and
  /// the sitemap, never for links between pages.
  public var baseURL: String
  /// BCP 47 language tag of the site's default language: its pages are at the root.
  public var language: String
  /// The languages the site publishes in, the default first: a document's translations
  /// into the others are files beside it (`proposal.fr.md`), their pages under `fr/`.
  public var languages: [String]
  /// Raw HTML in Markdown is dropped unless the site turns it on.
  public var unsafeHTML: Bool
  /// Who publishes the site, shown in the footer and feeds.
  public var publisher: String

  public init(
    title: String = "IGF outcomes", description: String = "", baseURL: String = "https://example.org/",
    language: String = "en", unsafeHTML: Bool = false, publisher: String = ""
  ) {
    self.title = title
    self.description = description
    self.baseURL = baseURL
    self.language = language
    self.languages = [language]
    self.unsafeHTML = unsafeHTML
    self.publisher = publisher
  }

  /// The languages other than the default, which translations' file names end in.
  public var translationLanguages: Set<String> { Set(languages.filter { $0 != language }) }
}
