import Foundation
import SiteModel

/// An existing text brought in with `igfsite new … --from FILE`: the Secretariat's
/// documents as they were written, never reworded. A Markdown file is taken byte for byte;
/// a Word file goes through pandoc (GitHub-flavoured Markdown out). A first `# ` heading
/// becomes the title and leaves the body.
struct ImportedText {
  var title: String?
  var body: String

  static func read(_ path: String) throws(NewDocument.Failure) -> ImportedText {
    let url = URL(fileURLWithPath: path)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw .usage("\(path) does not exist; --from takes a Markdown (.md) or Word (.docx) file")
    }
    let text: String
    switch url.pathExtension.lowercased() {
    case "docx":
      text = try convertWordFile(url)
    case "doc":
      throw .usage("\(path) is an old Word .doc file; save it as .docx (or as Markdown) and try again")
    default:
      guard let data = FileManager.default.contents(atPath: url.path) else { throw .usage("\(path) cannot be read") }
      let decoded = SourceText.decode(data)
      if let invalid = decoded.invalidUTF8At {
        throw .usage(
          "\(path) is not valid UTF-8 (line \(invalid.line), column \(invalid.column)); save it as UTF-8 and try again")
      }
      text = decoded.text
    }
    if text.hasPrefix("---\n") {
      throw .usage("\(path) already has front matter; copy it into content/ as it is instead of using --from")
    }
    return split(text)
  }

  /// The first non-blank line, when it is a `# ` heading, is the title.
  static func split(_ text: String) -> ImportedText {
    var rest = text[...]
    while let newline = rest.firstIndex(of: "\n"), rest[..<newline].allSatisfy({ $0 == " " || $0 == "\t" }) {
      rest = rest[rest.index(after: newline)...]
    }
    let firstLine = rest.prefix { $0 != "\n" }
    guard firstLine.hasPrefix("# ") else { return ImportedText(title: nil, body: text) }
    let title = firstLine.dropFirst(2).trimmingCharacters(in: .whitespaces)
      .replacing(/\s+#+\s*$/, with: "")
    let body = rest.dropFirst(firstLine.count).drop { $0 == "\n" }
    return ImportedText(title: title.isEmpty ? nil : title, body: String(body))
  }

  /// `pandoc --from docx --to gfm`, with a clear message when pandoc is not installed.
  static func convertWordFile(_ url: URL) throws(NewDocument.Failure) -> String {
    guard let pandoc = executable(named: "pandoc") else {
      throw .usage(
        "reading a Word file needs pandoc, which is not installed; install it (Debian: apt-get install pandoc) or save \(url.lastPathComponent) as Markdown and use that"
      )
    }
    let process = Process()
    process.executableURL = pandoc
    process.arguments = ["--from", "docx", "--to", "gfm", "--wrap", "none", url.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw .usage("pandoc could not be started: \(error.localizedDescription)")
    }
    // Both pipes are drained at once: pandoc blocks on a full one while the other is read.
    let messages = PipeReader(errors.fileHandleForReading)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: messages.finish(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw .usage(
        "pandoc could not read \(url.lastPathComponent): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    return SourceText.decode(data).text
  }

  static func executable(named name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }.start()
  }

  func finish() -> Data {
    done.wait()
    return data
  }
}
