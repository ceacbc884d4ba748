import ArgumentParser
import Foundation
import SiteServe

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Preview the site in a browser, drafts included, rebuilding and reloading on every save.",
    discussion: """
      The preview is built into a private folder (never output/; in memory under \
      $XDG_RUNTIME_DIR or /dev/shm when available) and removed when \
      the server stops (Ctrl-C). Pages reload by themselves after each save. Documents with \
      content problems are shown as they are, their errors listed at the top of their page; \
      only a settings file or template with errors keeps the last good build. The preview \
      answers only requests for 127.0.0.1, localhost, [::1], --host and --allow-host names.
      """)

  @OptionGroup var siteOption: SiteOption

  @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "host"))
  var host = "127.0.0.1"

  @Option(name: .long, help: ArgumentHelp("The port; the next free one is used when it is taken.", valueName: "port"))
  var port = 8000

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Another host name the preview answers to (repeatable); by default only 127.0.0.1, localhost, [::1] and --host.",
      valueName: "name"))
  var allowHost: [String] = []

  @Flag(name: .long, help: "Open the preview in the default browser.")
  var open = false

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
  }

  func run() async throws {
    // Each rebuild's lines reach the terminal (or a log file) as they happen, unbuffered.
    let say: @Sendable (String) -> Void = { Terminal.write($0 + "\n", to: .standardOutput) }
    let server = PreviewServer(
      .init(layout: try siteOption.requireLayout(), host: host, port: port, allowedHosts: allowHost, report: say))
    let open = self.open
    do {
      try await server.run { url in
        say("Serving the preview at \(url) (drafts included); press Ctrl-C to stop.")
        if open { Browser.open(url) }
      }
    } catch {
      Output.error("error: the preview server stopped: \(error)\n")
      throw ExitStatus.failure
    }
    say("Stopped; removed the preview folder.")
  }
}

enum Browser {
  /// Opens `url` with the desktop's browser, when there is one.
  static func open(_ url: URL) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["xdg-open", url.absoluteString]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      Output.error("Could not open a browser (\(error.localizedDescription)); open \(url) yourself.\n")
    }
  }
}
