import Foundation
import SiteModel

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files under a root folder with plain POSIX calls: creating each folder once and
/// writing each file's bytes without intermediate copies.
struct FileTreeWriter {
  let root: URL
  /// Folders known to exist, shared with other writers of the same tree.
  var created = CreatedFolders()
  /// `root.path`, worked out once rather than for every file written.
  private let rootPath: String

  init(root: URL, created: CreatedFolders = CreatedFolders()) {
    self.root = root
    self.created = created
    rootPath = root.path
  }

  struct WriteError: Error, CustomStringConvertible {
    let path: String
    let code: Int32
    var description: String { "\(path): \(String(cString: strerror(code)))" }
  }

  func write(_ files: [OutputFile]) throws {
    if !created.contains(rootPath) { try makeFolder(rootPath) }
    for file in files {
      let path = rootPath + "/" + file.path
      let folder = Self.parent(of: path)
      if !created.contains(folder) { try makeFolders(folder) }
      switch file.contents {
      case .text(var text):
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path) }
      case .bytes(let bytes):
        try bytes.withUnsafeBytes { try write($0, to: path) }
      case .data(let data):
        try data.withUnsafeBytes { try write($0, to: path) }
      case .parts(let parts):
        try write(parts, to: path)
      case .copy(let source):
        let data = try Data(contentsOf: source)
        try data.withUnsafeBytes { try write($0, to: path) }
      }
    }
  }

  private func makeFolders(_ path: String) throws {
    var missing: [String] = []
    var current = path
    while !created.contains(current), current != "/", current.utf8.count > rootPath.utf8.count {
      missing.append(current)
      current = Self.parent(of: current)
    }
    for folder in missing.reversed() { try makeFolder(folder) }
  }

  private func makeFolder(_ path: String) throws {
    if mkdir(path, 0o755) != 0, errno != EEXIST { throw WriteError(path: path, code: errno) }
    created.insert(path)
  }

  static func parent(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return String(path[..<slash])
  }

  private func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
    try writing(path) { try write(bytes, into: $0, path: path) }
  }

  private func write(_ parts: [[UInt8]], to path: String) throws {
    try writing(path) { descriptor in
      for part in parts { try part.withUnsafeBytes { try write($0, into: descriptor, path: path) } }
    }
  }

  /// Creates or empties the file at `path` and lets `body` write into it.
  private func writing(_ path: String, _ body: (Int32) throws -> Void) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw WriteError(path: path, code: errno) }
    defer { close(descriptor) }
    try body(descriptor)
  }

  private func write(_ bytes: UnsafeRawBufferPointer, into descriptor: Int32, path: String) throws {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw WriteError(path: path, code: errno)
      }
      offset += written
    }
  }
}
