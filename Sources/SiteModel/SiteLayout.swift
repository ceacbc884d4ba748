import Foundation

/// Where a site's parts are on disk, and how to name its files in messages.
///
/// Messages name files the way the user would type them: relative to the folder igfsite
/// was started in when the site is there (`content/2017/x.md`), else with the site path as
/// given on the command line.
public struct SiteLayout: Sendable, Hashable {
  public let root: URL
  /// The `--site` argument as typed, used to prefix display paths; empty for `.`.
  public var displayPrefix: String
  /// The path of `content/`, worked out once: every document's file is read from under it.
  public let contentFolderPath: String

  public init(root: URL, displayPrefix: String = "") {
    self.root = root.standardizedFileURL
    contentFolderPath = self.root.appendingPathComponent("content", isDirectory: true).path
    var prefix = displayPrefix
    if prefix == "." || prefix == "./" { prefix = "" }
    if !prefix.isEmpty, !prefix.hasSuffix("/") { prefix += "/" }
    self.displayPrefix = prefix
  }

  /// The site folder given as a command-line argument.
  public init(sitePath: String) {
    let url = URL(fileURLWithPath: sitePath, isDirectory: true)
    self.init(root: url, displayPrefix: sitePath)
  }

  /// The site holding `folder`: the first of it and its parents with `content/site.yml`,
  /// as git finds `.git`; messages then name files relative to `folder` (`../content/…`).
  public static func enclosing(_ folder: URL) -> SiteLayout? {
    var candidate = folder.standardizedFileURL
    var climbed = 0
    while true {
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("content/site.yml").path) {
        return SiteLayout(root: candidate, displayPrefix: String(repeating: "../", count: climbed))
      }
      guard candidate.path != "/" else { return nil }
      candidate.deleteLastPathComponent()
      climbed += 1
    }
  }

  public var content: URL { root.appendingPathComponent("content", isDirectory: true) }
  public var templates: URL { root.appendingPathComponent("templates", isDirectory: true) }
  public var defaultOutput: URL { root.appendingPathComponent("output", isDirectory: true) }
  /// igfsite's own bookkeeping (build caches, the record of the output folders it made),
  /// kept out of the published folder so that publishing `output/` publishes the site only.
  public var bookkeeping: URL { root.appendingPathComponent(".igfsite", isDirectory: true) }

  /// The path shown in messages for a path relative to the site root.
  public func display(_ rootRelative: String) -> String { displayPrefix + rootRelative }

  /// The path shown for a file of `content/`.
  public func displayContent(_ contentRelative: String) -> String { display("content/" + contentRelative) }

  /// The path shown for a file of `templates/`.
  public func displayTemplate(_ templatesRelative: String) -> String { display("templates/" + templatesRelative) }

  /// Reads back a line of a file named by its display path, for printing under a message.
  public func sourceLine(displayPath: String, line: Int) -> String? {
    var relative = displayPath
    if !displayPrefix.isEmpty, relative.hasPrefix(displayPrefix) { relative.removeFirst(displayPrefix.count) }
    let url = root.appendingPathComponent(relative)
    guard line > 0, let data = try? Data(contentsOf: url) else { return nil }
    let text = SourceText.decode(data).text
    var current = 1
    for candidate in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == line { return String(candidate) }
      current += 1
    }
    return nil
  }
}

/// Turns a file's bytes into the text igfsite parses: UTF-8 checked, a byte-order mark
/// dropped, and CRLF or CR line endings made LF, so that a file saved on Windows builds the
/// same site as one saved elsewhere.
public enum SourceText {
  public struct Decoded: Sendable {
    public var text: String
    /// Where the first invalid UTF-8 byte is, when there is one (the text then holds
    /// replacement characters).
    public var invalidUTF8At: (line: Int, column: Int)?
  }

  public static func decode(_ data: Data) -> Decoded {
    decode(bytes: [UInt8](data))
  }

  /// Decodes bytes read from a file: one pass to find carriage returns, one validation.
  public static func decode(bytes input: [UInt8]) -> Decoded {
    var bytes = input
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes.removeFirst(3) }
    let hasCarriageReturn = bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return false }
      return memchr(base, 13, raw.count) != nil
    }
    if hasCarriageReturn {
      var normalised = [UInt8]()
      normalised.reserveCapacity(bytes.count)
      var index = 0
      while index < bytes.count {
        if bytes[index] == 13 {
          normalised.append(10)
          if index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
        } else {
          normalised.append(bytes[index])
        }
        index += 1
      }
      bytes = normalised
    }
    if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, invalidUTF8At: nil) }
    return Decoded(text: String(decoding: bytes, as: UTF8.self), invalidUTF8At: firstInvalidByte(bytes))
  }

  /// Line and column of the first byte that does not start or continue a valid scalar.
  static func firstInvalidByte(_ bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      var valid = length > 0 && index + length <= bytes.count
      if valid, length > 1 {
        valid = bytes[(index + 1)..<(index + length)].allSatisfy { $0 & 0xC0 == 0x80 }
        if valid, String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil { valid = false }
      }
      if !valid {
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
      }
      if byte == 10 {
        line += 1
        lineStart = index + 1
      }
      index += length
    }
    return (line, 1)
  }
}
