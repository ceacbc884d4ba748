import Foundation
import SiteModel

/// The output folders igfsite has made for a site, in `.igfsite/outputs`: each folder's
/// absolute path with the names igfsite put at its top. A build replaces its own non-empty
/// output folder and refuses any other, without leaving a marker file in the published
/// folder: a folder at a recorded path that holds anything else at its top (another
/// project cloned where the output was) is not igfsite's.
public enum OutputRecord {
  static func file(_ layout: SiteLayout) -> URL { layout.bookkeeping.appendingPathComponent("outputs") }

  /// Whether `output` is a folder igfsite made for this site, as it left it at the top.
  public static func contains(_ output: URL, layout: SiteLayout) -> Bool {
    unexpected(in: output, layout: layout)?.isEmpty == true
  }

  /// The names at the top of a recorded output folder that igfsite did not put there; nil
  /// when the folder is not recorded.
  public static func unexpected(in output: URL, layout: SiteLayout) -> [String]? {
    let folder = OutputGuard.canonical(output)
    guard let entry = entries(layout)[folder.path],
      let present = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return nil }
    // A record without names (an earlier igfsite's) vouches for the folder as it is.
    guard let recorded = entry else { return [] }
    return present.filter { !recorded.contains($0) && !OutputGuard.placeholderNames.contains($0) }.sorted()
  }

  /// Records an output folder right after igfsite has put a site in it, and forgets the
  /// recorded folders that no longer exist.
  public static func add(_ output: URL, layout: SiteLayout) throws {
    let folder = OutputGuard.canonical(output)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    var all = entries(layout).filter { FileManager.default.fileExists(atPath: $0.key) }
    all[folder.path] = Set(names)
    let lines = all.keys.sorted().map { path in
      "\(path)\t\((all[path].flatMap { $0 } ?? []).sorted().joined(separator: "/"))"
    }
    try Bookkeeping.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: file(layout), layout: layout)
  }

  /// The recorded folders and their top-level names (nil: not recorded, as older records).
  static func entries(_ layout: SiteLayout) -> [String: Set<String>?] {
    guard let text = try? String(contentsOf: file(layout), encoding: .utf8) else { return [:] }
    var entries: [String: Set<String>?] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      if parts.count == 2 {
        entries[String(parts[0])] = Set(parts[1].split(separator: "/").map(String.init))
      } else if let path = parts.first {
        entries[String(path)] = .some(nil)
      }
    }
    return entries
  }

  /// Whether a folder holds what only igfsite writes: its inventory schema, which names
  /// igfsite, beside the site's inventory. A copy of igfsite's output made elsewhere (a
  /// fresh clone of a repository that commits it, a moved site) is recognised by it.
  public static func looksLikeIgfsiteOutput(_ output: URL) -> Bool {
    let folder = OutputGuard.canonical(output)
    let schema = folder.appendingPathComponent(PagePlan.inventorySchema)
    guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(PagePlan.siteInventory).path),
      let text = try? String(contentsOf: schema, encoding: .utf8)
    else { return false }
    return text.contains("as published by igfsite")
  }
}

/// The `.igfsite/` folder of a site: created on first use with a `.gitignore` that keeps
/// it out of version control, written file by file with a rename so it is never half-written.
public enum Bookkeeping {
  public static func write(_ data: Data, to file: URL, layout: SiteLayout) throws {
    let folder = layout.bookkeeping
    if !FileManager.default.fileExists(atPath: folder.path) {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data("# igfsite's bookkeeping (build caches, the output folders it made): not for version control.\n*\n".utf8)
        .write(to: folder.appendingPathComponent(".gitignore"), options: .atomic)
    }
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file, options: .atomic)
  }
}
