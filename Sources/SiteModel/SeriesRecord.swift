/// The name and description of one series (a BPF, working group, Dynamic Coalition or
/// Policy Network) from `content/series.yml`: a series is named in data, never after one of
/// its documents.
public struct SeriesRecord: Sendable, Hashable {
  /// The series field its documents name it with (`bpf`).
  public var field: String
  /// The series id (`cybersecurity`).
  public var id: String
  public var name: String
  public var description: String?
  public var location: SourceLocation

  public init(field: String, id: String, name: String, description: String? = nil, location: SourceLocation) {
    self.field = field
    self.id = id
    self.name = name
    self.description = description
    self.location = location
  }

  /// `Iot` for `iot`, `Gender access` for `gender-access`: what a series without a record is
  /// called, with a warning that says where to name it.
  public static func nameFromID(_ id: String) -> String {
    let words = id.split(separator: "-").joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }
}
