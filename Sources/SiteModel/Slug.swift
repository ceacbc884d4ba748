import Foundation

/// Turns human text into URL-safe, lowercase, hyphenated identifiers: theme ids, suggested
/// file names and the fallback for heading anchors.
public enum Slug {
  /// `"Gender & Access"` → `gender-access`; `"Fernández"` → `fernandez`.
  public static func make(_ text: String, keepUnderscorePrefix: Bool = false) -> String {
    // Plain ASCII needs no folding, which is by far the slowest step: go straight to bytes.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return slug(
        text.utf8.lazy.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, keepUnderscorePrefix: keepUnderscorePrefix)
    }
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    // Letters that do not fold to ASCII (ß, ø, non-Latin scripts) are separators, as before.
    return slug(
      folded.unicodeScalars.lazy.map { $0.value < 0x80 ? UInt8($0.value) : 0 },
      keepUnderscorePrefix: keepUnderscorePrefix)
  }

  /// Keeps ASCII letters and digits, and turns every run of anything else into one hyphen
  /// between words.
  private static func slug(_ lowercased: some Sequence<UInt8>, keepUnderscorePrefix: Bool) -> String {
    var result: [UInt8] = []
    var pendingHyphen = false
    for byte in lowercased {
      let isAlphanumeric = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
      if isAlphanumeric {
        if pendingHyphen && !result.isEmpty && result.last != UInt8(ascii: "_") { result.append(UInt8(ascii: "-")) }
        pendingHyphen = false
        result.append(byte)
      } else if byte == UInt8(ascii: "_") && keepUnderscorePrefix && result.isEmpty {
        result.append(byte)
      } else {
        pendingHyphen = true
      }
    }
    return String(decoding: result, as: UTF8.self)
  }
}
