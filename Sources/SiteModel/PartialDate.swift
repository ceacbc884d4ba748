/// A date as far as the record knows it: a year (`2018`), a month (`2020-11`) or a day
/// (`2017-03-28`).
///
/// Real IGF documents often give only the month or the year; keeping the precision they
/// give means no page, feed or data file ever states a day or a month the content lacks.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  /// 1–12, or nil when only the year is known.
  public let month: Int?
  /// The day of the month, or nil when only the year or month is known.
  public let day: Int?

  public init(_ date: CalendarDate) {
    year = date.year
    month = date.month
    day = date.day
  }

  /// A year, or a month of a year; nil unless they are real.
  public init?(year: Int, month: Int? = nil) {
    guard (1000...9999).contains(year), month.map({ (1...12).contains($0) }) ?? true else { return nil }
    self.year = year
    self.month = month
    day = nil
  }

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public init?(text: some StringProtocol) {
    let bytes = Array(text.utf8)
    func digits(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        guard bytes[index] >= 48, bytes[index] <= 57 else { return nil }
        value = value * 10 + Int(bytes[index] - 48)
      }
      return value
    }
    switch bytes.count {
    case 4:
      guard let year = digits(0..<4) else { return nil }
      self.init(year: year)
    case 7:
      guard bytes[4] == UInt8(ascii: "-"), let year = digits(0..<4), let month = digits(5..<7) else { return nil }
      self.init(year: year, month: month)
    case 10:
      guard let day = CalendarDate(iso: text) else { return nil }
      self.init(day)
    default:
      return nil
    }
  }

  /// The day, when the record gives one.
  public var fullDay: CalendarDate? {
    guard let month, let day else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// The first and last days the date can mean (all of November for `2020-11`).
  public var earliestDay: CalendarDate {
    fullDay ?? CalendarDate(year: year, month: month ?? 1, day: 1) ?? CalendarDate(daysSinceEpoch: 0)
  }

  public var latestDay: CalendarDate {
    if let fullDay { return fullDay }
    let lastMonth = month ?? 12
    return CalendarDate(year: year, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: year))
      ?? earliestDay
  }

  /// A year sorts before its months and a month before its days: the less precise date
  /// opens the span it names.
  public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
    (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
  }

  /// `2018`, `2020-11` or `2017-03-28` (ISO 8601 at the precision known; also what HTML's
  /// `<time datetime>` and schema.org accept).
  public var description: String {
    if let fullDay { return fullDay.description }
    let yearText = String(year)
    guard let month else { return yearText }
    return yearText + (month < 10 ? "-0" : "-") + String(month)
  }

  /// `2018`, `November 2020` or `28 March 2017`.
  public var longForm: String {
    if let fullDay { return fullDay.longForm }
    guard let month else { return String(year) }
    return "\(CalendarDate.monthNames[month - 1]) \(year)"
  }
}
