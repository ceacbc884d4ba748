import Foundation

/// A file of the generated site: where it goes, relative to the output folder, and its
/// bytes. The render stage produces them; the write stage puts them on disk.
public struct OutputFile: Sendable, Hashable {
  public var path: String
  public var contents: Contents

  public enum Contents: Sendable, Hashable {
    case text(String)
    case bytes([UInt8])
    case data(Data)
    /// Bytes in parts, written one after the other: a large file made of parts that other
    /// files use too (the site's inventory, of the cycles' inventories), never put together
    /// in memory.
    case parts([[UInt8]])
    /// A file copied as is from the site (an asset or attachment), by absolute path.
    case copy(from: URL)
  }

  public init(path: String, contents: Contents) {
    self.path = path
    self.contents = contents
  }

  public init(path: PagePath, text: String) {
    self.init(path: path.rawValue, contents: .text(text))
  }

  public init(path: PagePath, bytes: [UInt8]) {
    self.init(path: path.rawValue, contents: .bytes(bytes))
  }

  /// The size of the bytes to write (0 for a copy, whose size is not known yet).
  public var byteCount: Int {
    switch contents {
    case .text(let text): text.utf8.count
    case .bytes(let bytes): bytes.count
    case .data(let data): data.count
    case .parts(let parts): parts.reduce(0) { $0 + $1.count }
    case .copy: 0
    }
  }
}
