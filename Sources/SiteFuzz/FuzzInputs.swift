/// Documents built from the pieces that break parsers (front matter fences, YAML anchors
/// and odd scalars, nested Markdown, links that climb, script URLs, CR, BOM, invalid
/// UTF-8), mixed and mutated by a seeded generator: the same seed gives the same inputs,
/// so a finding can be replayed.
public struct FuzzInputs: Sequence, IteratorProtocol {
  private var random: SeededRandom

  public init(seed: UInt64) {
    random = SeededRandom(seed: seed)
  }

  static let frontMatter: [String] = [
    "---\n", "---\r\n", "\u{FEFF}---\n", "...\n", "kind: report\n", "title: \"a: b\"\n", "title: [unclosed\n",
    "a: &x [1, 2]\nb: *x\n", "b: *undefined\n", "date: 2017-02-30\n", "cycle: 99999999999999999999\n",
    "tags: !!binary aGk=\n", "? complex\n: key\n", "  bad indent\n", "k: |\n  block\n", "x: 'it''s'\n",
    "title: \u{0}\n", "%YAML 1.2\n", "- list\n", "{a: 1}\n", "k: v # comment\n", "\t\n",
  ]

  static let markdown: [String] = [
    "# Heading\n", "## Heading\n", "## Heading\n", "Text *em **strong*** _a_\n", "> quote\n> > nested\n",
    "- item\n  - nested\n    1. ordered\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "```\ncode\n```\n", "    indented\n",
    "[x](../proposal.md#objectives)", "[x](../../../../../etc/passwd.md)", "[x](./a/../b.md)", "[x](a//b.md)",
    "[x](javascript:alert(1))", "[x](JaVa&#x53;cript:alert(1))", "[x](\u{1}javascript:x)", "[x](data:text/html,x)",
    "![i](vbscript:x)", "<javascript:alert(1)>", "www.example.org", "[r]\n\n[r]: ../x.md\n", "[^1]\n\n[^1]: note\n",
    "<script>x</script>", "<a href=\"javascript:x\">a</a>", "\r\n", "\r", "é", "\u{1F600}", "&#0;", "\\", "`",
    "[", "]", "(", ")", "*", "_", "~~x~~", "- [ ] task\n", "---\n", "\n", " ", "|", "<", ">", "&", "#", ":", ".md",
  ]

  public mutating func next() -> [UInt8]? {
    var text = ""
    if random.next(8) > 0 {
      text += "---\n"
      for _ in 0..<random.next(6) { text += Self.frontMatter[random.next(Self.frontMatter.count)] }
      if random.next(10) > 0 { text += "---\n" }
    }
    for _ in 0..<random.next(40) { text += Self.markdown[random.next(Self.markdown.count)] }
    var bytes = Array(text.utf8)
    // A few byte-level mutations: flipped bits, cut sequences, stray invalid UTF-8.
    for _ in 0..<random.next(4) where !bytes.isEmpty {
      let at = random.next(bytes.count)
      switch random.next(4) {
      case 0: bytes[at] ^= UInt8(1 << random.next(8))
      case 1: bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: at)
      case 2: bytes.removeSubrange(at..<Swift.min(bytes.count, at + random.next(8)))
      default: bytes.insert(contentsOf: bytes[at..<Swift.min(bytes.count, at + 16)], at: at)
      }
    }
    return bytes
  }
}

/// SplitMix64: small, fast and the same everywhere, so a seed replays a fuzz run or a
/// random-edit test exactly.
public struct SeededRandom {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A number in `0..<bound` (0 when `bound` is 0 or 1).
  public mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    value ^= value >> 31
    return bound <= 1 ? 0 : Int(value % UInt64(bound))
  }
}
