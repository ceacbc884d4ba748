import Foundation
import SiteContent
import SiteModel
import SiteSupport
import SiteWrite

/// What an output folder was built from, kept in the site's bookkeeping folder
/// (`.igfsite/builds/`, one file per output folder, never in the published folder): a build
/// whose inputs (every file of `content/` and `templates/`, by content hash), options and
/// igfsite executable are unchanged, and whose output files are as that build left them
/// (same names and sizes, none touched since), has nothing to do.
///
/// The cache is never trusted blindly: one written by another igfsite executable, for other
/// options, or damaged in any way (its last line checks all the others) is ignored, and the
/// site is built in full.
struct BuildCache: Equatable {
  static let format = "igfsite-cache 4"

  /// Where the cache of an output folder is kept: named by a hash of the folder's path.
  static func location(of output: URL, layout: SiteLayout) -> URL {
    var path = OutputGuard.canonical(output).path
    let key = path.withUTF8 { String(ContentHash.of(UnsafeRawBufferPointer($0)), radix: 16) }
    return layout.bookkeeping.appendingPathComponent("builds/\(key).cache")
  }

  /// One line per input and option, in a fixed order.
  var inputs: [String]
  /// One line per output file: its size and path (no times, so that the cache file is the
  /// same for two builds of the same site). Whether the output is as the build left it is
  /// told from these and the files' change times, so their bytes are not hashed.
  var outputs: [String]
  /// The problems the build reported (warnings), to report them again.
  var diagnostics: [Diagnostic]
  var documents: Int
  var pages: Int
  /// The output folder's status-change time right after the new site was swapped in, as
  /// the output's own file system keeps time: no file of the site may be newer.
  var swappedIn: FileTime = FileTime(seconds: 0, nanoseconds: 0)
  /// The output folder's device and inode after the swap: another folder moved to the same
  /// path is not the one this cache describes.
  var folder: String = ""

  /// The inputs of a build as the cache records them; nil when they cannot all be read
  /// (the build will then report why).
  static func inputs(of options: BuildOptions) -> [String]? {
    let files = ContentWalker.walk(options.layout)
    guard files.diagnostics.isEmpty, let settings = settingsInputs(of: options) else { return nil }
    let root = options.layout.root.path + "/"
    let markdown = Parallel.map(files.markdown, jobs: options.jobs) { path -> (String, String?) in
      let file = "content/" + path
      guard case .success(let bytes) = FileBytes.read(root + file) else { return (file, nil) }
      return (file, line(hash: bytes.withUnsafeBytes(ContentHash.of), size: bytes.count, path: file))
    }
    var lines: [String: String] = [:]
    for (file, line) in markdown {
      guard let line else { return nil }
      lines[file] = line
    }
    return inputs(of: options, settings: settings, markdown: lines)
  }

  /// The inputs from the lines of the settings, schema and templates (`settingsInputs`) and
  /// of the Markdown files, by path, in path order.
  static func inputs(of options: BuildOptions, settings: [String: String], markdown: [String: String]) -> [String] {
    let lines = settings.merging(markdown) { first, _ in first }
    return [
      "igfsite \(IgfsiteVersion.current) \(executableIdentity)",
      "options drafts=\(options.includeDrafts) strict=\(options.strict) base=\(options.baseURL ?? "-") display=\(options.layout.displayPrefix)",
    ] + lines.keys.sorted().compactMap { lines[$0] }
  }

  /// The lines of the inputs that are not Markdown (the settings, people, schema, series
  /// and templates), by path: read and hashed before a build reads them, so that a file
  /// changed meanwhile makes the next build a full one. Nil when one cannot be read.
  static func settingsInputs(of options: BuildOptions) -> [String: String]? {
    let layout = options.layout
    var paths = ["content/site.yml", "content/people.yml", "content/modalities.yml"]
    // series.yml is optional: recorded when there is one.
    if FileManager.default.fileExists(atPath: layout.content.appendingPathComponent("series.yml").path) {
      paths.append("content/series.yml")
    }
    // A site without templates/ uses the built-in theme, which the executable's identity covers.
    if FileManager.default.fileExists(atPath: layout.templates.path) {
      guard let templates = FileManager.default.enumerator(at: layout.templates, includingPropertiesForKeys: nil) else {
        return nil
      }
      let templatesRoot = layout.templates.standardizedFileURL.path + "/"
      for case let url as URL in templates where !url.hasDirectoryPath {
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(templatesRoot) else { return nil }
        paths.append("templates/" + path.dropFirst(templatesRoot.count))
      }
    }
    let root = layout.root.path + "/"
    var lines: [String: String] = [:]
    for path in paths {
      guard case .success(let bytes) = FileBytes.read(root + path) else { return nil }
      lines[path] = line(hash: bytes.withUnsafeBytes(ContentHash.of), size: bytes.count, path: path)
    }
    return lines
  }

