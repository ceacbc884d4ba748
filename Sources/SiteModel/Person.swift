/// Someone who facilitates, authors or attends: the entries of `content/people.yml`.
///
/// Stakeholder and regional groups matter to the modalities (working groups need
/// co-facilitators from different stakeholder groups) and to the inventory's balance charts.
public struct Person: Sendable, Hashable {
  public var id: String
  public var name: String
  public var affiliation: String?
  public var stakeholderGroup: String?
  public var regionalGroup: String?
  /// The IGF cycles (years) in which the person sat on the MAG.
  public var magCycles: [Int]
  /// Where the entry is in `people.yml`, for diagnostics that point at it.
  public var location: SourceLocation

  public init(
    id: String, name: String, affiliation: String? = nil, stakeholderGroup: String? = nil,
    regionalGroup: String? = nil, magCycles: [Int] = [], location: SourceLocation
  ) {
    self.id = id
    self.name = name
    self.affiliation = affiliation
    self.stakeholderGroup = stakeholderGroup
    self.regionalGroup = regionalGroup
    self.magCycles = magCycles
    self.location = location
  }

  public func isMAGMember(in cycle: Int) -> Bool { magCycles.contains(cycle) }
}

extension Person {
  /// Where the person's page is published.
  public var pagePath: PagePath { PagePlan.person(id) }
}
