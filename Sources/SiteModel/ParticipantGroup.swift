/// One group of a meeting summary's `participants` (`MAG members`, `Observers`), with
/// the person ids listed in it: decoded once here for the people's roles and the page.
public struct ParticipantGroup: Sendable, Hashable {
  public var name: String
  public var people: [String]
}

extension ParsedDocument {
  /// The groups of `participants` that have a name, each with the ids listed in it.
  public var participantGroups: [ParticipantGroup] {
    (self["participants"]?.list ?? []).compactMap { group in
      guard let name = group["group"]?.scalarText else { return nil }
      return ParticipantGroup(name: name, people: (group["people"]?.list ?? []).compactMap(\.string))
    }
  }
}
