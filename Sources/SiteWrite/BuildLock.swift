import Foundation
import SiteModel

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps two builds of the same site from running at once. The lock is taken on the
/// site's content folder itself (`flock`), so no lock file is ever written, and the
/// kernel releases it when a build ends or is killed.
public final class BuildLock: @unchecked Sendable {
  private let descriptor: Int32

  /// Takes the lock, waiting for a running build to finish; `onWait` is called once when it
  /// has to wait.
  public init(layout: SiteLayout, onWait: () -> Void = {}) throws(DiagnosticsError) {
    let path = layout.content.path
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw DiagnosticsError(
        Diagnostic(
          .error, .contentUnreadable, "the content folder cannot be opened: \(String(cString: strerror(errno)))",
          at: SourceLocation(file: layout.display("content")), help: "run igfsite in a site folder, or pass --site DIR")
      )
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      onWait()
      flock(descriptor, LOCK_EX)
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
