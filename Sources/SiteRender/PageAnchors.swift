/// Ids the page templates give their own landmarks and panels. Headings in a document
/// body never take them, so a `#fragment` always lands where it should and no id repeats.
public enum PageAnchors {
  public static let reserved: Set<String> = [
    "main", "site-nav", "site-search-q", "home-search-q", "search-q", "search-status", "search-results", "search-form",
    "search-cycle", "search-kind", "search-theme", "search-series", "search-more",
    "cycles-heading", "latest-heading", "about", "about-heading", "body", "errors", "errors-heading", "warnings",
    "warnings-heading",
    "participants", "participants-heading", "recommendations", "recommendations-heading", "references",
    "references-heading", "referenced-by", "referenced-by-heading", "series", "attention", "attention-heading",
    "balance", "balance-heading", "inventory", "inventory-heading",
  ]
}
