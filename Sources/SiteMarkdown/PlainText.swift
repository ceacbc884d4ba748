import Foundation

/// What a body's plain text gives the later stages: its word count (for the proposal-length
/// rule) and its distinct words (for the search index).
enum PlainText {
  /// Runs of non-whitespace bytes (space, tab, line feed, carriage return).
  static func wordCount(_ text: [UInt8]) -> Int {
    // A word starts at a byte that is not a separator after one that is (or at the start):
    // the separators are flagged in a word and the starts counted with one population count.
    text.withUnsafeBytes { bytes in
      guard let base = bytes.baseAddress else { return 0 }
      let count = bytes.count
      var words = 0
      // The previous byte's separator flag, at the high bit of byte 0.
      var previous: UInt64 = 0x80
      var offset = 0
      while offset + 8 <= count {
        let chunk = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let separators = ByteFlags.separators(chunk)
        let starts = ~separators & ((separators << 8) | previous) & ByteFlags.highBits
        words &+= starts.nonzeroBitCount
        previous = separators >> 56
        offset += 8
      }
      var previousIsSeparator = previous != 0
      while offset < count {
        let isSeparator = ByteFlags.isSeparator(bytes[offset])
        if previousIsSeparator && !isSeparator { words &+= 1 }
        previousIsSeparator = isSeparator
        offset += 1
      }
      return words
    }
  }

  /// The distinct words of three bytes or more (three letters, in ASCII), lowercased, in
  /// first-seen order, found with a small open-addressing table over the bytes: hashing
  /// each word as a `String` took as long as parsing the Markdown.
  static func distinctWords(_ text: inout [UInt8]) -> String {
    var distinct: [UInt8] = []
    distinct.reserveCapacity(text.count / 2)
    // A body of 5 KB has a few hundred distinct words; the table grows past that.
    var table = WordTable(capacity: text.count / 16 + 16)
    Self.wordBytes.withUnsafeBufferPointer { wordByte in
      text.withUnsafeMutableBufferPointer { bytes in
        let count = bytes.count
        var index = 0
        while index < count {
          // Separators, then a word: each loop tight, its state in registers.
          while index < count, wordByte[Int(bytes[index])] == 0 { index += 1 }
          let start = index
          var hash = hashOffset
          var seen: UInt8 = 0
          while index < count {
            let byte = wordByte[Int(bytes[index])]
            if byte == 0 { break }
            bytes[index] = byte
            seen |= byte
            hash = (hash ^ UInt64(byte)) &* hashPrime
            index += 1
          }
          guard index - start >= 3 else { continue }
          let word = UnsafeMutableBufferPointer(rebasing: bytes[start..<index])
          if seen < 0x80 {
            table.insert(word, hash: hash, into: &distinct)
          } else {
            // Words with letters beyond ASCII are lowercased by Unicode's rules.
            var lowered = Array(String(decoding: word, as: UTF8.self).lowercased().utf8)
            let loweredHash = lowered.reduce(hashOffset) { ($0 ^ UInt64($1)) &* hashPrime }
            lowered.withUnsafeMutableBufferPointer { table.insert($0, hash: loweredHash, into: &distinct) }
          }
        }
      }
    }
    return String(decoding: distinct, as: UTF8.self)
  }

  private static let hashOffset: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let hashPrime: UInt64 = 0x100_0000_01b3

  /// For each byte, 0 when it separates words, else the byte as a word holds it: capitals
  /// of ASCII lowered, small letters, digits and the bytes of other letters as they are.
  /// One look-up per byte instead of three comparisons.
  private static let wordBytes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
    switch byte {
    case 65...90: UInt8(byte + 32)
    case 97...122, 48...57, 0x80...: UInt8(byte)
    default: 0
    }
  }
}

/// Classes of the eight bytes of a little-endian word at once, each flagged by its high
/// bit (`0x80` in that byte).
enum ByteFlags {
  static let highBits: UInt64 = 0x8080_8080_8080_8080
  private static let lowBits: UInt64 = 0x7f7f_7f7f_7f7f_7f7f

  @inline(__always) static func isSeparator(_ byte: UInt8) -> Bool {
    byte == 32 || byte == 10 || byte == 9 || byte == 13
  }

  /// Space, tab, line feed and carriage return.
  @inline(__always) static func separators(_ chunk: UInt64) -> UInt64 {
    zeros(chunk ^ 0x2020_2020_2020_2020) | zeros(chunk ^ 0x0a0a_0a0a_0a0a_0a0a) | zeros(chunk ^ 0x0909_0909_0909_0909)
      | zeros(chunk ^ 0x0d0d_0d0d_0d0d_0d0d)
  }

  /// The bytes of `value` that are zero, exactly (no carry crosses a byte).
  @inline(__always) private static func zeros(_ value: UInt64) -> UInt64 {
    ~(((value & lowBits) &+ lowBits) | value | lowBits)
  }
}

/// The distinct words seen so far, as ranges of the output they were appended to.
private struct WordTable {
  private var slots: [(hash: UInt64, start: Int, length: Int)]
  private var used = 0

  init(capacity: Int) {
    var size = 64
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: (0, -1, 0), count: size)
  }

  /// Appends `word` (space-separated) to `output` unless it is already there.
  mutating func insert(_ word: UnsafeMutableBufferPointer<UInt8>, hash: UInt64, into output: inout [UInt8]) {
    if used * 2 >= slots.count { grow() }
    var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
    while slots[index].start >= 0 {
      let slot = slots[index]
      // Words are short: a byte loop here costs less than a call to memcmp.
      if slot.hash == hash, slot.length == word.count,
        output.withUnsafeBufferPointer({ stored in
          for offset in 0..<word.count where stored[slot.start + offset] != word[offset] { return false }
          return true
        })
      {
        return
      }
      index = (index + 1) & (slots.count - 1)
    }
    if !output.isEmpty { output.append(32) }
    slots[index] = (hash, output.count, word.count)
    output.append(contentsOf: word)
    used += 1
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: (0, -1, 0), count: old.count * 2)
    for slot in old where slot.start >= 0 {
      var index = Int(truncatingIfNeeded: slot.hash) & (slots.count - 1)
      while slots[index].start >= 0 { index = (index + 1) & (slots.count - 1) }
      slots[index] = slot
    }
  }
}
