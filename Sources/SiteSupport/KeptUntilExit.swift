/// Values a command that ends the process right after keeps instead of freeing them:
/// freeing a large site's documents, links and pages took a fifth of a second on one core
/// at the end of every build, and the process's exit returns the memory at once.
public enum KeptUntilExit {
  private final class Box<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  /// Keeps `value` alive until the process exits (never released).
  public static func keep<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(Box(value))
  }
}
