import Foundation
import SiteModel

/// The files found under `content/`, sorted, with the problems met while walking it.
public struct ContentFiles: Sendable {
  /// Markdown documents, relative to `content/`.
  public var markdown: [String] = []
  /// Other files (images, PDFs) that are published beside the pages, relative to `content/`.
  public var attachments: [String] = []
  public var diagnostics: [Diagnostic] = []
}

/// Walks `content/`, skipping hidden files and the site's YAML settings, and refusing
/// symbolic links that lead outside the folder: nothing outside `content/` is ever read.
public enum ContentWalker {
  static let settingsFiles: Set<String> = ["site.yml", "people.yml", "modalities.yml"]

  public static func walk(_ layout: SiteLayout) -> ContentFiles {
    var files = ContentFiles()
    let root = layout.content.resolvingSymlinksInPath()
    walk(root, relative: "", root: root, layout: layout, into: &files)
    files.markdown.sort()
    files.attachments.sort()
    return files
  }

  private static func walk(_ folder: URL, relative: String, root: URL, layout: SiteLayout, into files: inout ContentFiles) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    } catch {
      files.diagnostics.append(
        Diagnostic(
          .error, "content.unreadable", "the folder cannot be read: \(error.localizedDescription)",
          at: SourceLocation(file: layout.displayContent(relative)), help: "check its permissions"))
      return
    }
    for name in names where !name.hasPrefix(".") {
      let path = relative.isEmpty ? name : "\(relative)/\(name)"
      if relative.isEmpty, settingsFiles.contains(name) { continue }
      let url = folder.appendingPathComponent(name)
      var status = stat()
      guard lstat(url.path, &status) == 0 else { continue }
      var isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
      if (status.st_mode & S_IFMT) == S_IFLNK {
        let target = url.resolvingSymlinksInPath()
        guard target.path.hasPrefix(root.path + "/") else {
          files.diagnostics.append(
            Diagnostic(
              .error, "content.symlink", "symbolic link points outside content/ and was not read",
              at: SourceLocation(file: layout.displayContent(path)),
              help: "copy the file into content/ instead of linking to it"))
          continue
        }
        var targetStatus = stat()
        guard stat(target.path, &targetStatus) == 0 else { continue }
        isDirectory = (targetStatus.st_mode & S_IFMT) == S_IFDIR
        if isDirectory {
          // A link to a folder inside content/ would publish the same documents twice.
          files.diagnostics.append(
            Diagnostic(
              .warning, "content.symlink", "symbolic link to a folder was skipped",
              at: SourceLocation(file: layout.displayContent(path)), help: "move or copy the folder instead"))
          continue
        }
      }
      if isDirectory {
        walk(url, relative: path, root: root, layout: layout, into: &files)
      } else if name.hasSuffix(".md") {
        files.markdown.append(path)
      } else {
        files.attachments.append(path)
      }
    }
  }
}
