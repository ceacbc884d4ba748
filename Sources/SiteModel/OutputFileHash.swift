import Foundation
import SiteSupport

/// The hash of a file igfsite writes, for telling whether it differs from the one written
/// before.
extension ContentHash {
  public static func of(_ file: OutputFile) -> UInt64 {
    switch file.contents {
    case .text(var text): text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    case .bytes(let bytes): bytes.withUnsafeBytes(of)
    case .data(let data): data.withUnsafeBytes(of)
    case .parts(let parts): of(parts: parts)
    case .copy(let url): ((try? Data(contentsOf: url)) ?? Data()).withUnsafeBytes(of)
    }
  }
}

extension OutputFile {
  /// The file's bytes' size and hash, as the build cache records them.
  public var sizeAndHash: (size: Int, hash: UInt64) {
    switch contents {
    case .text(var text): text.withUTF8 { ($0.count, ContentHash.of(UnsafeRawBufferPointer($0))) }
    case .bytes(let bytes): bytes.withUnsafeBytes { ($0.count, ContentHash.of($0)) }
    case .data(let data): data.withUnsafeBytes { ($0.count, ContentHash.of($0)) }
    case .parts(let parts): (parts.reduce(0) { $0 + $1.count }, ContentHash.of(parts: parts))
    case .copy(let url): ((try? Data(contentsOf: url)) ?? Data()).withUnsafeBytes { ($0.count, ContentHash.of($0)) }
    }
  }
}
