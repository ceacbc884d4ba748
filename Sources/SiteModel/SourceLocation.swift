/// A position in a source file of the site, in the file's own coordinates.
///
/// Lines count from 1 and include the front matter; columns count Unicode scalars from 1,
/// as libyaml does, so a caret printed under the line lands on the character it means.
/// A line of 0 means the problem concerns the file as a whole.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The path as the user would type it: relative to the current folder when the site is.
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }

  /// `file:line:column`, dropping the parts that are unknown.
  public var description: String {
    guard line > 0 else { return file }
    guard column > 0 else { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
  }
}
