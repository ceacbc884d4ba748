/// Which requests the preview answers: those addressed to the preview itself (its `Host`
/// is a loopback name, the address it is bound to, or a name given with `--allow-host`, with
/// the preview's port) and not sent by another site's page (`Origin`).
///
/// Drafts are private: without this, any web page a facilitator visits could read them
/// through DNS rebinding (a name that first resolves to the attacker, then to 127.0.0.1).
public struct HostPolicy: Sendable, Hashable {
  /// Lowercased names a `Host` may carry, IPv6 addresses in brackets.
  public let names: [String]
  public let port: Int

  public static let loopbackNames = ["127.0.0.1", "localhost", "[::1]"]

  public init(boundTo host: String, port: Int, allowing extra: [String] = []) {
    var names = Self.loopbackNames
    for name in [host] + extra {
      let normalised = Self.bracketed(name.lowercased())
      if !names.contains(normalised) { names.append(normalised) }
    }
    self.names = names
    self.port = port
  }

  /// Whether a `Host` header names this preview: one of the names, without a port or with
  /// the preview's. Nil (no header) is refused.
  public func allows(host header: String?) -> Bool {
    guard let header, let (name, port) = Self.split(header.lowercased()) else { return false }
    guard names.contains(name) else { return false }
    return port.map { $0 == self.port } ?? true
  }

  /// Whether an `Origin` header is the preview's own (or absent: a plain navigation). An
  /// origin without a port is on port 80.
  public func allows(origin header: String?) -> Bool {
    guard let header else { return true }
    let origin = header.lowercased()
    guard origin.hasPrefix("http://"), let (name, port) = Self.split(String(origin.dropFirst("http://".count))) else {
      return false
    }
    return names.contains(name) && (port ?? 80) == self.port
  }

  /// `["localhost:8000", …]`, for the refusal's text.
  public var described: String {
    names.map { "\($0):\(port)" }.joined(separator: ", ")
  }

  /// The name of a `Host` header without its port (`[::1]` for `[::1]:8000`).
  public static func name(of header: String) -> String {
    split(header.lowercased())?.name ?? header
  }

  /// `("[::1]", 8000)` for `[::1]:8000`, `("localhost", nil)` for `localhost`; nil for
  /// text that is no host.
  static func split(_ header: String) -> (name: String, port: Int?)? {
    var name = Substring(header)
    var port: Int?
    if name.hasPrefix("[") {
      guard let close = name.firstIndex(of: "]") else { return nil }
      let rest = name[name.index(after: close)...]
      name = name[...close]
      if !rest.isEmpty {
        guard rest.hasPrefix(":"), let number = Int(rest.dropFirst()) else { return nil }
        port = number
      }
    } else if let colon = name.lastIndex(of: ":") {
      guard let number = Int(name[name.index(after: colon)...]) else { return nil }
      port = number
      name = name[..<colon]
    }
    guard !name.isEmpty, !name.contains("/"), !name.contains("@") else { return nil }
    return (String(name), port)
  }

  /// An IPv6 address in brackets, as it appears in a `Host` header.
  static func bracketed(_ name: String) -> String {
    name.contains(":") && !name.hasPrefix("[") ? "[\(name)]" : name
  }

  /// Whether the preview listens on the loopback interface only.
  public static func isLoopback(_ host: String) -> Bool {
    let name = host.lowercased()
    return name == "localhost" || name == "::1" || name == "[::1]" || name.hasPrefix("127.")
  }
}
