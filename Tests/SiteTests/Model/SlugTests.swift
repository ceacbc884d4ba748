import SiteModel
import Testing

/// Theme ids and anchors are URLs people bookmark: the ASCII fast path must give exactly
/// what the folding path gives.
@Suite struct SlugTests {
  @Test(arguments: [
    ("Gender & Access", "gender-access"),
    ("  Local content  ", "local-content"),
    ("IPv6 -- Deployment", "ipv6-deployment"),
    ("Fernández", "fernandez"),
    ("Ça va, Zoë?", "ca-va-zoe"),
    ("Данные", ""),
    ("Cyber 東京 norms", "cyber-norms"),
    ("", ""),
  ])
  func slugs(text: String, expected: String) {
    #expect(Slug.make(text) == expected)
  }

  @Test func keepsALeadingUnderscoreOnlyWhenAsked() {
    #expect(Slug.make("_cycle", keepUnderscorePrefix: true) == "_cycle")
    #expect(Slug.make("_cycle") == "cycle")
    #expect(Slug.make("_Ça", keepUnderscorePrefix: true) == "_ca")
  }
}
