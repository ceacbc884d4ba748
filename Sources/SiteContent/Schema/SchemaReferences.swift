import SiteModel

/// What a document's front matter refers to, found through the field types the schema
/// declares: the link stage uses it for backlinks and people's roles.
extension ModalitiesSchema {
  /// A front-matter value naming a document or a person, with the field it sits in.
  public struct FieldReference: Sendable, Hashable {
    /// The top-level field (`facilitators`, `related`, `meeting`).
    public var field: String
    public var id: String
    public var location: SourceLocation
  }

  /// The document ids a document's front matter names (existing or not).
  public func documentReferences(of document: ParsedDocument) -> [FieldReference] {
    references(of: document, wantPeople: false)
  }

  /// The person ids a document's front matter names (existing or not).
  public func personReferences(of document: ParsedDocument) -> [FieldReference] {
    references(of: document, wantPeople: true)
  }

  private func references(of document: ParsedDocument, wantPeople: Bool) -> [FieldReference] {
    guard let kindName = document.kind, let kind = kind(kindName) else { return [] }
    var found: [FieldReference] = []
    for field in (wantPeople ? kind.personFields : kind.documentFields) ?? fields(of: kind) {
      guard let node = document[field.name] else { continue }
      collect(node, type: field.type, field: field.name, wantPeople: wantPeople, into: &found)
    }
    return found
  }

  private func collect(
    _ node: YAMLNode, type: FieldType, field: String, wantPeople: Bool, into found: inout [FieldReference]
  ) {
    switch type {
    case .reference where !wantPeople, .person where wantPeople:
      if let id = node.string { found.append(FieldReference(field: field, id: id, location: node.location)) }
    case .list(let item):
      for element in node.list ?? [] {
        collect(element, type: item.type, field: field, wantPeople: wantPeople, into: &found)
      }
    case .object(let fields):
      for nested in fields {
        if let value = node[nested.name] {
          collect(value, type: nested.type, field: field, wantPeople: wantPeople, into: &found)
        }
      }
    default:
      break
    }
  }
}
