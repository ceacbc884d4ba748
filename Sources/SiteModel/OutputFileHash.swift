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
  /// The file's size in bytes as the build cache records it: `byteCount`, but a copied
  /// file's read from where it is copied from.
  public var recordedSize: Int {
    guard case .copy(let url) = contents else { return byteCount }
    return ((try? Data(contentsOf: url)) ?? Data()).count
  }
}
