/// Ids the page templates give their own landmarks and panels. Headings in a document
/// body never take them, so a `#fragment` always lands where it should and no id repeats.
public enum PageAnchors {
  public static let reserved: Set<String> = [
    "main", "top", "search", "site-nav", "about", "metadata", "body", "participants", "recommendations",
    "references", "referenced-by", "warnings", "series", "inventory", "attention", "balance", "footnotes",
  ]
}
