import Foundation
import SiteContent
import SiteModel
import SiteSupport

/// Resolves references between documents and to people, for front-matter fields and
/// Markdown links alike, so both report a broken reference the same way under one rule.
public struct ReferenceResolver: Sendable {
  public static let rule = RuleID.references

  let site: SiteIndex
  /// Documents left out of this build (drafts), which exist but will not be published.
  let unpublished: Set<DocumentID>
  /// Documents that exist but could not be read; their own error says why, so references
  /// to them are not reported again.
  let unreadable: Set<DocumentID>
  let severity: Severity

  public init(
    site: SiteIndex, unpublished: Set<DocumentID> = [], unreadable: Set<DocumentID> = [], severity: Severity = .error
  ) {
    self.site = site
    self.unpublished = unpublished
    self.unreadable = unreadable
    self.severity = severity
  }

  private func add(_ message: String, at location: SourceLocation, help: String?, into diagnostics: inout [Diagnostic])
  {
    diagnostics.append(Diagnostic(severity, Self.rule, message, at: location, help: help))
  }

  func checkDocument(
    _ text: String, expectedKind: String?, mustExist: Bool, at location: SourceLocation,
    into diagnostics: inout [Diagnostic]
  ) {
    let id = DocumentID(text)
    guard let target = site[id] else {
      guard mustExist else { return }
      reportMissing(id, written: text, at: location, into: &diagnostics)
      return
    }
    if let expectedKind, target.kind != expectedKind {
      add(
        "\"\(text)\" is a \(target.kind ?? "document without a kind"), not a \(expectedKind)", at: location,
        help: "reference a \(expectedKind) document here", into: &diagnostics)
    }
  }

  func reportMissing(
    _ id: DocumentID, written: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]
  ) {
    if unreadable.contains(id) { return }
    if unpublished.contains(id) {
      // Always an error, whatever the schema's severity for references: a warning would be
      // published on this page and would name the private draft.
      diagnostics.append(
        Diagnostic(
          .error, Self.rule, "\"\(written)\" is a draft and will not be published, so this reference would be broken",
          at: location, help: "publish it (remove draft: true) or build with --drafts"))
      return
    }
    var message = "\"\(written)\" names no document"
    var help = "document ids are paths under content/ without .md, such as 2017/bpf/cybersecurity/proposal"
    if let closest = Suggestion.closest(to: id.rawValue, in: site.ids) {
      message += "; did you mean \"\(closest)\"?"
      help = "correct the id, or add content/\(id.contentPath)"
    }
    add(message, at: location, help: help, into: &diagnostics)
  }

  func checkPerson(_ id: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) {
    // The key alone: looking the person up copied their whole entry.
    guard site.people.index(forKey: id) == nil else { return }
    var message = "\"\(id)\" is not in people.yml"
    if let closest = Suggestion.closest(to: id, in: site.people.keys) { message += "; did you mean \"\(closest)\"?" }
    add(message, at: location, help: "use an id from content/people.yml, or add the person there", into: &diagnostics)
  }

  /// The ids a page has for `#fragment` links: its headings' anchors and the ids of its
  /// recommendations.
  public static func anchors(of document: ParsedDocument) -> Set<String> {
    var anchors = Set(document.body.headings.map(\.anchor)).union(document.body.paragraphAnchors)
    for recommendation in document["recommendations"]?.list ?? [] {
      if let id = recommendation["id"]?.scalarText { anchors.insert(id) }
    }
    return anchors
  }

  /// Checks the Markdown links of a document: `.md` links name a document, and `#fragment`s
  /// name an anchor of the target page (or of this page).
  func checkLinks(of document: ParsedDocument, into diagnostics: inout [Diagnostic]) {
    // Through a pointer: stepping through the links as values copied each one (its texts
    // and place), which cost more than checking it.
    document.body.links.withUnsafeBufferPointer { links in
      for link in links.indices where !links[link].isImage {
        if let target = links[link].target {
          guard let targetDocument = site[target] ?? site.translation(target) else {
            reportMissing(target, written: links[link].destination, at: links[link].location, into: &diagnostics)
            continue
          }
          checkFragment(links[link].fragment, in: targetDocument, at: links[link].location, into: &diagnostics)
        } else if links[link].destination.hasPrefix("#") {
          checkFragment(links[link].fragment, in: document, at: links[link].location, into: &diagnostics)
        } else if Self.climbsOutOfContent(links[link].destination) {
          add(
            "\"\(links[link].destination)\" goes above content/, so it names no document of the site",
            at: links[link].location,
            help: "link to a document with a path relative to this file that stays inside content/",
            into: &diagnostics)
        }
      }
    }
  }

  /// A relative `.md` link that names no document id: its `..` climb above `content/`.
  static func climbsOutOfContent(_ destination: String) -> Bool {
    let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
    return path.hasSuffix(".md") && path.hasPrefix("..") && !path.contains(":")
  }

  private func checkFragment(
    _ written: String?, in target: ParsedDocument, at location: SourceLocation, into diagnostics: inout [Diagnostic]
  ) {
    guard let fragment = written?.removingPercentEncodingIfPossible, !fragment.isEmpty else { return }
    let anchors = Self.anchors(of: target)
    guard !anchors.contains(fragment) else { return }
    var message = "\"#\(fragment)\" is not a heading of \(target.id)"
    if let closest = Suggestion.closest(to: fragment, in: anchors) { message += "; did you mean \"#\(closest)\"?" }
    add(
      message, at: location, help: "link to one of its headings: \(anchors.sorted().prefix(8).joined(separator: ", "))",
      into: &diagnostics)
  }
}

extension String {
  var removingPercentEncodingIfPossible: String {
    guard contains("%") else { return self }
    return removingPercentEncoding ?? self
  }
}
