/// Gives headings `id`s the way GitHub does, so links to sections survive moving the
/// Markdown between igfsite and a code-hosting site: lowercase, punctuation dropped, spaces
/// to hyphens, and `-1`, `-2` … for repeats within a page.
struct AnchorNamer {
  private var used: Set<String>

  init(reserved: Set<String>) {
    used = reserved
  }

  mutating func anchor(for text: String) -> String {
    var base = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber || character == "-" || character == "_" {
        base.append(character)
      } else if character == " " {
        base.append("-")
      }
    }
    if base.isEmpty { base = "section" }
    var candidate = base
    var counter = 0
    while used.contains(candidate) {
      counter += 1
      candidate = "\(base)-\(counter)"
    }
    used.insert(candidate)
    return candidate
  }
}
