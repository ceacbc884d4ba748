import Foundation
import SiteModel

/// What the preview adds to every HTML page it serves, and only there (never to the files
/// `igfsite build` writes): the script that reloads the page when the site is rebuilt, and
/// while the content has errors an overlay listing them.
enum LiveReload {
  static let eventsPath = "/__igfsite/events"
  static let scriptPath = "/__igfsite/live.js"

  static let script = """
    // igfsite preview: reload when the site is rebuilt.
    (function () {
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("reload", function () { window.location.reload(); });
    })();

    """

  /// The HTML inserted before `</body>`.
  static func injection(problems: [Diagnostic]) -> String {
    var html = "<script src=\"\(scriptPath)\"></script>\n"
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty { html = overlay(errors) + html }
    return html
  }

  static func overlay(_ errors: [Diagnostic]) -> String {
    var html = """
      <div id="igfsite-overlay" role="alertdialog" aria-modal="false" aria-labelledby="igfsite-overlay-title" \
      style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
      background:#fff4f4;color:#1b1f24;border-top:4px solid #a4000f;padding:1rem 1.5rem;\
      font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)">
      <h2 id="igfsite-overlay-title" style="margin:0 0 .5rem;font-size:1.15rem;color:#a4000f">\
      igfsite: \(DiagnosticReport.counted(errors.count, "error")) — showing the last good build</h2>
      <ul style="margin:0;padding-left:1.25rem">

      """
    for error in errors.sorted().prefix(100) {
      html += "<li><code>\(HTMLText.escape(error.location.description))</code> \(HTMLText.escape(error.message))"
      html += " <code>[\(HTMLText.escape(error.rule))]</code>"
      if let help = error.help { html += "<br><span style=\"color:#4a5260\">\(HTMLText.escape(help))</span>" }
      html += "</li>\n"
    }
    if errors.count > 100 { html += "<li>… and \(errors.count - 100) more (run igfsite check)</li>\n" }
    html += "</ul>\n</div>\n"
    return html
  }

  /// `page` with `injection` inserted before its last `</body>` (or at its end).
  static func inject(_ injection: String, into page: String) -> String {
    guard let range = page.range(of: "</body>", options: .backwards) else { return page + injection }
    var result = page
    result.insert(contentsOf: injection, at: range.lowerBound)
    return result
  }
}
