import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, for tests that must send what a browser
/// never would (`..` in a path, odd methods, oversized headers) and read event streams.
public final class RawHTTP: @unchecked Sendable {
  public struct Response: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: String
  }

  private let descriptor: Int32

  public init(port: Int, host: String = "127.0.0.1", timeout: TimeInterval = 5) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    inet_pton(AF_INET, host, &address.sin_addr)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(descriptor)
      throw CocoaError(.fileReadUnknown)
    }
    var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit {
    close(descriptor)
  }

  public func send(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        buffer in buffer.baseAddress.map { Glibc.send(descriptor, $0 + offset, buffer.count - offset, 0) } ?? 0
      }
      if written <= 0 { return }
      offset += written
    }
  }

  /// Reads until the connection closes or nothing arrives for the timeout.
  public func readAll() -> String {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count <= 0 { break }
      data.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Reads until `text` has arrived (true) or the timeout passes (false).
  public func read(until text: String, seen: inout String) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !seen.contains(text) {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count <= 0 { return false }
      seen += String(decoding: buffer[0..<count], as: UTF8.self)
    }
    return true
  }

  /// One request on a fresh connection, closed after the response.
  /// - Parameter host: the `Host` header's value (by default the preview's own,
  ///   `127.0.0.1:PORT`); `.some(nil)` sends none.
  public static func request(
    _ method: String, _ target: String, port: Int, headers: [String] = [], host: String?? = .none,
    timeout: TimeInterval = 5
  ) throws -> Response {
    let connection = try RawHTTP(port: port, timeout: timeout)
    let hostLine: [String]
    switch host {
    case .none: hostLine = ["Host: 127.0.0.1:\(port)"]
    case .some(.none): hostLine = []
    case .some(.some(let value)): hostLine = ["Host: \(value)"]
    }
    let lines = ["\(method) \(target) HTTP/1.1"] + hostLine + ["Connection: close"] + headers
    connection.send(lines.joined(separator: "\r\n") + "\r\n\r\n")
    return parse(connection.readAll())
  }

  public static func parse(_ raw: String) -> Response {
    let parts = raw.components(separatedBy: "\r\n\r\n")
    let head = parts.first ?? ""
    let body = parts.dropFirst().joined(separator: "\r\n\r\n")
    var lines = head.components(separatedBy: "\r\n")
    let statusLine = lines.isEmpty ? "" : lines.removeFirst()
    let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return Response(status: status, headers: headers, body: body)
  }
}
