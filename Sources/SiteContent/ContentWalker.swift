import Foundation
import SiteModel
import SiteSupport

/// The files found under `content/`, sorted, with the problems met while walking it.
public struct ContentFiles: Sendable {
  /// Markdown documents, relative to `content/`.
  public var markdown: [String] = []
  /// Other files (images, PDFs) that are published beside the pages, relative to `content/`.
  public var attachments: [String] = []
  public var diagnostics: [Diagnostic] = []

  public init() {}
}

/// Walks `content/`, skipping hidden files and the site's YAML settings, and refusing
/// symbolic links that lead outside the folder: nothing outside `content/` is ever read.
public enum ContentWalker {
  public static let settingsFiles: Set<String> = ["site.yml", "people.yml", "modalities.yml", "series.yml"]

  /// Whether a path relative to the site folder (`content/site.yml`) is a YAML file at the
  /// top of `content/`: a change to it may change settings every page and check reads.
  public static func isSettingsPath(_ path: String) -> Bool {
    path.hasPrefix("content/") && path.hasSuffix(".yml") && !path.dropFirst(8).contains("/")
  }

  /// - Parameter jobs: how many threads at most walk the top folders (one per cycle).
  public static func walk(_ layout: SiteLayout, jobs: Int? = nil) -> ContentFiles {
    var files = ContentFiles()
    let root = layout.content.resolvingSymlinksInPath().path
    var topFolders: [(full: String, relative: String)]? = []
    walk(root, relative: "", root: root, layout: layout, into: &files, deferring: &topFolders)
    let found = Parallel.map(topFolders ?? [], jobs: jobs) { folder in
      var part = ContentFiles()
      var walkedHere: [(full: String, relative: String)]? = nil
      walk(folder.full, relative: folder.relative, root: root, layout: layout, into: &part, deferring: &walkedHere)
      return part
    }
    for part in found {
      files.markdown += part.markdown
      files.attachments += part.attachments
      files.diagnostics += part.diagnostics
    }
    files.markdown.sort()
    files.attachments.sort()
    return files
  }

  /// - Parameter deferring: where the folders found are listed instead of walked, when
  ///   given; nil walks them here.
  private static func walk(
    _ folder: String, relative: String, root: String, layout: SiteLayout, into files: inout ContentFiles,
    deferring folders: inout [(full: String, relative: String)]?
  ) {
    guard let directory = opendir(folder) else {
      files.diagnostics.append(
        Diagnostic(
          .error, .contentUnreadable, "the folder cannot be read: \(String(cString: strerror(errno)))",
          at: SourceLocation(file: layout.displayContent(relative)), help: "check its permissions"))
      return
    }
    var entries: [(name: String, type: UInt8)] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      if name.hasPrefix(".") { continue }
      entries.append((name, entry.pointee.d_type))
    }
    closedir(directory)
    for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
      let path = relative.isEmpty ? name : "\(relative)/\(name)"
      if relative.isEmpty, settingsFiles.contains(name) { continue }
      let full = folder + "/" + name
      var kind = type
      if kind == UInt8(DT_UNKNOWN) {
        var status = stat()
        guard lstat(full, &status) == 0 else { continue }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: kind = UInt8(DT_DIR)
        case S_IFLNK: kind = UInt8(DT_LNK)
        default: kind = UInt8(DT_REG)
        }
      }
      if kind == UInt8(DT_LNK) {
        let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
        guard target.hasPrefix(root + "/") else {
          files.diagnostics.append(
            Diagnostic(
              .error, .contentSymlink, "symbolic link points outside content/ and was not read",
              at: SourceLocation(file: layout.displayContent(path)),
              help: "copy the file into content/ instead of linking to it"))
          continue
        }
        var targetStatus = stat()
        guard stat(target, &targetStatus) == 0 else { continue }
        if (targetStatus.st_mode & S_IFMT) == S_IFDIR {
          // A link to a folder inside content/ would publish the same documents twice.
          files.diagnostics.append(
            Diagnostic(
              .warning, .contentSymlink, "symbolic link to a folder was skipped",
              at: SourceLocation(file: layout.displayContent(path)), help: "move or copy the folder instead"))
          continue
        }
        kind = UInt8(DT_REG)
      }
      if kind == UInt8(DT_DIR) {
        if folders != nil {
          folders?.append((full, path))
        } else {
          walk(full, relative: path, root: root, layout: layout, into: &files, deferring: &folders)
        }
      } else if name.hasSuffix(".md") {
        files.markdown.append(path)
      } else {
        files.attachments.append(path)
      }
    }
  }
}
