import Foundation
import SiteModel
import SiteSupport

/// Reads one Markdown file of `content/` and splits it, reporting an unreadable file,
/// invalid UTF-8, a bad file name or missing front matter as diagnostics.
public enum SourceReader {
  /// Largest document accepted; the biggest IGF reports are well under 1 MB of text.
  public static let maximumBytes = 16 * 1024 * 1024

  /// - Parameter languages: the site's default language and its others, which a
  ///   translation's file name ends in (`proposal.fr.md`).
  /// - Parameter hashesBytes: whether the bytes' hash is worked out (`byteHash`), for a
  ///   build's cache.
  public static func read(
    contentPath: String, layout: SiteLayout, languages: (default: String, others: Set<String>) = ("en", []),
    hashesBytes: Bool = true
  ) -> Result<SourceDocument, Diagnostic> {
    let file = layout.displayContent(contentPath)
    guard let id = DocumentID(contentPath: contentPath) else {
      return .failure(Diagnostic(.error, .contentUnreadable, "not a Markdown file", at: SourceLocation(file: file)))
    }
    let named = id.translation(languages: languages.others)?.source ?? id
    if named == id, let suffix = id.languageSuffix,
      DocumentID(String(id.rawValue.dropLast(suffix.count + 1))).namingProblem == nil
    {
      return .failure(misnamedTranslation(id, suffix: suffix, languages: languages, file: file))
    }
    if let problem = named.namingProblem {
      return .failure(
        Diagnostic(
          .error, .contentFileName, "the file name cannot be a permanent URL: \(problem)",
          at: SourceLocation(file: file),
          help:
            "rename it to content/\(named == id ? id.suggestedRename.contentPath : named.suggestedRename.rawValue + String(id.rawValue.dropFirst(named.rawValue.count)) + ".md")"
        ))
    }
    let path = layout.contentFolderPath + "/" + contentPath
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
      source.byteCount = bytes.count
      if hashesBytes { source.byteHash = bytes.withUnsafeBytes(ContentHash.of) }
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
    // Read straight into the array's storage: zeroing it first cost as much as the copy.
    var failure: Int32?
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var offset = 0
      while offset < size, let base = buffer.baseAddress {
        let count = Foundation.read(descriptor, base + offset, size - offset)
        if count < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if count == 0 { break }
        offset += count
      }
      initialized = offset
    }
    if let failure { return .failure(.unreadable(String(cString: strerror(failure)))) }
    return .success(bytes)
  }
}

extension SourceReader {
  /// A file named like a translation (`proposal.fr.md`) into the site's default language or
  /// into a UN language the site does not list.
  static func misnamedTranslation(
    _ id: DocumentID, suffix: String, languages: (default: String, others: Set<String>), file: String
  ) -> Diagnostic {
    let name = id.name
    let base = name.dropLast(suffix.count + 1)
    if suffix == languages.default {
      return Diagnostic(
        .error, .translationLanguage,
        "\(name).md ends in the site's default language (\(suffix)); the text in the default language has no language in its name",
        at: SourceLocation(file: file), help: "rename the file \(base).md")
    }
    let listed = ([languages.default] + languages.others.sorted()).joined(separator: ", ")
    return Diagnostic(
      .error, .translationLanguage,
      "\(name).md reads as a translation into \(Language(suffix).englishName) (\(suffix)), which is not one of the site's languages (\(listed))",
      at: SourceLocation(file: file), help: "add \(suffix) to languages: in content/site.yml")
  }
}
