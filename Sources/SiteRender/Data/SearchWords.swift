import Foundation

/// How the search index spells words, the same way its script folds a query: lowercase,
/// accents removed (é = e), Arabic letters normalised (alef forms, ta marbuta, alef
/// maqsura, tatweel and vowel marks), split at anything that is not a letter or a digit,
/// and Chinese, Japanese and Korean text, written without spaces, as overlapping pairs of
/// characters (a single one alone).
enum SearchWords {
  /// The words of a short text (a title, a summary), each once, at least two letters long.
  static func of(_ text: String) -> [String] {
    var seen = Set<String>()
    var words: [String] = []
    var text = text
    let ascii = text.withUTF8 { bytes in
      eachASCIIWord(in: bytes) { word in
        let found = String(decoding: word, as: UTF8.self)
        if seen.insert(found).inserted { words.append(found) }
      }
    }
    if ascii { return words }
    return terms(ofFolded: fold(text)).filter { seen.insert($0).inserted }
  }

  /// Hands `body` each word of a plain-ASCII text, lowercased, as its bytes (repeats
  /// included), and returns true; returns false at once for any other text, which
  /// needs Unicode folding. Most titles and summaries are plain ASCII.
  static func eachASCIIWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool
  {
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
    var word: [UInt8] = []
    word.reserveCapacity(32)
    for index in 0...bytes.count {
      let byte = index < bytes.count ? bytes[index] : 32
      let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
      if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) {
        word.append(lower)
      } else if !word.isEmpty {
        if word.count >= 2 { word.withUnsafeBufferPointer(body) }
        word.removeAll(keepingCapacity: true)
      }
    }
    return true
  }

  /// A body word as the parse stage wrote it (lowercase, split at ASCII only): the terms
  /// it holds, folded.
  static func foldBodyWord(_ word: Substring) -> [String] {
    guard word.utf8.contains(where: { $0 >= 0x80 }) else { return [String(word)] }
    return terms(ofFolded: fold(String(word)))
  }

  /// The terms of folded text: words of two letters or more, and pairs of CJK characters.
  private static func terms(ofFolded text: String) -> [String] {
    var terms: [String] = []
    for word in text.split(whereSeparator: { !isWordCharacter($0) }) {
      var run: [Character] = []
      var runIsCJK = false
      func flush() {
        if runIsCJK {
          if run.count == 1 { terms.append(String(run[0])) }
          for index in run.indices.dropLast() { terms.append(String(run[index]) + String(run[index + 1])) }
        } else if run.count >= 2 {
          terms.append(String(run))
        }
        run.removeAll(keepingCapacity: true)
      }
      for character in word {
        let isCJK = character.unicodeScalars.first.map(isCJK) ?? false
        if !run.isEmpty, isCJK != runIsCJK { flush() }
        runIsCJK = isCJK
        run.append(character)
      }
      flush()
    }
    return terms
  }

  /// A letter or a number as the script's `\p{L}` and `\p{N}` say (Swift's `isLetter` is
  /// wider: it takes circled letters and other symbols that are alphabetic).
  private static func isWordCharacter(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
      .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }

  /// Han, kana and Hangul: scripts written without spaces between words.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF: true
    default: false
    }
  }

  /// As the script folds: canonical decomposition, marks dropped, recomposed (Hangul
  /// syllables stay whole), lowercase, `ß` as `ss`, final sigma as sigma, joiners dropped,
  /// and the Arabic letter forms a reader may or may not write made one.
  static func fold(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: continue
      default: scalars.append(scalar)
      }
    }
    var folded = String.UnicodeScalarView()
    for scalar in String(scalars).precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
      switch scalar.value {
      case 0x00DF: folded.append(contentsOf: "ss".unicodeScalars)
      case 0x03C2: folded.append("\u{03C3}")  // final sigma: sigma
      case 0x200C, 0x200D: continue  // zero-width non-joiner and joiner
      case 0x0671: folded.append("\u{0627}")  // alef wasla: alef
      case 0x0629: folded.append("\u{0647}")  // ta marbuta: ha
      case 0x0649: folded.append("\u{064A}")  // alef maqsura: ya
      case 0x0640: continue  // tatweel
      default: folded.append(scalar)
      }
    }
    return String(folded)
  }

  /// The file name of a shard: its key when it is plain ASCII, else `x` and the key's
  /// UTF-8 in hexadecimal (the script names it the same way).
  static func fileName(of key: String) -> String {
    if key.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }) { return key.isEmpty ? "_" : key }
    return "x" + key.utf8.map { String(format: "%02x", $0) }.joined()
  }
}

/// A sorted list of document numbers, written as the shorter of two forms the script
/// reads: `l` and the gaps between numbers in base 32 (high digits marked), or `b` and a
/// bitmap six documents to a character, for words most documents have.
enum PostingList {
  static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

  static func encode(_ numbers: [Int32], documentCount: Int) -> [UInt8] {
    var list: [UInt8] = [UInt8(ascii: "l")]
    var previous: Int32 = -1
    var digits: [UInt8] = []
    for number in numbers {
      var gap = Int(number - previous - 1)
      previous = number
      digits.removeAll(keepingCapacity: true)
      repeat {
        digits.append(UInt8(gap & 31))
        gap >>= 5
      } while gap > 0
      for (position, digit) in digits.reversed().enumerated() {
        list.append(alphabet[Int(digit) + (position < digits.count - 1 ? 32 : 0)])
      }
    }
    let bitmapSize = (documentCount + 5) / 6 + 1
    guard list.count > bitmapSize else { return list }
    var cells = [UInt8](repeating: 0, count: (documentCount + 5) / 6)
    for number in numbers { cells[Int(number) / 6] |= 1 << UInt8(number % 6) }
    return [UInt8(ascii: "b")] + cells.map { alphabet[Int($0)] }
  }
}

/// Words as byte strings, each given a number the first time it is seen: hashing ten
/// thousand documents' words as `String`s cost more than the rest of the index.
struct WordNumbers {
  private(set) var bytes: [UInt8] = []
  /// Each word's start and length in `bytes`.
  private(set) var ranges: [(start: Int, count: Int)] = []
  private var slots: [Int32]
  private var hashes: [UInt64] = []

  init(capacity: Int) {
    var size = 1024
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
  }

  var count: Int { ranges.count }

  func word(_ number: Int) -> String {
    let range = ranges[number]
    return String(decoding: bytes[range.start..<range.start + range.count], as: UTF8.self)
  }

  /// The number of `word`, given now if it is new.
  mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    if ranges.count * 2 >= slots.count { grow() }
    var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
    while slots[index] >= 0 {
      let candidate = Int(slots[index])
      let range = ranges[candidate]
      if hashes[candidate] == hash, range.count == word.count,
        bytes.withUnsafeBufferPointer({ stored in
          guard let base = stored.baseAddress, let probe = word.baseAddress else { return word.isEmpty }
          return memcmp(base + range.start, probe, word.count) == 0
        })
      {
        return candidate
      }
      index = (index + 1) & (slots.count - 1)
    }
    slots[index] = Int32(ranges.count)
    ranges.append((bytes.count, word.count))
    hashes.append(hash)
    bytes.append(contentsOf: word)
    return ranges.count - 1
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    for (number, hash) in hashes.enumerated() {
      var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
      while slots[index] >= 0 { index = (index + 1) & (slots.count - 1) }
      slots[index] = Int32(number)
    }
  }
}
