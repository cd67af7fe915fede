/// The hashes `NearDuplicate.hints` makes of a summary's first and last words, found on the bytes of an
/// ASCII text without writing its folded copy.
///
/// In ASCII text the words of `FoldedWords` are exactly the runs of letters and digits, lowercased
/// (folding lowercases letters, and whitespace and punctuation both end a word), so the hashes are those
/// of `FoldedWords`' ranges: FNV-1a of the words joined by single spaces. `NearDuplicateTests` compares
/// the two on random text.
///
/// Only the two ends of the text are read: its first `limit` words from the start, and its last `limit`
/// words from the end, back to where the first ones stopped. The middle of a long summary (most of it)
/// is never looked at.
struct EdgeWordHashes {
    /// Words in the text, up to `2 * limit`: `min(words, 2 * limit)`.
    private(set) var count = 0
    /// The hash of the first `limit` words (all of them if fewer).
    private(set) var leading = StableHash.fnv1a64Basis
    /// The hash of the last `limit` words (all of them if fewer).
    private(set) var trailing = StableHash.fnv1a64Basis

    /// Reads `text`, which must be ASCII.
    init(ascii text: UnsafeBufferPointer<UInt8>, limit: Int) {
        precondition(limit > 0)
        // The first words, in order, then the last words, from the last one back.
        Self.wordBytes.withUnsafeBufferPointer { wordBytes in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 2 * limit) { words in
                var headCount = 0
                var index = 0
                while headCount < limit, let word = Self.word(in: text, from: &index, wordBytes) {
                    words[headCount] = word
                    headCount += 1
                }
                // `index` is past the last word read from the start (or at the text's end): the words from
                // the end are looked for after it, so that none is counted twice.
                let headEnd = index
                var tailCount = 0
                index = text.count
                while tailCount < limit, let word = Self.word(in: text, before: &index, downTo: headEnd, wordBytes) {
                    words[limit + tailCount] = word
                    tailCount += 1
                }
                count = headCount + tailCount
                for position in 0..<headCount {
                    leading = Self.hash(text, words[position], into: leading, first: position == 0, wordBytes)
                }
                // The last `limit` words: those of the start that the end lacks, then the end's, in order.
                let fromHead = min(headCount, limit - tailCount)
                for position in (headCount - fromHead)..<headCount {
                    trailing = Self.hash(
                        text, words[position], into: trailing, first: position == headCount - fromHead, wordBytes)
                }
                for position in (0..<tailCount).reversed() {
                    trailing = Self.hash(
                        text, words[limit + position], into: trailing,
                        first: fromHead == 0 && position == tailCount - 1, wordBytes)
                }
            }
        }
    }

    /// The next word at or after `index`, which is left just past it; nil (and `index` at the end) when
    /// there is none.
    @inline(__always)
    private static func word(
        in text: UnsafeBufferPointer<UInt8>, from index: inout Int, _ wordBytes: UnsafeBufferPointer<UInt8>
    ) -> Range<Int>? {
        while index < text.count, wordBytes[Int(text[index])] == 0 { index += 1 }
        guard index < text.count else { return nil }
        let start = index
        while index < text.count, wordBytes[Int(text[index])] != 0 { index += 1 }
        return start..<index
    }

    /// The word that ends last before `index` but after `bound`, whose start `index` is left at; nil
    /// when there is none. `bound` is the text's start or the end of a word.
    @inline(__always)
    private static func word(
        in text: UnsafeBufferPointer<UInt8>, before index: inout Int, downTo bound: Int,
        _ wordBytes: UnsafeBufferPointer<UInt8>
    ) -> Range<Int>? {
        while index > bound, wordBytes[Int(text[index - 1])] == 0 { index -= 1 }
        guard index > bound else { return nil }
        let end = index
        while index > bound, wordBytes[Int(text[index - 1])] != 0 { index -= 1 }
        return index..<end
    }

    /// For each byte value, the byte lowercased when it is an ASCII letter or digit (a word byte), else 0:
    /// finding words and hashing them is then a load per byte, not range tests and a lowercasing.
    static let wordBytes: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
        default: return 0
        }
    }

    /// `hash` continued with a space unless the word is the `first`, then the word's lowercased bytes.
    private static func hash(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into hash: UInt64, first: Bool,
        _ wordBytes: UnsafeBufferPointer<UInt8>
    ) -> UInt64 {
        var hash = first ? hash : StableHash.fnv1a64(UInt8(ascii: " "), into: hash)
        for index in range { hash = StableHash.fnv1a64(wordBytes[Int(text[index])], into: hash) }
        return hash
    }
}
