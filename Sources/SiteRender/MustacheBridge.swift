import Foundation
import Mustache

/// Lets swift-mustache walk `TemplateValue`s: lists render as sections, objects answer
/// lookups by name, and text renders (escaped unless in a triple mustache).
extension TemplateValue: MustacheCustomRepresentation {
  public var representation: Any? {
    switch self {
    case .text(let text): text
    case .bool(let flag): flag
    case .number(let number): number
    case .list(let items): items
    case .object(let object): object
    }
  }
}

extension TemplateObject: MustacheParent {
  public func child(named name: String) -> Any? {
    let value = fields[name]
    if let recorder = TemplateLookups.recorder {
      recorder.record(name, found: value != nil)
    }
    return value
  }
}

/// Records the names templates look up, so a test can find the names a template uses
/// that no view model provides (swift-mustache renders those as empty text, silently).
public final class TemplateLookups: @unchecked Sendable {
  @TaskLocal public static var recorder: TemplateLookups?

  private let lock = NSLock()
  private var found = Set<String>()
  private var missed = Set<String>()

  public init() {}

  func record(_ name: String, found isFound: Bool) {
    lock.lock()
    defer { lock.unlock() }
    if isFound { found.insert(name) } else { missed.insert(name) }
  }

  /// How many distinct names were looked up.
  public var namesLookedUp: Int {
    lock.lock()
    defer { lock.unlock() }
    return found.union(missed).count
  }

  /// Names looked up that were found in no object at all.
  public var neverFound: Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return missed.subtracting(found)
  }
}
