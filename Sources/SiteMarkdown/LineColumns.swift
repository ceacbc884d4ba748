/// Turns cmark-gfm's byte columns into the Unicode-scalar columns diagnostics use, over the
/// body's bytes (no copy).
struct LineColumns {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var lineStarts: [Int] = [0]

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    for offset in 0..<bytes.count where bytes[offset] == 10 {
      lineStarts.append(offset + 1)
    }
  }

  /// The scalar column of a 1-based byte column on a 1-based line.
  func scalarColumn(line: Int, byteColumn: Int) -> Int {
    guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
    let start = lineStarts[line - 1]
    let end = min(start + byteColumn - 1, bytes.count)
    var column = 1
    var offset = start
    while offset < end {
      if bytes[offset] & 0xC0 != 0x80 { column += 1 }
      offset += 1
    }
    return max(1, column)
  }
}
