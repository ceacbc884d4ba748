import SiteLink
import SiteModel

/// The stakeholder-balance chart: an inline SVG bar chart drawn at build time (no script),
/// with a text alternative and the same figures as a data table for screen readers and print.
enum BalanceChart {
  static let barHeight = 22
  static let gap = 8
  static let labelWidth = 230
  static let barArea = 200

  static func model(_ balance: StakeholderBalance, id: String, caption: String) -> TemplateObject {
    let summary = balance.counts.filter { $0.count > 0 }.map { "\($0.group): \($0.count)" }.joined(separator: ", ")
    return [
      "id": .text(id),
      "caption": .text(caption),
      "summary": .text(summary.isEmpty ? "no facilitators recorded" : summary),
      "svg": .text(svg(balance, id: id, caption: caption, summary: summary)),
      "rows": .list(balance.counts.map { .object(["group": .text($0.group), "count": .number($0.count)]) }),
      "total": .number(balance.total),
    ]
  }

  /// The chart's markup; every text in it is escaped.
  static func svg(_ balance: StakeholderBalance, id: String, caption: String, summary: String) -> String {
    let maximum = max(1, balance.counts.map(\.count).max() ?? 1)
    let height = balance.counts.count * (barHeight + gap) + gap
    let width = labelWidth + barArea + 40
    var svg = "<svg class=\"balance-chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
    svg += "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
    svg += "<title id=\"\(id)-title\">\(HTMLText.escape(caption))</title>"
    svg += "<desc id=\"\(id)-desc\">\(HTMLText.escape(summary.isEmpty ? "No facilitators recorded" : summary))</desc>"
    for (row, entry) in balance.counts.enumerated() {
      let y = gap + row * (barHeight + gap)
      let barWidth = entry.count == 0 ? 0 : max(2, entry.count * barArea / maximum)
      svg += "<text x=\"0\" y=\"\(y + 16)\" class=\"chart-label\">\(HTMLText.escape(entry.group))</text>"
      svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(barHeight)\" class=\"chart-bar\"/>"
      svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 16)\" class=\"chart-value\">\(entry.count)</text>"
    }
    svg += "</svg>"
    return svg
  }
}
