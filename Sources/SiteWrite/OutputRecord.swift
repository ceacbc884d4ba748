import Foundation
import SiteModel

/// The output folders igfsite has made for a site, one absolute path a line in
/// `.igfsite/outputs`: what lets a build replace its own non-empty output folder, and
/// refuse any other, without leaving a marker file in the published folder.
public enum OutputRecord {
  static func file(_ layout: SiteLayout) -> URL { layout.bookkeeping.appendingPathComponent("outputs") }

  public static func contains(_ output: URL, layout: SiteLayout) -> Bool {
    let path = OutputGuard.canonical(output).path
    return entries(layout).contains(path)
  }

  /// Records an output folder after igfsite has put a site in it.
  public static func add(_ output: URL, layout: SiteLayout) throws {
    let path = OutputGuard.canonical(output).path
    var paths = entries(layout)
    guard !paths.contains(path) else { return }
    paths.append(path)
    try Bookkeeping.write(Data((paths.joined(separator: "\n") + "\n").utf8), to: file(layout), layout: layout)
  }

  static func entries(_ layout: SiteLayout) -> [String] {
    guard let text = try? String(contentsOf: file(layout), encoding: .utf8) else { return [] }
    return text.split(separator: "\n").map(String.init)
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
