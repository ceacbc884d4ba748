import Foundation
import SiteModel

/// Reads one Markdown file of `content/` and splits it, reporting an unreadable file,
/// invalid UTF-8, a bad file name or missing front matter as diagnostics.
public enum SourceReader {
  /// Largest document accepted; the biggest IGF reports are well under 1 MB of text.
  public static let maximumBytes = 16 * 1024 * 1024

  public static func read(contentPath: String, layout: SiteLayout) -> Result<SourceDocument, Diagnostic> {
    let file = layout.displayContent(contentPath)
    guard let id = DocumentID(contentPath: contentPath) else {
      return .failure(Diagnostic(.error, .contentUnreadable, "not a Markdown file", at: SourceLocation(file: file)))
    }
    if let problem = id.namingProblem {
      return .failure(
        Diagnostic(
          .error, .contentFileName, "the file name cannot be a permanent URL: \(problem)",
          at: SourceLocation(file: file), help: "rename it to content/\(id.suggestedRename.contentPath)"))
    }
    let path = layout.content.path + "/" + contentPath
    let bytes: [UInt8]
    var modified: CalendarDate?
    switch FileBytes.read(path, limit: maximumBytes, modified: &modified) {
    case .success(let read):
      bytes = read
    case .failure(.tooLarge(let size)):
      return .failure(
        Diagnostic(
          .error, .contentTooLarge,
          "the file is \(size / 1_048_576) MB; documents are limited to \(maximumBytes / 1_048_576) MB",
          at: SourceLocation(file: file), help: "split it into several documents or publish it as an attachment"))
    case .failure(.unreadable(let reason)):
      return .failure(
        Diagnostic(
          .error, .contentUnreadable, "the file cannot be read: \(reason)", at: SourceLocation(file: file),
          help: "check that it exists and can be read"))
    }
    let decoded = SourceText.decode(bytes: bytes)
    if let invalid = decoded.invalidUTF8At {
      return .failure(
        Diagnostic(
          .error, .contentEncoding, "the file is not valid UTF-8",
          at: SourceLocation(file: file, line: invalid.line, column: invalid.column),
          help: "save the file as UTF-8 in your editor"))
    }
    return FrontMatterSplitter.split(text: decoded.text, id: id, file: file).map { source in
      var source = source
      source.modified = modified
      return source
    }
  }
}

/// Reads a whole file with plain system calls: one `open`, one `fstat`, one `read`.
public enum FileBytes {
  public enum Failure: Error {
    case tooLarge(Int)
    case unreadable(String)
  }

  public static func read(_ path: String, limit: Int = Int.max) -> Result<[UInt8], Failure> {
    var modified: CalendarDate?
    return read(path, limit: limit, modified: &modified)
  }

  /// Reads a file and the UTC day it was last modified (from the same `fstat`).
  public static func read(
    _ path: String, limit: Int = Int.max, modified: inout CalendarDate?
  ) -> Result<[UInt8], Failure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    let size = Int(status.st_size)
    modified = CalendarDate(daysSinceEpoch: Int(status.st_mtim.tv_sec) / 86_400)
    guard size <= limit else { return .failure(.tooLarge(size)) }
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map { Foundation.read(descriptor, $0 + offset, size - offset) } ?? 0
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(String(cString: strerror(errno))))
      }
      if count == 0 { break }
      offset += count
    }
    if offset < size { bytes.removeLast(size - offset) }
    return .success(bytes)
  }
}
