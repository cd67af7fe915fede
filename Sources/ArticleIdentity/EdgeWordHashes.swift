/// The hashes `NearDuplicate.hints` makes of a summary's first and last words, found in one pass over
/// the bytes of an ASCII text without writing its folded copy.
///
/// In ASCII text the words of `FoldedWords` are exactly the runs of letters and digits, lowercased
/// (folding lowercases letters, and whitespace and punctuation both end a word), so the hashes are those
/// of `FoldedWords`' ranges: FNV-1a of the words joined by single spaces. `NearDuplicateTests` compares
/// the two on random text.
struct EdgeWordHashes {
    /// Words in the text.
    private(set) var count = 0
    /// The hash of the first `limit` words (all of them if fewer).
    private(set) var leading = StableHash.fnv1a64Basis
    /// The hash of the last `limit` words (all of them if fewer).
    private(set) var trailing = StableHash.fnv1a64Basis

    /// Reads `text`, which must be ASCII.
    init(ascii text: UnsafeBufferPointer<UInt8>, limit: Int) {
        precondition(limit > 0)
        // The starts and ends of the last `limit` words, in a ring.
        withUnsafeTemporaryAllocation(of: (start: Int, end: Int).self, capacity: limit) { last in
            var index = 0
            while index < text.count {
                guard Self.isWordByte(text[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < text.count, Self.isWordByte(text[index]) { index += 1 }
                if count < limit {
                    if count > 0 { leading = StableHash.fnv1a64(UInt8(ascii: " "), into: leading) }
                    leading = Self.hash(text, start..<index, into: leading)
                }
                last[count % limit] = (start, index)
                count += 1
            }
            let kept = min(count, limit)
            for position in 0..<kept {
                let word = last[(count - kept + position) % limit]
                if position > 0 { trailing = StableHash.fnv1a64(UInt8(ascii: " "), into: trailing) }
                trailing = Self.hash(text, word.start..<word.end, into: trailing)
            }
        }
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: false
        }
    }

    /// `hash` continued with the lowercased bytes of the word at `range`.
    private static func hash(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into hash: UInt64) -> UInt64 {
        var hash = hash
        for index in range {
            let byte = text[index]
            hash = StableHash.fnv1a64(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte, into: hash)
        }
        return hash
    }
}
