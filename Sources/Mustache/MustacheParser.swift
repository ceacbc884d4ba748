/// Parses Mustache source into nodes, following the Mustache specification: set
/// delimiters, comments, sections, partials and template inheritance, with standalone tag
/// lines removed and their indentation kept for partials, parents and blocks.
struct MustacheParser {
  let source: MustacheSource

  private struct Token {
    var isTag: Bool
    var start: Int
    var end: Int
    /// The tag's type character (`#`, `^`, `/`, `!`, `>`, `<`, `$`, `=`, `&`, `{`), 0 for a
    /// variable, and unused for text.
    var sigil: UInt8 = 0
    var name = ""
    var line: Int
    var column: Int
    var removed = false
    var standalone = false
    var indentation: [UInt8] = []
    /// Delimiters in effect after this token.
    var open: [UInt8] = []
    var close: [UInt8] = []
  }

  private static let standaloneSigils: Set<UInt8> = Set("#^/!><$=".utf8)

  func parse() throws(MustacheSyntaxError) -> [MustacheNode] {
    var tokens = try tokenize()
    markStandaloneLines(&tokens)
    return try buildTree(tokens)
  }

  private func error(_ message: String, line: Int, column: Int) -> MustacheSyntaxError {
    MustacheSyntaxError(file: source.file, line: line, column: column, message: message)
  }

  // MARK: Tokens

