import Foundation
import SiteModel
import SiteValidate

/// `igfsite init DIR`: a new site that checks clean and builds at once, with the IGF
/// modalities of the sample schema, the built-in theme, and nothing else to copy.
public enum NewSite {
  /// The settings `init` asks for, as options with defaults.
  public struct Settings: Sendable {
    public var title: String
    public var baseURL: String
    public var language: String
    public var publisher: String
    public var cycle: Int

    public init(title: String, baseURL: String, language: String, publisher: String, cycle: Int) {
      self.title = title
      self.baseURL = baseURL
      self.language = language
      self.publisher = publisher
      self.cycle = cycle
    }
  }

  /// Writes the site into `folder`, which must be empty or not exist yet; returns the files
  /// written, relative to it.
  public static func create(in folder: URL, settings: Settings) throws(NewDocument.Failure) -> [String] {
    if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
      throw .usage("\(folder.path) is not empty; igfsite init starts a site in a new or empty folder only")
    }
    let files = self.files(settings)
    do {
      for (path, text) in files {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
      }
    } catch {
      throw .problems([
        Diagnostic(
          .error, .contentUnwritable, "cannot write the new site: \(error.localizedDescription)",
          at: SourceLocation(file: folder.path), help: "check that the folder can be written")
      ])
    }
    return files.map(\.path)
  }

  static func files(_ settings: Settings) -> [(path: String, text: String)] {
    let year = settings.cycle
    return [
      (".gitignore", "# The generated site and igfsite's bookkeeping.\n/output/\n/.igfsite/\n"),
      (
        "content/site.yml",
        """
        title: \(DocumentScaffold.yamlString(settings.title))
        base_url: \(DocumentScaffold.yamlString(settings.baseURL))
        language: \(DocumentScaffold.yamlString(settings.language))
        publisher: \(DocumentScaffold.yamlString(settings.publisher))
        unsafe_html: false
        # The lowest igfsite this site needs; an older igfsite then says so.
        requires_igfsite: "\(IgfsiteVersion.current)"

        """
      ),
      ("content/modalities.yml", BuiltInSchema.text),
      (
        "content/people.yml",
        """
        # The people the content names (facilitators, authors, participants, MAG members), by id.
        # Documents refer to them by id: facilitators: [ana-gomez]. For example:
        #
        # ana-gomez:
        #   name: Ana Gómez
        #   affiliation: Ministry of Communications
        #   stakeholder_group: Government
        #   regional_group: Latin American and Caribbean Group (GRULAC)
        #   mag: [\(year)]

        """
      ),
      (
        "content/series.yml",
        """
        # The name and description of each series: a Best Practice Forum (bpf), MAG working
        # group (wg), Dynamic Coalition (dc) or Policy Network (pn) across cycles. For example:
        #
        # bpf:
        #   cybersecurity: {name: Best Practice Forum on Cybersecurity, description: …}

        """
      ),
      (
        "content/\(year)/_cycle.md",
        """
        ---
        kind: cycle
        title: IGF \(year)
        cycle: \(year)
        ---
        The outcomes of the \(year) IGF cycle.

        """
      ),
    ]
  }
}
