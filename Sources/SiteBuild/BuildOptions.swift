import Foundation
import SiteModel

/// What a build or check is asked to do, from the command line or the preview server.
public struct BuildOptions: Sendable {
  public var layout: SiteLayout
  /// Where the site is written; `output/` of the site by default.
  public var output: URL
  /// The output folder as messages name it.
  public var outputDisplay: String
  /// Publish documents marked `draft: true`.
  public var includeDrafts: Bool
  /// Treat warnings as errors.
  public var strict: Bool
  /// Replaces `base_url` of `site.yml` (canonical URLs, feeds, sitemap).
  public var baseURL: String?
  /// How many documents are parsed and rendered at once; nil for one per core.
  public var jobs: Int?

  public init(
    layout: SiteLayout, output: URL? = nil, outputDisplay: String? = nil, includeDrafts: Bool = false,
    strict: Bool = false, baseURL: String? = nil, jobs: Int? = nil
  ) {
    self.layout = layout
    self.output = output ?? layout.defaultOutput
    self.outputDisplay = outputDisplay ?? (output == nil ? layout.display("output") : (output?.path ?? "output"))
    self.includeDrafts = includeDrafts
    self.strict = strict
    self.baseURL = baseURL
    self.jobs = jobs
  }

  /// Whether these diagnostics fail the build.
  public func fails(_ diagnostics: [Diagnostic]) -> Bool {
    diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
  }
}
