import Foundation

/// Text for the terminal, written at once. A terminal closed or a pipe no longer read
/// (`igfsite serve | head -3`) loses the text, never the process: Foundation's
/// `FileHandle.write(_:)` stops the program when a write fails.
enum Terminal {
  static func write(_ text: String, to handle: FileHandle) {
    try? handle.write(contentsOf: Data(text.utf8))
  }
}
