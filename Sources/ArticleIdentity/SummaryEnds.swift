/// The start and the end of a long text that is not all ASCII, cut so that folding each alone gives
/// the first and the last words of folding the whole (`FoldedWords`): `NearDuplicate.hints` needs no
/// more, and folding a whole summary a scalar at a time was most of the cost of its hints.
///
/// The cuts are found on the raw bytes. A raw word is a run of ASCII letters and digits and of any
/// non-ASCII bytes. Folding never joins two raw words (the ASCII bytes between them stay punctuation
/// or space), but it may split one (a typographic apostrophe or a no-break space inside it) or leave
/// nothing of it (a dash). So only raw words with a letter that folding surely keeps (an ASCII letter
/// or digit, or a scalar of `TextFolding.knownScalarFolding`) are counted: the first `words` of them
/// fold to at least `words` words, which are the first of the whole text, and likewise at the end.
/// Each cut falls next to an ASCII byte, so both parts are whole UTF-8.
struct SummaryEnds {
    /// From the text's start to the end of its `words`-th counted raw word.
    let head: String
    /// From the start of its `words`-th counted raw word from the end to the text's end.
    let tail: String

    /// Nil when the text has fewer counted raw words, or when the two parts would meet or overlap:
    /// folding the whole text then costs no more.
    init?(utf8 text: UnsafeBufferPointer<UInt8>, words: Int) {
        precondition(words > 0)
        guard let headEnd = Self.endOfWord(words, in: text),
            let tailStart = Self.startOfWord(fromEnd: words, in: text), headEnd < tailStart
        else { return nil }
        head = String(decoding: UnsafeBufferPointer(rebasing: text[..<headEnd]), as: UTF8.self)
        tail = String(decoding: UnsafeBufferPointer(rebasing: text[tailStart...]), as: UTF8.self)
    }

    @inline(__always)
    private static func isRawWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
            true
        default: false
        }
    }

    /// Whether the raw word in `range` has a letter that folding keeps as a letter.
    private static func holdsKeptLetter(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if text[index] < 0x80 { return true }  // every ASCII byte of a raw word is a letter or digit
            // A multi-byte scalar (the word starts at a lead byte, and holds whole sequences).
            let scalar = TextFolding.multiByteScalar(at: index, in: text, end: range.upperBound)
            if TextFolding.knownScalarFolding(scalar.value) != nil { return true }
            index += scalar.length
        }
        return false
    }

    /// The index just past the `count`-th counted raw word, nil if the text has fewer.
    private static func endOfWord(_ count: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var found = 0
        var index = 0
        while index < text.count {
            guard isRawWordByte(text[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < text.count, isRawWordByte(text[index]) { index += 1 }
            if holdsKeptLetter(text, start..<index) { found += 1 }
            if found == count { return index }
        }
        return nil
    }

    /// The index of the first byte of the `count`-th counted raw word from the end, nil if the text
    /// has fewer.
    private static func startOfWord(fromEnd count: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var found = 0
        var index = text.count
        while index > 0 {
            guard isRawWordByte(text[index - 1]) else {
                index -= 1
                continue
            }
            let end = index
            while index > 0, isRawWordByte(text[index - 1]) { index -= 1 }
            if holdsKeptLetter(text, index..<end) { found += 1 }
            if found == count { return index }
        }
        return nil
    }
}
