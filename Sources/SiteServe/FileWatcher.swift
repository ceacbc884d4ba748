import Foundation
import SiteModel

#if canImport(Glibc)
  import Glibc
#endif

/// Watches `content/` and `templates/` with Linux inotify (no polling: an edit is seen at
/// once and an idle preview costs nothing) and delivers batches of changed paths, relative
/// to the site folder. A burst of saves (an editor writing a backup, then the file, then
/// its metadata) arrives as one batch once the folder has been quiet for `quiet`.
public final class FileWatcher: @unchecked Sendable {
  public let changes: AsyncStream<Set<String>>
  private let continuation: AsyncStream<Set<String>>.Continuation
  private let descriptor: Int32
  private let siteRoot: String
  private let lock = NSLock()
  private var folders: [Int32: String] = [:]
  /// The roots' names: the site folder itself is watched for a root that appears (a site on
  /// the built-in theme gets its first `templates/`) or is made anew, and only for that.
  private var rootNames = Set<String>()
  private var siteWatch: Int32 = -1
  private var running = true
  private let quiet: TimeInterval
  private var thread: Thread?

  static let mask: UInt32 = UInt32(
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF)

  /// Starts watching `roots` (folders under `siteRoot`) and every folder inside them.
  public init(roots: [URL], siteRoot: URL, quiet: TimeInterval = 0.015) throws {
    self.siteRoot = siteRoot.standardizedFileURL.resolvingSymlinksInPath().path
    self.quiet = quiet
    (changes, continuation) = AsyncStream.makeStream(of: Set<String>.self, bufferingPolicy: .unbounded)
    descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard descriptor >= 0 else { throw CocoaError(.featureUnsupported) }
    for root in roots {
      let path = root.standardizedFileURL.resolvingSymlinksInPath().path
      rootNames.insert(URL(fileURLWithPath: path).lastPathComponent)
      if FileManager.default.fileExists(atPath: path) { addWatches(path) }
    }
    siteWatch = inotify_add_watch(descriptor, self.siteRoot, UInt32(IN_CREATE | IN_MOVED_TO))
    let thread = Thread { [weak self] in self?.loop() }
    thread.name = "igfsite file watcher"
    self.thread = thread
    thread.start()
  }

  deinit {
    stop()
  }

  /// Stops watching and ends the stream of changes.
  public func stop() {
    lock.lock()
    let wasRunning = running
    running = false
    lock.unlock()
    guard wasRunning else { return }
    continuation.finish()
  }

  private var isRunning: Bool {
    lock.lock()
    defer { lock.unlock() }
    return running
  }

  /// Watches a folder and, recursively, the folders in it.
  private func addWatches(_ path: String) {
    let wd = inotify_add_watch(descriptor, path, Self.mask)
    guard wd >= 0 else { return }
    lock.lock()
    folders[wd] = path
    lock.unlock()
    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
      var isDirectory: ObjCBool = false
      let child = path + "/" + name
      if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue {
        addWatches(child)
      }
    }
  }

  private func loop() {
    var pending = Set<String>()
    var lastEvent = Date.distantPast
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    defer { close(descriptor) }
    while isRunning {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let timeout: Int32 = pending.isEmpty ? 200 : Int32(max(1, quiet * 1000))
      let ready = poll(&poller, 1, timeout)
      if ready > 0 {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
          pending.formUnion(parse(buffer, count: count))
          lastEvent = Date()
        }
      }
      if !pending.isEmpty, Date().timeIntervalSince(lastEvent) >= quiet {
        continuation.yield(pending)
        pending = []
      }
    }
  }

  /// The site-relative paths named by a buffer of inotify events.
  private func parse(_ buffer: [UInt8], count: Int) -> Set<String> {
    var paths = Set<String>()
    var offset = 0
    let header = MemoryLayout<inotify_event>.size
    while offset + header <= count {
      let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
        return (event.wd, event.mask, Int(event.len))
      }
      let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
      let name = String(decoding: nameBytes, as: UTF8.self)
      offset += header + length
      if wd == siteWatch {
        // The site folder itself: only a root appearing counts (a folder, or a link to one).
        let full = siteRoot + "/" + name
        var isFolder: ObjCBool = false
        guard rootNames.contains(name), FileManager.default.fileExists(atPath: full, isDirectory: &isFolder),
          isFolder.boolValue
        else { continue }
        addWatches(full)
        for file in FileManager.default.enumerator(atPath: full)?.allObjects as? [String] ?? [] {
          paths.insert(relative(full + "/" + file))
        }
        paths.insert(relative(full))
        continue
      }
      lock.lock()
      let folder = folders[wd]
      lock.unlock()
      guard let folder, !Self.isEditorScratch(name) else { continue }
      let full = name.isEmpty ? folder : folder + "/" + name
      let isFolder = mask & UInt32(IN_ISDIR) != 0
      // In content/ only Markdown and YAML files are read: an editor's or sed's temporary
      // file (`sedqTszrD`) is no change to the site, nor worth a line in the log.
      guard isFolder || name.isEmpty || !Self.isContentIgnored(relative(full)) else { continue }
      if isFolder, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
        addWatches(full)
        // Files may have been written into the folder before the watch existed.
        for file in FileManager.default.enumerator(atPath: full)?.allObjects as? [String] ?? [] {
          let path = relative(full + "/" + file)
          if !Self.isContentIgnored(path) { paths.insert(path) }
        }
      }
      paths.insert(relative(full))
    }
    return paths
  }

  private func relative(_ path: String) -> String {
    path.hasPrefix(siteRoot + "/") ? String(path.dropFirst(siteRoot.count + 1)) : path
  }

  /// A file of `content/` igfsite does not read (anything but `.md` and `.yml`).
  static func isContentIgnored(_ sitePath: String) -> Bool {
    sitePath.hasPrefix("content/") && !sitePath.hasSuffix(".md") && !sitePath.hasSuffix(".yml")
  }

  /// Backup and swap files editors write next to the file being saved.
  static func isEditorScratch(_ name: String) -> Bool {
    name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
      || name.hasPrefix("#")
  }
}
