import Foundation
import SiteModel

/// Decides whether igfsite may replace an output folder. igfsite never deletes what it did
/// not create: it refuses the file-system root, the home folder, the site and its content
/// or templates, and any non-empty folder that is not in the site's record of the output
/// folders igfsite made (`.igfsite/outputs`).
public enum OutputGuard {
  /// The marker file older igfsite builds left inside their output: such a folder is
  /// still igfsite's to replace (and the new build leaves no marker in it).
  public static let legacyMarkerName = ".igfsite-output"
  /// Files a folder may hold and still count as empty: placeholders kept in version control.
  public static let placeholderNames: Set<String> = [".gitkeep", ".keep"]

  public static let rule = RuleID.outputUnsafe

  /// Nil when `output` may be replaced, else the reason as a diagnostic.
  public static func check(output: URL, layout: SiteLayout, displayPath: String) -> Diagnostic? {
    let target = canonical(output)
    let site = canonical(layout.root)
    func refuse(_ message: String, _ help: String) -> Diagnostic {
      Diagnostic(.error, rule, message, at: SourceLocation(file: displayPath), help: help)
    }
    let help = "choose a folder of its own for the output, such as output/"
    if target.path == "/" { return refuse("refusing to write the site over the file-system root", help) }
    let home = canonical(FileManager.default.homeDirectoryForCurrentUser)
    if target.path == home.path { return refuse("refusing to write the site over your home folder", help) }
    if site.path == target.path || site.path.hasPrefix(target.path + "/") {
      return refuse("refusing to write the site over the site folder or a folder containing it", help)
    }
    for (name, folder) in [("content", layout.content), ("templates", layout.templates)] {
      let protected = canonical(folder)
      if target.path == protected.path || target.path.hasPrefix(protected.path + "/") {
        return refuse("refusing to write the site into the \(name) folder", help)
      }
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return nil }
    guard isDirectory.boolValue else {
      return refuse("the output path exists and is not a folder", "remove the file or choose another output folder")
    }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
    if OutputRecord.contains(target, layout: layout) || entries.contains(legacyMarkerName) { return nil }
    if entries.allSatisfy({ placeholderNames.contains($0) }) { return nil }
    if let strangers = OutputRecord.unexpected(in: target, layout: layout) {
      return refuse(
        "the output folder holds files igfsite did not put there (\(strangers.prefix(5).joined(separator: ", "))); a build replaces the folder whole and would delete them",
        "move them out of the output folder (publish them beside it), then build again")
    }
    // A copy of an igfsite output made elsewhere: a fresh clone of a repository that
    // commits its output, or a site moved to another folder.
    if OutputRecord.looksLikeIgfsiteOutput(target) { return nil }
    return refuse(
      "the output folder is not empty and was not made by igfsite for this site (.igfsite/outputs does not list it, or it holds files igfsite did not put there)",
      "igfsite replaces its output folder on every build: choose an empty or new folder, or empty this one yourself")
  }

  /// The absolute path with symbolic links resolved as far as the path exists.
  public static func canonical(_ url: URL) -> URL {
    var existing = url.standardizedFileURL
    var missing: [String] = []
    while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
      missing.insert(existing.lastPathComponent, at: 0)
      existing.deleteLastPathComponent()
    }
    var resolved = existing.resolvingSymlinksInPath()
    for component in missing { resolved.appendPathComponent(component) }
    return resolved.standardizedFileURL
  }
}
