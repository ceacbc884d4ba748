import Foundation

/// Files of the project's shared folder (`../shared` beside the checkout), which hold the
/// conformance suites. Tests read them in place; they are never copied into the project.
public enum SharedFiles {
  /// The package root, found from this source file's path.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared`, or `$IGFSITE_SHARED` when set.
  public static var sharedFolder: URL {
    if let override = ProcessInfo.processInfo.environment["IGFSITE_SHARED"], !override.isEmpty {
      return URL(fileURLWithPath: override, isDirectory: true)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
  }

  public static func url(_ relative: String) -> URL {
    sharedFolder.appendingPathComponent(relative)
  }

  public static func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: url(relative).path)
  }
}
