import Foundation
import Mustache
import SiteBuild
import SiteModel
import SiteRender
import TestSupport
import Testing

/// A section name the view model lacks is simply false in Mustache, and the build only
/// refuses printed names that are missing. Every template is rendered here against a site
/// that populates every optional part (drafts, warnings, outputs, participants,
/// recommendations, and the errors the preview shows…), recording each lookup: a name no
/// object ever had is a typo in a template or a field the view models forgot.
@Suite struct TemplateCoverageTests {
  @Test func everyNameATemplateUsesExistsInTheViewModels() throws {
    var files = InventoryFixture.files
    // An error, as the preview renders documents through them.
    files["content/2018/reports/unfinished.md"] = "---\nkind: report\ntitle: Unfinished\ncycle: 2018\n---\nText.\n"
    let site = try FixtureSite(files)
    let (_, linkedSite, _) = SitePipeline.load(site.options(drafts: true))
    let linked = try #require(linkedSite)
    let templates = try TemplateSet.load(site.layout).get()
    let recorder = TemplateLookups()
    let renderer = SiteRenderer(site: linked, templates: templates, lookups: recorder)
    _ = renderer.render()
    #expect(renderer.missing.diagnostics.isEmpty, "\(renderer.missing.diagnostics)")
    #expect(recorder.namesLookedUp > 100, "the recorder saw \(recorder.namesLookedUp) names")
    #expect(recorder.neverFound.isEmpty, "names no view model has: \(recorder.neverFound.sorted())")
  }

  @Test func everyIdTheTemplatesUseIsReservedFromHeadings() throws {
    let folder = SharedFiles.packageRoot.appendingPathComponent("theme")
    var ids = Set<String>()
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    let pattern = try NSRegularExpression(pattern: #"\sid="([a-z0-9-]+)""#)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "mustache" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let range = Range(match.range(at: 1), in: text) { ids.insert(String(text[range])) }
      }
    }
    #expect(!ids.isEmpty)
    #expect(
      ids.subtracting(PageAnchors.reserved).isEmpty,
      "ids headings could take: \(ids.subtracting(PageAnchors.reserved).sorted())")
  }
}