  private func tokenize() throws(MustacheSyntaxError) -> [Token] {
    let bytes = source.bytes
    var tokens: [Token] = []
    var open = source.open
    var close = source.close
    var position = 0
    var line = source.firstLine
    var lineStart = 0

    func appendText(_ from: Int, _ to: Int) {
      var start = from
      var index = from
      while index < to {
        if bytes[index] == 10 {
          tokens.append(
            Token(
              isTag: false, start: start, end: index + 1, line: line, column: start - lineStart + 1, open: open,
              close: close))
          line += 1
          lineStart = index + 1
          start = index + 1
        }
        index += 1
      }
      if start < to {
        tokens.append(
          Token(
            isTag: false, start: start, end: to, line: line, column: start - lineStart + 1, open: open, close: close))
      }
    }

    while position < bytes.count {
      guard let tagStart = Self.find(open, in: bytes, from: position) else {
        appendText(position, bytes.count)
        break
      }
      appendText(position, tagStart)
      let tagLine = line
      let tagColumn = tagStart - lineStart + 1
      var cursor = tagStart + open.count
      var sigil: UInt8 = 0
      if cursor < bytes.count {
        let candidate = bytes[cursor]
        if "#^/!><$=&".utf8.contains(candidate)
          || (candidate == UInt8(ascii: "{") && open == MustacheSource.defaultOpen)
        {
          sigil = candidate
          cursor += 1
        }
      }
      var closing = close
      if sigil == UInt8(ascii: "{") { closing = [UInt8(ascii: "}")] + close }
      if sigil == UInt8(ascii: "=") { closing = [UInt8(ascii: "=")] + close }
      guard let contentEnd = Self.find(closing, in: bytes, from: cursor) else {
        throw error(
          "a tag is opened with \(String(decoding: open, as: UTF8.self)) but never closed", line: tagLine,
          column: tagColumn)
      }
      let content = Self.trimmed(bytes[cursor..<contentEnd])
      let tagEnd = contentEnd + closing.count
      for index in tagStart..<tagEnd where bytes[index] == 10 {
        line += 1
        lineStart = index + 1
      }
      let name = String(decoding: content, as: UTF8.self)
      if sigil == UInt8(ascii: "=") {
        let parts = content.split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 })
        guard parts.count == 2 else {
          throw error("a set-delimiter tag needs two delimiters, as in {{=<% %>=}}", line: tagLine, column: tagColumn)
        }
        open = Array(parts[0])
        close = Array(parts[1])
      } else if sigil != UInt8(ascii: "!"), name.isEmpty {
        throw error("a tag has no name", line: tagLine, column: tagColumn)
      }
      tokens.append(
        Token(
          isTag: true, start: tagStart, end: tagEnd, sigil: sigil, name: name, line: tagLine, column: tagColumn,
          open: open, close: close))
      position = tagEnd
    }
    return tokens
  }

  /// `a.b.c` as the keys looked up one inside the other; `.` alone is the current value.
  static func path(_ name: String) -> [TemplateKey] {
    name == "."
      ? [TemplateKey(".")]
      : name.split(separator: ".", omittingEmptySubsequences: false).map { TemplateKey(String($0)) }
  }

  static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, needle.count <= bytes.count else { return nil }
    var index = start
    let last = bytes.count - needle.count
    while index <= last {
      if bytes[index] == first {
        var matches = true
        var offset = 1
        while offset < needle.count {
          if bytes[index + offset] != needle[offset] {
            matches = false
            break
          }
          offset += 1
        }
        if matches { return index }
      }
      index += 1
    }
    return nil
  }

  static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = bytes
    while let first = slice.first, first == 32 || first == 9 || first == 10 || first == 13 { slice.removeFirst() }
    while let last = slice.last, last == 32 || last == 9 || last == 10 || last == 13 { slice.removeLast() }
    return slice
  }

  // MARK: Standalone lines

  private func isWhitespace(_ token: Token) -> Bool {
    source.bytes[token.start..<token.end].allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
  }

  private func endsLine(_ token: Token) -> Bool {
    !token.isTag && token.end > token.start && source.bytes[token.end - 1] == 10
  }

  /// Removes the whitespace and line ending around a tag that stands alone on its line
  /// (or around a pair of adjacent tags that belong together, such as `{{$block}}{{/block}}`),
  /// and records the line's indentation on the tag.
  private func markStandaloneLines(_ tokens: inout [Token]) {
    let openers = matchingOpeners(tokens)
    var lineStart = 0
    while lineStart < tokens.count {
      var lineEnd = lineStart
      while lineEnd < tokens.count - 1, !endsLine(tokens[lineEnd]) { lineEnd += 1 }
      let range = lineStart...lineEnd
      lineStart = lineEnd + 1
      let tags = range.filter { tokens[$0].isTag }
      guard !tags.isEmpty, tags.count <= 2,
        tags.allSatisfy({ Self.standaloneSigils.contains(tokens[$0].sigil) }),
        range.allSatisfy({ tokens[$0].isTag || isWhitespace(tokens[$0]) })
      else { continue }
      // Text may only lead the line (its indentation) and end it (its line ending).
      let texts = range.filter { !tokens[$0].isTag }
      guard texts.allSatisfy({ $0 < tags[0] || $0 > tags[tags.count - 1] }),
        texts.filter({ $0 < tags[0] }).count <= 1
      else { continue }
      var keepLineEnding = false
      if tags.count == 2 {
        let (first, second) = (tokens[tags[0]], tokens[tags[1]])
        guard tags[1] == tags[0] + 1, let kind = Self.pairKind(first, second, opener: openers[tags[1]]) else {
          continue
        }
        // An empty block standing alone on its line keeps the line's ending: the block's
        // own content supplies none.
        keepLineEnding = kind == .emptyBlock
      }
      let leading = texts.first { $0 < tags[0] }
      let indentation = leading.map { Array(source.bytes[tokens[$0].start..<tokens[$0].end]) } ?? []
      if let leading { tokens[leading].removed = true }
      if !keepLineEnding, let trailing = texts.first(where: { $0 > tags[tags.count - 1] }) {
        tokens[trailing].removed = true
      }
      for tag in tags {
        tokens[tag].standalone = true
        tokens[tag].indentation = indentation
      }
    }
  }

  private enum PairKind { case emptyBlock, other }

  private static func pairKind(_ first: Token, _ second: Token, opener: UInt8?) -> PairKind? {
    let (a, b) = (first.sigil, second.sigil)
    let slash = UInt8(ascii: "/")
    let dollar = UInt8(ascii: "$")
    let less = UInt8(ascii: "<")
    if a == dollar, b == slash, first.name == second.name { return .emptyBlock }
    if a == less, b == slash, first.name == second.name { return .other }
    if a == less, b == dollar { return .other }
    if a == slash, b == slash, opener == less { return .other }
    return nil
  }

  /// For each closing tag, the type of the tag it closes.
  private func matchingOpeners(_ tokens: [Token]) -> [UInt8?] {
    var openers = [UInt8?](repeating: nil, count: tokens.count)
    var stack: [UInt8] = []
    for (index, token) in tokens.enumerated() where token.isTag {
      switch token.sigil {
      case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"): stack.append(token.sigil)
      case UInt8(ascii: "/"): openers[index] = stack.popLast()
      default: break
      }
    }
    return openers
  }

  // MARK: Tree

  private struct Frame {
    var sigil: UInt8
    var name: String
    var token: Int
    var children: [MustacheNode] = []
    var blocks: [(String, MustacheSource)] = []
  }

  private func buildTree(_ tokens: [Token]) throws(MustacheSyntaxError) -> [MustacheNode] {
    var stack = [Frame(sigil: 0, name: "", token: -1)]
    var pendingText: [UInt8] = []

    func flushText() {
      guard !pendingText.isEmpty else { return }
      if stack[stack.count - 1].sigil != UInt8(ascii: "<") {
        stack[stack.count - 1].children.append(.text(pendingText))
      }
      pendingText = []
    }

    for (index, token) in tokens.enumerated() where !token.removed {
      guard token.isTag else {
        pendingText += source.bytes[token.start..<token.end]
        continue
      }
      flushText()
      let insideParent = stack[stack.count - 1].sigil == UInt8(ascii: "<")
      switch token.sigil {
      case 0, UInt8(ascii: "&"), UInt8(ascii: "{"):
        if !insideParent {
          let path = Self.path(token.name)
          stack[stack.count - 1].children.append(.variable(path: path, raw: token.sigil != 0, line: token.line))
        }
      case UInt8(ascii: "!"), UInt8(ascii: "="):
        continue
      case UInt8(ascii: ">"):
        if !insideParent {
          stack[stack.count - 1].children.append(
            .partial(
              name: token.name, indentation: token.standalone ? token.indentation : [], line: token.line,
              column: token.column))
        }
      case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
        stack.append(Frame(sigil: token.sigil, name: token.name, token: index))
      case UInt8(ascii: "/"):
        let frame = stack.removeLast()
        guard frame.token >= 0 else {
          throw error(
            "{{/\(token.name)}} closes nothing: no section with that name is open", line: token.line,
            column: token.column)
        }
        guard frame.name == token.name else {
          throw error(
            "{{/\(token.name)}} closes a section opened as \(String(UnicodeScalar(frame.sigil)))\(frame.name) on line \(tokens[frame.token].line)",
            line: token.line, column: token.column)
        }
        close(frame, tokens: tokens, closer: index, into: &stack)
      default:
        continue
      }
    }
    flushText()
    if let open = stack.last, open.token >= 0 {
      let opener = tokens[open.token]
      throw error(
        "{{\(String(UnicodeScalar(open.sigil)))\(open.name)}} is never closed with {{/\(open.name)}}",
        line: opener.line, column: opener.column)
    }
    return stack[0].children
  }

  private func close(_ frame: Frame, tokens: [Token], closer: Int, into stack: inout [Frame]) {
    let opener = tokens[frame.token]
    let parentIsParent = stack[stack.count - 1].sigil == UInt8(ascii: "<")
    switch frame.sigil {
    case UInt8(ascii: "#"), UInt8(ascii: "^"):
      guard !parentIsParent else { return }
      let path = Self.path(opener.name)
      stack[stack.count - 1].children.append(
        .section(path: path, inverted: frame.sigil == UInt8(ascii: "^"), children: frame.children, line: opener.line))
    case UInt8(ascii: "<"):
      guard !parentIsParent else { return }
      stack[stack.count - 1].children.append(
        .parent(
          name: frame.name, indentation: opener.standalone ? opener.indentation : [], blocks: frame.blocks,
          line: opener.line, column: opener.column))
    case UInt8(ascii: "$"):
      // The block's text as written: from after its opening tag (and that line's ending, when
      // the tag stands alone) to its closing tag (or that line's indentation).
      var start = opener.end
      var firstLine = opener.line
      if frame.token + 1 < closer, tokens[frame.token + 1].removed, endsLine(tokens[frame.token + 1]) {
        start = tokens[frame.token + 1].end
        firstLine += 1
      }
      var end = tokens[closer].start
      if closer - 1 > frame.token, tokens[closer - 1].removed, !endsLine(tokens[closer - 1]), !tokens[closer - 1].isTag
      {
        end = tokens[closer - 1].start
      }
      let inner = start < end ? Array(source.bytes[start..<end]) : []
      var content = MustacheSource(
        bytes: inner, file: source.file, firstLine: firstLine, open: opener.open, close: opener.close)
      var reindent: [UInt8]?
      if opener.standalone {
        let (dedented, removed) = content.dedented()
        content = dedented
        reindent = removed.isEmpty ? opener.indentation : removed
      }
      if parentIsParent {
        stack[stack.count - 1].blocks.append((frame.name, content))
      } else {
        stack[stack.count - 1].children.append(.block(name: frame.name, content: content, reindent: reindent))
      }
    default:
      break
    }
  }
}
