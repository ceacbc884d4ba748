import Mustache
import SiteLink
import SiteModel
import SiteSupport

/// The stakeholder-balance chart: an inline SVG bar chart drawn at build time (no script),
/// with a text alternative and the same figures as a data table for screen readers and print.
enum BalanceChart {
  static let barHeight = 22
  static let gap = 8
  static let labelWidth = 230
  static let barArea = 200

  /// - Parameter rightToLeft: the page reads right to left: the chart is mirrored, labels
  ///   on the right and bars growing leftwards.
  /// - Parameter strings: the interface of a page in another language than the site's
  ///   vocabulary: the groups are named in it in the UN's terms.
  static func model(
    _ balance: StakeholderBalance, id: String, caption: String, rightToLeft: Bool = false,
    strings: InterfaceStrings? = nil
  ) -> TemplateObject {
    let name = { (group: String) in strings?.group(group) ?? group }
    let named = StakeholderBalance(counts: balance.counts.map { (name($0.group), $0.count) })
    let summary = named.counts.filter { $0.count > 0 }.map { "\($0.group): \($0.count)" }.joined(separator: ", ")
    return [
      "id": .text(id),
      "caption": .text(caption),
      "summary": .text(summary.isEmpty ? strings?["no_facilitators"] ?? "no facilitators recorded" : summary),
      "svg": .text(
        svg(
          named, id: id, caption: caption, summary: summary, rightToLeft: rightToLeft,
          nothing: strings?["no_facilitators_sentence"] ?? "No facilitators recorded")),
      "rows": .list(named.counts.map { .object(["group": .text($0.group), "count": .number($0.count)]) }),
      "total": .number(balance.total),
    ]
  }

  /// The chart's markup; every text in it is escaped.
  static func svg(
    _ balance: StakeholderBalance, id: String, caption: String, summary: String, rightToLeft: Bool = false,
    nothing: String = "No facilitators recorded"
  ) -> String {
    let maximum = max(1, balance.counts.map(\.count).max() ?? 1)
    let height = balance.counts.count * (barHeight + gap) + gap
    let width = labelWidth + barArea + 40
    var svg: [UInt8] = []
    svg.reserveCapacity(1500)
    func add(_ text: String) { svg.append(contentsOf: text.utf8) }
    func add(_ number: Int) { svg.append(contentsOf: String(number).utf8) }
    add("<svg class=\"balance-chart\" viewBox=\"0 0 ")
    add(width)
    add(" ")
    add(height)
    add("\" width=\"")
    add(width)
    add("\" height=\"")
    add(height)
    // Drawn with its own coordinates: a right-to-left page must not turn its anchors around.
    add(rightToLeft ? "\" direction=\"ltr\" role=\"img\" aria-labelledby=\"" : "\" role=\"img\" aria-labelledby=\"")
    add(id)
    add("-title ")
    add(id)
    add("-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"")
    add(id)
    add("-title\">")
    add(HTMLText.escape(caption))
    add("</title><desc id=\"")
    add(id)
    add("-desc\">")
    add(HTMLText.escape(summary.isEmpty ? nothing : summary))
    add("</desc>")
    for (row, entry) in balance.counts.enumerated() {
      let y = gap + row * (barHeight + gap)
      let barWidth = entry.count == 0 ? 0 : max(2, entry.count * barArea / maximum)
      // Mirrored for right-to-left pages: the same geometry measured from the right edge.
      let anchor = rightToLeft ? "\" text-anchor=\"end" : ""
      add("<text x=\"")
      add(rightToLeft ? width : 0)
      add(anchor)
      add("\" y=\"")
      add(y + 16)
      add("\" class=\"chart-label\">")
      add(HTMLText.escape(entry.group))
      add("</text><rect x=\"")
      add(rightToLeft ? width - labelWidth - barWidth : labelWidth)
      add("\" y=\"")
      add(y)
      add("\" width=\"")
      add(barWidth)
      add("\" height=\"")
      add(barHeight)
      add("\" class=\"chart-bar\"/><text x=\"")
      add(rightToLeft ? width - labelWidth - barWidth - 6 : labelWidth + barWidth + 6)
      add(anchor)
      add("\" y=\"")
      add(y + 16)
      add("\" class=\"chart-value\">")
      add(entry.count)
      add("</text>")
    }
    add("</svg>")
    return String(decoding: svg, as: UTF8.self)
  }
}
