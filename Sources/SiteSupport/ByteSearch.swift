import Foundation

/// Substring search over UTF-8 bytes (`memchr` for the first byte, `memcmp` for the rest),
/// for the few places that scan whole documents: Foundation's `contains` on strings is far
/// slower.
public enum ByteSearch {
  public static func contains(_ haystack: some StringProtocol, _ needle: String) -> Bool {
    var needle = needle
    return needle.withUTF8 { pattern in
      haystack.utf8.withContiguousStorageIfAvailable { bytes in find(pattern, in: bytes) != nil }
        ?? Array(haystack.utf8).withUnsafeBufferPointer { find(pattern, in: $0) != nil }
    }
  }

  /// The offset of the first occurrence of `pattern` in `bytes`.
  public static func find(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = pattern.first else { return 0 }
    guard let base = bytes.baseAddress, let patternBase = pattern.baseAddress, pattern.count <= bytes.count else {
      return nil
    }
    var offset = 0
    let last = bytes.count - pattern.count
    while offset <= last {
      guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
      let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if memcmp(base + position, patternBase, pattern.count) == 0 { return position }
      offset = position + 1
    }
    return nil
  }
}
