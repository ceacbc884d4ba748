import Foundation

/// Removes a folder and everything in it with plain system calls; Foundation's
/// `removeItem` takes seconds for the ten thousand pages of an archive.
public enum FileTree {
  @discardableResult
  public static func remove(_ path: String) -> Bool {
    var status = stat()
    guard lstat(path, &status) == 0 else { return errno == ENOENT }
    guard (status.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 }
    guard let directory = opendir(path) else { return false }
    var ok = true
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      if name == "." || name == ".." { continue }
      let child = path + "/" + name
      if entry.pointee.d_type == UInt8(DT_DIR) {
        ok = remove(child) && ok
      } else if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
        ok = remove(child) && ok
      } else if unlink(child) != 0 {
        ok = false
      }
    }
    closedir(directory)
    return rmdir(path) == 0 && ok
  }

  /// Every file under a folder (not the folders), relative to it, in no particular order;
  /// nil when a folder cannot be read.
  public static func files(under root: String) -> [String]? {
    var found: [String] = []
    func walk(_ relative: String) -> Bool {
      guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { return false }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
        }
        if name == "." || name == ".." { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
        if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
          var status = stat()
          isFolder = lstat(root + "/" + child, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        }
        if isFolder {
          guard walk(child) else { return false }
        } else {
          found.append(child)
        }
      }
      return true
    }
    return walk("") ? found : nil
  }
}

/// The folders already created while writing a site, shared by the threads writing it, so
/// each folder costs one `mkdir`.
final class CreatedFolders: @unchecked Sendable {
  private let lock = NSLock()
  private var folders = Set<String>()

  func contains(_ path: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return folders.contains(path)
  }

  func insert(_ path: String) {
    lock.lock()
    folders.insert(path)
    lock.unlock()
  }
}
