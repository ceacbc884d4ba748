/// Turns cmark-gfm's byte columns into the Unicode-scalar columns diagnostics use, over the
/// body's bytes (no copy).
///
/// Linear over a whole document: a line without non-ASCII bytes before the column needs no
/// counting, and counting resumes from the last position asked for, since the tree walk
/// asks in document order (ten thousand links on one line once took quadratic time).
struct LineColumns {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var lineStarts: [Int] = [0]
  /// For each line, the offset of its first non-ASCII byte (`Int.max` when it has none).
  private var firstNonASCII: [Int] = []
  /// The last position counted: line, byte offset, scalar column there.
  private var cursor = (line: 0, offset: 0, column: 1)

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    var lineNonASCII = Int.max
    for offset in 0..<bytes.count {
      let byte = bytes[offset]
      if byte == 10 {
        firstNonASCII.append(lineNonASCII)
        lineNonASCII = Int.max
        lineStarts.append(offset + 1)
      } else if byte >= 0x80, lineNonASCII == Int.max {
        lineNonASCII = offset
      }
    }
    firstNonASCII.append(lineNonASCII)
  }

  /// The scalar column of a 1-based byte column on a 1-based line.
  mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
    guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
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
