/// Gives headings `id`s the way GitHub does, so links to sections survive moving the
/// Markdown between igfsite and a code-hosting site: lowercase, punctuation dropped, spaces
/// to hyphens, and `-1`, `-2` … for repeats within a page.
struct AnchorNamer {
  /// The page template's ids, shared by every document rather than copied into `used`.
  private let reserved: Set<String>
  private var used: Set<String> = []

  init(reserved: Set<String>) {
    self.reserved = reserved
  }

  mutating func anchor(for text: String) -> String {
    var base = ""
    if let ascii = Self.asciiBase(text) {
      base = ascii
    } else {
      for character in text.lowercased() {
        if character.isLetter || character.isNumber || character == "-" || character == "_" {
          base.append(character)
        } else if character == " " {
          base.append("-")
        }
      }
    }
    if base.isEmpty { base = "section" }
    var candidate = base
    var counter = 0
    while used.contains(candidate) || reserved.contains(candidate) {
      counter += 1
      candidate = "\(base)-\(counter)"
    }
    used.insert(candidate)
    return candidate
  }

  /// The anchor's base for an ASCII heading, byte by byte (as the Unicode rules give it);
  /// nil for one with other characters.
  private static func asciiBase(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case 0x80...: return nil
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
        UInt8(ascii: "_"):
        bytes.append(byte)
      case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
      default: break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
