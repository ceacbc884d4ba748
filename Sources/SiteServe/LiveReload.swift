import Foundation
import SiteModel
import SiteSupport

/// What the preview adds to every HTML page it serves, and only there (never to the files
/// `igfsite build` writes): the script that reloads the page when the site is rebuilt, and
/// while the content has errors an overlay listing them.
enum LiveReload {
  static let eventsPath = "/__igfsite/events"
  static let scriptPath = "/__igfsite/live.js"

  /// Reloads on every rebuild, and at once when the site was rebuilt between the page being
  /// served and its stream connecting: the stream opens with the build it is at, the page
  /// knows the one it was served from, and a reload event sent before the stream was
  /// listening would otherwise be missed for good.
  static let script = """
    // igfsite preview: reload when the site is rebuilt.
    (function () {
      var script = document.currentScript;
      var served = script ? script.getAttribute("data-version") : null;
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("version", function (event) {
        if (served !== null && event.data !== served) { window.location.reload(); }
      });
      source.addEventListener("reload", function () { window.location.reload(); });
    })();

    """

  /// The HTML inserted before `</body>`.
  /// - Parameter version: the build the page was read from (`PreviewState.version`).
  static func injection(problems: [Diagnostic], showing: PreviewShowing, version: Int) -> String {
    var html = "<script src=\"\(scriptPath)\" data-version=\"\(version)\"></script>\n"
    let errors = problems.filter { $0.severity == .error }
    if !errors.isEmpty { html = overlay(errors, showing: showing) + html }
    return html
  }

  /// What the pages show, in the overlay's title.
  static func title(errors: Int, showing: PreviewShowing) -> String {
    let count = DiagnosticReport.counted(errors, "error")
    switch showing {
    case .content: return "igfsite: \(count); igfsite build stops on them. The pages show the content as it is now."
    case .lastGoodBuild: return "igfsite: \(count); the site cannot be rendered, so this is the last good build."
    case .nothingYet: return "igfsite: \(count); the site cannot be rendered yet."
    }
  }

  /// The site's errors, folded away while the pages show the content (each document's
  /// page lists its own), open when they keep the pages from being rendered.
  static func overlay(_ errors: [Diagnostic], showing: PreviewShowing) -> String {
    var unreadable = Set<String>()
    var folded = false
    if case .content(let files) = showing {
      unreadable = Set(files)
      folded = true
    }
    var html = """
      <details id="igfsite-overlay" \(folded ? "" : "open ")\
      style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
      background:#fff4f4;color:#1b1f24;border-top:4px solid #a4000f;padding:.75rem 1.5rem;\
      font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)">
      <summary id="igfsite-overlay-title" style="cursor:pointer;font-weight:700;color:#a4000f">\
      \(HTMLText.escape(title(errors: errors.count, showing: showing)))</summary>
      <ul style="margin:.5rem 0 0;padding-left:1.25rem">

      """
    for error in errors.sorted().prefix(100) {
      html += "<li><code>\(HTMLText.escape(error.location.description))</code> \(HTMLText.escape(error.message))"
      if unreadable.contains(error.location.file) {
        html +=
          " <strong>(the file cannot be read: its page, if it had one, shows the last version that could be read)</strong>"
      }
      html += " <code>[\(HTMLText.escape(error.rule.rawValue))]</code>"
      if let help = error.help { html += "<br><span style=\"color:#4a5260\">\(HTMLText.escape(help))</span>" }
      html += "</li>\n"
    }
    if errors.count > 100 { html += "<li>… and \(errors.count - 100) more (run igfsite check)</li>\n" }
    html += "</ul>\n</details>\n"
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
