/// igfsite's version, printed by `igfsite --version` and recorded in build caches.
public enum IgfsiteVersion {
  public static let current = "0.6.0"
}
