import CMarkdownArena
import Foundation
import SiteMarkdown
import Testing

/// cmark-gfm allocates a body's nodes and buffers from the thread's arena, which is reset
/// after each body: memory handed out must keep its contents until then, and a body far
/// larger than the arena's first block must render as the same text in small pieces does.
@Suite struct MarkdownArenaTests {
  @Test func allocationsAreZeroedAlignedAndKeptUntilTheScopeEnds() throws {
    igfsite_arena_begin()
    defer { igfsite_arena_end() }
    let first = try #require(igfsite_arena_calloc(10, 8))
    let bytes = first.assumingMemoryBound(to: UInt8.self)
    #expect((0..<80).allSatisfy { bytes[$0] == 0 })
    #expect(Int(bitPattern: first) % 16 == 0)
    memset(first, 7, 80)
    let second = try #require(igfsite_arena_calloc(1, 24))
    #expect(Int(bitPattern: second) % 16 == 0)
    #expect((0..<80).allSatisfy { bytes[$0] == 7 }, "a later allocation overwrote an earlier one")
  }

  @Test func reallocationKeepsTheContentsWhetherItGrowsInPlaceOrMoves() throws {
    igfsite_arena_begin()
    defer { igfsite_arena_end() }
    let text = Array("the content of a growing buffer".utf8)
    var buffer = try #require(igfsite_arena_realloc(nil, text.count))
    text.withUnsafeBytes { raw in
      if let base = raw.baseAddress { buffer.copyMemory(from: base, byteCount: raw.count) }
    }
    // The newest allocation grows where it is.
    let grown = try #require(igfsite_arena_realloc(buffer, 64))
    #expect(grown == buffer)
    buffer = grown
    // Another allocation after it: growing now moves it, contents and all, and far
    // beyond the first block.
    _ = igfsite_arena_calloc(1, 16)
    let moved = try #require(igfsite_arena_realloc(buffer, 1 << 20))
    #expect(moved != buffer)
    let movedBytes = UnsafeRawBufferPointer(start: moved, count: text.count)
    #expect(Array(movedBytes) == text)
    // The newest allocation given back is room for the next one.
    igfsite_arena_free(moved)
    let next = try #require(igfsite_arena_calloc(1, 32))
    #expect(next == moved)
  }

  @Test func nestedScopesResetOnlyAtTheOutermostEnd() throws {
    igfsite_arena_begin()
    let outer = try #require(igfsite_arena_calloc(1, 32)).assumingMemoryBound(to: UInt8.self)
    outer[0] = 42
    igfsite_arena_begin()
    let inner = try #require(igfsite_arena_calloc(1, 32))
    igfsite_arena_end()
    #expect(outer[0] == 42)
    // Still inside the outer scope: the next allocation comes after the inner one.
    let after = try #require(igfsite_arena_calloc(1, 32))
    #expect(after != inner)
    igfsite_arena_end()
    // After the reset, the arena hands out its first block again from the start.
    igfsite_arena_begin()
    let fresh = try #require(igfsite_arena_calloc(1, 32))
    #expect(fresh == UnsafeMutableRawPointer(outer))
    igfsite_arena_end()
  }

  @Test func aBodyLargerThanTheFirstBlockRendersAsItsPiecesDo() {
    let renderer = MarkdownRenderer(options: .cmarkCompatible(unsafeHTML: false, extensions: [.table, .autolink]))
    let pieces = (1...3000).map { number in
      "## Part \(number)\n\nParagraph \(number) with *emphasis*, a [link](https://example.org/\(number)) and www.igf\(number).org.\n\n| a | b |\n|---|---|\n| \(number) | x |\n"
    }
    let whole = renderer.html(pieces.joined(separator: "\n"))
    #expect(whole.utf8.count > 512 * 1024, "the body should outgrow the arena's first block")
    #expect(whole == pieces.map(renderer.html).joined())
    // Rendered again in the reused arena: the same.
    #expect(renderer.html(pieces.joined(separator: "\n")) == whole)
  }

  @Test func headingsAndParagraphsOfALargeBodyAreAllAnchored() {
    let body = (1...2000).map { "## Section \($0)\n\nText of section \($0).\n" }.joined(separator: "\n")
    let rendered = MarkdownRenderer(options: MarkdownOptions()).render(body)
    #expect(rendered.headings.count == 2000)
    #expect(rendered.paragraphAnchors.count == 2000)
    #expect(rendered.html.contains(#"<h2 id="section-2000">Section 2000</h2>"#))
    #expect(rendered.html.contains(#"id="p2000""#))
  }
}
