import Foundation

/// Turns human text into URL-safe, lowercase, hyphenated identifiers: theme ids, suggested
/// file names and the fallback for heading anchors.
public enum Slug {
  /// `"Gender & Access"` → `gender-access`; `"Fernández"` → `fernandez`.
  public static func make(_ text: String, keepUnderscorePrefix: Bool = false) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .lowercased()
    var result = ""
    var pendingHyphen = false
    for scalar in folded.unicodeScalars {
      let isAlphanumeric = (scalar.value >= 97 && scalar.value <= 122) || (scalar.value >= 48 && scalar.value <= 57)
      if isAlphanumeric {
        if pendingHyphen && !result.isEmpty && result.last != "_" { result.append("-") }
        pendingHyphen = false
        result.unicodeScalars.append(scalar)
      } else if scalar == "_" && keepUnderscorePrefix && result.isEmpty {
        result.append("_")
      } else {
        pendingHyphen = true
      }
    }
    return result
  }
}