  /// The executable's size and modification time: any rebuilt igfsite, even of the same
  /// version, starts with a fresh cache.
  static let executableIdentity: String = {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 || stat(CommandLine.arguments[0], &status) == 0 else { return "unknown" }
    return "\(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
  }()

  /// Whether a folder holds exactly the files the cache lists, with their sizes, none of
  /// them changed since the cache was written: every file's status-change time (which any
  /// write or `touch` moves forward, and which cannot be set back) is no later than the
  /// cache file's. Checking this costs a `stat` per file instead of reading the whole site.
  func outputsUnchanged(in folder: URL, jobs: Int? = nil) -> Bool {
    guard Self.identity(of: folder) == self.folder else { return false }
    let root = folder.path + "/"
    let limit = (swappedIn.seconds, swappedIn.nanoseconds)
    @Sendable func unchanged(_ relative: String, folder: Bool, size: Int = 0) -> Bool {
      var status = stat()
      guard lstat(root + relative, &status) == 0, (status.st_ctim.tv_sec, status.st_ctim.tv_nsec) <= limit else {
        return false
      }
      return folder
        ? (status.st_mode & S_IFMT) == S_IFDIR : (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) == size
    }
    // Tens of thousands of files and folders: looked at on every core, a share each.
    let shares = Self.shares(of: outputs, count: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    let looked = Parallel.map(shares, jobs: jobs) { lines -> (Set<String>, Set<String>)? in
      var topLevel: Set<String> = []
      var folders = Set<String>()
      for line in lines {
        let fields = line.split(separator: " ", maxSplits: 1)
        guard fields.count == 2, let size = Int(fields[0]) else { return nil }
        let path = fields[1]
        topLevel.insert(String(path.prefix { $0 != "/" }))
        // Every folder above the file, so a file put into a folder of folders is seen too.
        var parent = path
        while let slash = parent.lastIndex(of: "/") {
          parent = parent[..<slash]
          guard folders.insert(String(parent)).inserted else { break }
        }
        guard unchanged(String(path), folder: false, size: size) else { return nil }
      }
      return (topLevel, folders)
    }
    var topLevel: Set<String> = []
    var folders = Set<String>()
    for share in looked {
      guard let (top, inside) = share else { return false }
      topLevel.formUnion(top)
      folders.formUnion(inside)
    }
    // A file added or removed inside a folder moves the folder's change time; the output
    // folder itself was renamed into place before the cache was written, so its top-level
    // entries are listed.
    let foldersUnchanged = Parallel.map(Self.shares(of: Array(folders), count: shares.count), jobs: jobs) { names in
      names.allSatisfy { unchanged($0, folder: true) }
    }
    guard foldersUnchanged.allSatisfy({ $0 }),
      let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return false }
    return entries.allSatisfy { topLevel.contains($0) || OutputGuard.placeholderNames.contains($0) }
  }

  /// `items` in `count` consecutive shares of about the same size (fewer for few items).
  static func shares<Item>(of items: [Item], count: Int) -> [ArraySlice<Item>] {
    let count = max(1, min(count, items.count / 256))
    return (0..<count).map { share in items[(share * items.count / count)..<((share + 1) * items.count / count)] }
  }

  /// The status-change time of an output folder just swapped into place, as the output's
  /// own file system keeps time: the swap renamed the folder after every file in it was
  /// written, so no file of the build is newer. A file system that leaves a renamed
  /// folder's time alone gives an older time, and the next build only builds in full.
  static func swapTime(of folder: URL) -> FileTime? {
    var status = stat()
    guard stat(folder.path, &status) == 0 else { return nil }
    return FileTime(seconds: status.st_ctim.tv_sec, nanoseconds: status.st_ctim.tv_nsec)
  }

