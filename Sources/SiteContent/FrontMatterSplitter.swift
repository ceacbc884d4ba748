import Foundation
import SiteModel

/// Splits a Markdown file into the YAML between its opening and closing `---` lines and the
/// body after them.
public enum FrontMatterSplitter {
  public static let rule = RuleID.frontMatterMissing

  /// The split document, or the diagnostic for a file without (closed) front matter.
  public static func split(text: String, id: DocumentID, file: String) -> Result<SourceDocument, Diagnostic> {
    var copy = text
    let offsets: (yamlStart: Int, yamlEnd: Int, bodyStart: Int, closingLine: Int)? = copy.withUTF8 { bytes in
      guard let firstEnd = lineEnd(bytes, from: 0), isFence(bytes, 0, firstEnd) else { return nil }
      var lineStart = firstEnd + 1
      var line = 2
      while lineStart <= bytes.count {
        let end = lineEnd(bytes, from: lineStart) ?? bytes.count
        if isFence(bytes, lineStart, end) || isDocumentEnd(bytes, lineStart, end) {
          return (firstEnd + 1, lineStart, min(end + 1, bytes.count), line)
        }
        if end >= bytes.count { break }
        lineStart = end + 1
        line += 1
      }
      return (-1, -1, -1, -1)
    }
    guard let offsets else {
      return .failure(
        Diagnostic(
          .error, rule, "the document has no front matter", at: SourceLocation(file: file, line: 1, column: 1),
          help:
            "start the file with a line \"---\", the fields (kind, title, cycle …), and another line \"---\"; to bring in a text as it is, move it out of content/ and run igfsite new KIND PATH --from FILE"
        ))
    }
    guard offsets.yamlStart >= 0 else {
      return .failure(
        Diagnostic(
          .error, .frontMatterUnclosed, "the front matter is not closed",
          at: SourceLocation(file: file, line: 1, column: 1),
          help: "add a line \"---\" after the last front-matter field"))
    }
    let utf8 = text.utf8
    let yamlStart = utf8.index(utf8.startIndex, offsetBy: offsets.yamlStart)
    let yamlEnd = utf8.index(utf8.startIndex, offsetBy: offsets.yamlEnd)
    let bodyStart = utf8.index(utf8.startIndex, offsetBy: offsets.bodyStart)
    return .success(
      SourceDocument(
        id: id, file: file, text: text, frontMatter: text[yamlStart..<yamlEnd], frontMatterStartLine: 2,
        body: text[bodyStart...], bodyStartLine: offsets.closingLine + 1))
  }

  /// The offset of the newline ending the line that starts at `start`, or nil at the end.
  static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < bytes.count, let base = bytes.baseAddress else { return nil }
    let found = memchr(base + start, 10, bytes.count - start)
    return found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
  }

  /// `---` with nothing after it but spaces or tabs.
  static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    line(bytes, start, end, is: 45)
  }

  /// `...`, YAML's end-of-document marker.
  static func isDocumentEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    line(bytes, start, end, is: 46)
  }

  private static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, is mark: UInt8) -> Bool {
    guard end - start >= 3, bytes[start] == mark, bytes[start + 1] == mark, bytes[start + 2] == mark else {
      return false
    }
    var index = start + 3
    while index < end {
      guard bytes[index] == 32 || bytes[index] == 9 else { return false }
      index += 1
    }
    return true
  }

  /// The body of a Markdown file: the text after its front matter, or all of it when it
  /// has none.
  public static func body(of text: String) -> (text: Substring, firstLine: Int) {
    switch split(text: text, id: DocumentID(""), file: "") {
    case .success(let source): (source.body, source.bodyStartLine)
    case .failure: (text[...], 1)
    }
  }
}
