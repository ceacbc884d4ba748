import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SiteBuild
import SiteModel
import UnixSignals

/// `igfsite serve`: builds the site, drafts included, into a private folder (never the
/// output folder), serves it over HTTP on the loopback interface, rebuilds when `content/`
/// or `templates/` change and makes every open page reload.
public final class PreviewServer: Sendable {
  public struct Configuration: Sendable {
    public var layout: SiteLayout
    public var host: String
    public var port: Int
    /// Host names the preview answers besides the loopback ones and its own address.
    public var allowedHosts: [String]
    /// Pages that may listen for reloads at once; more get 503.
    public var maximumListeners: Int
    /// Where messages for the terminal go.
    public var report: @Sendable (String) -> Void

    public init(
      layout: SiteLayout, host: String = "127.0.0.1", port: Int = 8000, allowedHosts: [String] = [],
      maximumListeners: Int = 256, report: @escaping @Sendable (String) -> Void = { print($0) }
    ) {
      self.layout = layout
      self.allowedHosts = allowedHosts
      self.host = host
      self.port = port
      self.maximumListeners = maximumListeners
      self.report = report
    }
  }

  public let configuration: Configuration
  /// The private folder the preview is built into; removed when the server stops.
  public let folder: URL

  public init(_ configuration: Configuration) {
    self.configuration = configuration
    folder = Self.memoryBackedFolder().appendingPathComponent(
      "\(Self.folderPrefix)\(getpid())-\(UUID().uuidString)", isDirectory: true)
  }

  static let folderPrefix = "igfsite-preview-"
  /// The file in a preview's private folder (beside the site it serves) that marks it as
  /// igfsite's, so that the next preview may remove it once its server is gone.
  public static let markerName = ".igfsite-preview"

  /// Removes the preview folders of servers that were killed (so could not remove their
  /// own): memory-backed folders hold on to memory until they are removed. Only folders
  /// whose server process is gone, and which carry the preview marker, go.
  static func removeStalePreviews(beside folder: URL) {
    let parent = folder.deletingLastPathComponent()
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    for name in names where name.hasPrefix(folderPrefix) && name != folder.lastPathComponent {
      guard let pid = name.dropFirst(folderPrefix.count).split(separator: "-").first.flatMap({ Int32($0) }),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      let stale = parent.appendingPathComponent(name, isDirectory: true)
      let marker = stale.appendingPathComponent(markerName)
      if FileManager.default.fileExists(atPath: marker.path) { try? FileManager.default.removeItem(at: stale) }
    }
  }

  /// Where previews go: a memory-backed folder when the system has a writable one (as
  /// Hugo serves from memory, rewriting a page costs no disk I/O), else the temporary folder.
  public static func memoryBackedFolder() -> URL {
    let environment = ProcessInfo.processInfo.environment
    let candidates = [environment["XDG_RUNTIME_DIR"], "/dev/shm"].compactMap { $0 }.filter { !$0.isEmpty }
    for candidate in candidates where access(candidate, W_OK | X_OK) == 0 {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), isFolder.boolValue {
        return URL(fileURLWithPath: candidate, isDirectory: true)
      }
    }
    return FileManager.default.temporaryDirectory
  }

  /// Runs until the task is cancelled (or SIGINT/SIGTERM when `handleSignals`), then
  /// removes the private folder. `onReady` receives the URL being served.
  public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (URL) async -> Void = { _ in }) async throws
  {
    let port = try PortFinder.free(host: configuration.host, from: configuration.port, report: configuration.report)
    guard let base = URL(string: "http://\(HostPolicy.bracketed(configuration.host)):\(port)/") else {
      throw PortFinder.PortError(message: "\(configuration.host) is not a host name or address igfsite can serve on")
    }
    let site = folder.appendingPathComponent("site", isDirectory: true)
    let options = BuildOptions(
      layout: configuration.layout, output: site, outputDisplay: "the preview folder", includeDrafts: true,
      baseURL: base.absoluteString)
    let state = PreviewState(
      options: options, maximumListeners: configuration.maximumListeners, report: configuration.report)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Drafts are private: the folder is the user's alone (/dev/shm is shared by every user).
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    try Data("The private folder of an igfsite preview; removed when it stops.\n".utf8)
      .write(to: folder.appendingPathComponent(Self.markerName))
    Self.removeStalePreviews(beside: folder)
    let first = await state.start()
    if !first.succeeded, !FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path) {
      // Nothing good to show yet: serve a page that lists the problems.
      try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
      try Data(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>igfsite preview</title></head><body><h1>The site cannot be rendered yet</h1><p>A settings file or a template has errors; they are listed below and in the terminal.</p></body></html>"
          .utf8
      )
      .write(to: site.appendingPathComponent("index.html"))
    }
    let watcher = try FileWatcher(
      roots: [configuration.layout.content, configuration.layout.templates], siteRoot: configuration.layout.root)
    defer { watcher.stop() }
    if !HostPolicy.isLoopback(configuration.host) {
      configuration.report(
        "warning: \(configuration.host) is not a loopback address: anyone who can reach this machine on port \(port) can read the preview, drafts included"
      )
    }
    let responder = PreviewResponder(
      files: StaticFiles(root: site), state: state,
      hosts: HostPolicy(boundTo: configuration.host, port: port, allowing: configuration.allowedHosts))
    let app = Application(
      responder: CallbackResponder<BasicRequestContext> { request, _ in await responder.respond(to: request) },
      server: .http1(
        configuration: .init(
          idleTimeout: .seconds(60),
          httpDecoderConfiguration: .init(
            maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100))),
      configuration: .init(address: .hostname(configuration.host, port: port), serverName: nil, reuseAddress: true),
      onServerRunning: { _ in await onReady(base) },
      logger: Logger(label: "igfsite.serve", factory: { _ in SwiftLogNoOpLogHandler() }))
    try await withTaskCancellationHandler {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          for await changed in watcher.changes {
            await state.rebuild(changed)
          }
        }
        group.addTask { try await app.run() }
        if handleSignals {
          group.addTask {
            for await _ in await UnixSignalsSequence(trapping: .sigint, .sigterm) { break }
          }
        }
        // Whichever ends first (a signal, or the server), stop the rest. Open reload
        // streams are closed first: the server waits for every response to end.
        _ = try await group.next()
        watcher.stop()
        await state.closeAll()
        group.cancelAll()
      }
    } onCancel: {
      watcher.stop()
      Task { await state.closeAll() }
    }
  }
}

/// Finds a port to listen on: the one asked for, or the next free one (and says so).
enum PortFinder {
  static func free(host: String, from port: Int, report: (String) -> Void) throws -> Int {
    if port == 0, let ephemeral = bind(host: host, port: 0) { return ephemeral }
    for candidate in port..<(port + 20) where bind(host: host, port: candidate) != nil {
      if candidate != port { report("Port \(port) is in use; serving on \(candidate) instead.") }
      return candidate
    }
    throw PortError(message: "ports \(port) to \(port + 19) on \(host) are all in use; pass --port with a free port")
  }

  struct PortError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }

  /// Binds a socket to see whether the port is free; returns the bound port.
  private static func bind(host: String, port: Int) -> Int? {
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketFD >= 0 else { return nil }
    defer { close(socketFD) }
    // As the server does: connections of a previous run in TIME_WAIT do not make a port busy.
    var reuse: Int32 = 1
    setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    // Hosts that are not IPv4 addresses are left for the server itself to bind.
    guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
      return port == 0 ? nil : port
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { return nil }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