  /// `device inode` of a folder.
  static func identity(of folder: URL) -> String {
    var status = stat()
    guard stat(folder.path, &status) == 0 else { return "" }
    return "\(status.st_dev) \(status.st_ino)"
  }

  /// Returns once the clock has moved past `time` (a few milliseconds at most): file times
  /// tick coarsely, and an output file changed in the same tick as the swap would otherwise
  /// look as old as the site.
  static func waitPast(_ time: FileTime) {
    for _ in 0..<100 {
      var now = timespec()
      clock_gettime(CLOCK_REALTIME_COARSE, &now)
      if (now.tv_sec, now.tv_nsec) > (time.seconds, time.nanoseconds) { return }
      usleep(1_000)
    }
  }

  /// How the cache records an input file.
  static func line(hash: UInt64, size: Int, path: String) -> String {
    "\(String(hash, radix: 16)) \(size) \(path)"
  }

  /// How the cache records an output file (the same as `StagedOutput.writtenFiles`).
  static func outputLine(size: Int, path: String) -> String { "\(size) \(path)" }

  /// The cache in a file, when it is whole and readable.
  static func load(from file: URL) -> BuildCache? {
    guard case .success(let bytes) = FileBytes.read(file.path, limit: 256 << 20),
      String(validating: bytes, as: UTF8.self) != nil
    else { return nil }
    // Lines found and compared as bytes: a build with nothing changed reads 20,000 of them
    // at 10,000 documents before anything else.
    var ends: [Int] = []
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { ends.append(offset) }
    guard ends.count >= 3, ends.last == bytes.count - 1 else { return nil }
    // The last line proves the ones before it whole: their bytes, without the final newline.
    let body = bytes[..<ends[ends.count - 2]]
    let check = String(decoding: bytes[(ends[ends.count - 2] + 1)..<ends[ends.count - 1]], as: UTF8.self)
    guard check == "check \(body.withUnsafeBytes { String(ContentHash.of($0), radix: 16) })" else { return nil }
    var cache = BuildCache(inputs: [], outputs: [], diagnostics: [], documents: 0, pages: 0)
    let decoder = JSONDecoder()
    var start = 0
    for (number, end) in ends.dropLast().enumerated() {
      let line = bytes[start..<end]
      start = end + 1
      if number == 0 {
        guard line.elementsEqual(format.utf8) else { return nil }
        continue
      }
      guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return nil }
      let name = line[..<space]
      let value = String(decoding: line[(space + 1)...], as: UTF8.self)
      switch String(decoding: name, as: UTF8.self) {
      case "input": cache.inputs.append(value)
      case "output": cache.outputs.append(value)
      case "documents": cache.documents = Int(value) ?? 0
      case "pages": cache.pages = Int(value) ?? 0
      case "folder": cache.folder = value
      case "swapped":
        let parts = value.split(separator: " ").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        cache.swappedIn = FileTime(seconds: parts[0], nanoseconds: parts[1])
      case "diagnostic":
        guard let diagnostic = try? decoder.decode(Diagnostic.self, from: Data(value.utf8)) else { return nil }
        cache.diagnostics.append(diagnostic)
      default: return nil
      }
    }
    return cache
  }

  /// The cache file's bytes, ending with the line that proves the others whole.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// `text` as bytes, put together in one buffer: the cache of 10,000 documents has 30,000
  /// lines, written at the end of a build while nothing else runs.
  var bytes: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var body: [UInt8] = []
    body.reserveCapacity(64 * (inputs.count + outputs.count) + 256)
    func line(_ parts: String...) {
      if !body.isEmpty { body.append(UInt8(ascii: "\n")) }
      for part in parts { body.append(contentsOf: part.utf8) }
    }
    line(Self.format)
    line("documents \(documents)")
    line("pages \(pages)")
    line("swapped \(swappedIn.seconds) \(swappedIn.nanoseconds)")
    line("folder ", folder)
    for input in inputs { line("input ", input) }
    for output in outputs { line("output ", output) }
    for diagnostic in diagnostics {
      if let json = try? encoder.encode(diagnostic) { line("diagnostic ", String(decoding: json, as: UTF8.self)) }
    }
    let check = body.withUnsafeBytes { String(ContentHash.of($0), radix: 16) }
    line("check ", check, "\n")
    return body
  }
}

/// A file time, as `stat` gives it.
struct FileTime: Equatable {
  var seconds: Int
  var nanoseconds: Int
}
