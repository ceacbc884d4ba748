/// igfsite's version, printed by `igfsite --version` and recorded in build caches.
public enum IgfsiteVersion {
  public static let current = "0.7.0"

  /// Whether `required` (`0.7`, `0.7.1`) is no later than this igfsite.
  public static func satisfies(_ required: String) -> Bool? {
    guard let wanted = numbers(required), let have = numbers(current) else { return nil }
    for index in 0..<3 where wanted[index] != have[index] { return wanted[index] < have[index] }
    return true
  }

  /// `[0, 7, 1]` for `0.7.1`; missing parts are 0.
  static func numbers(_ text: String) -> [Int]? {
    let parts = text.split(separator: ".").map { Int($0) }
    guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
    return parts.compactMap { $0 } + Array(repeating: 0, count: 3 - parts.count)
  }
}
