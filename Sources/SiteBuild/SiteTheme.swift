import Foundation
import SiteModel
import SiteRender

/// The built-in theme as a site sees it: which of its files the site overrides, and
/// `igfsite theme export`, which writes it out for a site that wants to start from it.
public enum SiteTheme {
  /// The site's own theme files (relative to `templates/`), each replacing or adding to
  /// the built-in theme.
  public static func overrides(_ layout: SiteLayout) -> [String] { TemplateSet.siteThemeFiles(layout) }

  /// What `export` did.
  public struct Exported: Sendable {
    public var written: [String]
    /// Files already there, left as they were.
    public var kept: [String]
  }

  /// Writes every file of the built-in theme into `folder`, never over an existing file.
  public static func export(to folder: URL) throws -> Exported {
    var exported = Exported(written: [], kept: [])
    for (path, text) in TemplateSet.builtInFiles {
      let url = folder.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path) {
        exported.kept.append(path)
        continue
      }
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      // withoutOverwriting: a file created meanwhile is not replaced either.
      try Data(text.utf8).write(to: url, options: .withoutOverwriting)
      exported.written.append(path)
    }
    return exported
  }
}

extension SiteTheme {
  /// The text of a file of the built-in theme (`layout.mustache`).
  public static func builtInText(_ path: String) -> String? {
    TemplateSet.builtInFiles.first { $0.path == path }?.text
  }
}
