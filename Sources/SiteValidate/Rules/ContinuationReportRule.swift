import SiteContent
import SiteModel

/// "BPFs wishing to continue their work from the previous year should also submit annual
/// work reports from the prior year" (Annex II).
struct ContinuationReportRule: ModalitiesRule {
  static let name = "continuation-report"
  static let summary = "a continuing BPF has an annual work report for the same BPF in the previous cycle"

  let status: String
  let reportKind: String
  let seriesField: String

  var groupingField: String? { seriesField }

  init(parameters: inout RuleParameters) {
    status = parameters.string("when_status", default: "continuing")
    reportKind = parameters.string("report_kind")
    seriesField = parameters.string("series_field", default: "bpf")
  }

  func check(_ document: ParsedDocument, in site: SiteIndex, report: inout RuleReport) {
    guard document.status == status, let cycle = document.cycle, let series = document[seriesField]?.string else {
      return
    }
    let previous = cycle - 1
    let hasReport = site.documents(ofKind: reportKind).contains {
      $0.cycle == previous && $0[seriesField]?.string == series
    }
    guard !hasReport else { return }
    report.add(
      Self.missingReport(series: series, kind: reportKind, previous: previous),
      at: document["status"]?.location ?? document.frontMatterLocation,
      help:
        "add content/\(previous)/\(seriesField)/\(series)/report.md (kind: \(reportKind), \(seriesField): \(series)), "
        + "or propose it as a new BPF")
  }

  static func missingReport(series: String, kind: String, previous: Int) -> String {
    "a continuing BPF needs its annual work report from the previous cycle: there is no \(kind) for \"\(series)\" in \(previous)"
  }
}
