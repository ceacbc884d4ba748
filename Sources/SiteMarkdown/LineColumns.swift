import Foundation

/// Turns cmark-gfm's byte columns into the Unicode-scalar columns diagnostics use, over the
/// body's bytes (no copy).
///
/// Linear over a whole document: a line without non-ASCII bytes before the column needs no
/// counting, and counting resumes from the last position asked for, since the tree walk
/// asks in document order (ten thousand links on one line once took quadratic time).
struct LineColumns {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var lineStarts: [Int] = [0]
  /// For each line scanned so far, the offset of its first non-ASCII byte (`Int.max`
  /// when it has none).
  private var firstNonASCII: [Int] = []
  /// Whether every line has been scanned: lines are scanned as far as a question reaches,
  /// and a document's last heading or link is often well before its end.
  private var scannedAll = false
  /// The last position counted: line, byte offset, scalar column there.
  private var cursor = (line: 0, offset: 0, column: 1)

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Scans lines until `line` (1-based) is known or the text ends: memchr finds each
  /// line's end, and the line is searched for a non-ASCII byte eight bytes at a time.
  private mutating func scan(through line: Int) {
    guard let base = bytes.baseAddress else {
      if firstNonASCII.isEmpty { firstNonASCII.append(Int.max) }
      scannedAll = true
      return
    }
    while firstNonASCII.count < line, !scannedAll {
      let start = lineStarts[firstNonASCII.count]
      let end =
        memchr(base + start, 10, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
        ?? bytes.count
      firstNonASCII.append(Self.firstNonASCII(base, from: start, to: end))
      if end < bytes.count {
        lineStarts.append(end + 1)
      } else {
        scannedAll = true
      }
    }
  }

  /// The offset of the first byte ≥ 0x80 in `start..<end`, or `Int.max`.
  private static func firstNonASCII(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var offset = start
    while offset + 8 <= end {
      let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
      if word & 0x8080_8080_8080_8080 != 0 { break }
      offset += 8
    }
    while offset < end {
      if base[offset] >= 0x80 { return offset }
      offset += 1
    }
    return Int.max
  }

  /// The scalar column of a 1-based byte column on a 1-based line.
  mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
    if line >= 1 { scan(through: line) }
    guard line >= 1, line <= firstNonASCII.count, byteColumn >= 1 else { return max(byteColumn, 1) }
    let start = lineStarts[line - 1]
    let end = min(start + byteColumn - 1, bytes.count)
    if end <= firstNonASCII[line - 1] { return max(1, end - start + 1) }
    var column = 1
    var offset = start
    if cursor.line == line, cursor.offset <= end {
      column = cursor.column
      offset = cursor.offset
    }
    while offset < end {
      if bytes[offset] & 0xC0 != 0x80 { column += 1 }
      offset += 1
    }
    cursor = (line, offset, column)
    return max(1, column)
  }
}
