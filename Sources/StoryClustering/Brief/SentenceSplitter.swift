/// Splits a summary into sentences: a sentence ends at `.`, `!` or `?` followed by a space and a
/// capital letter, a digit or a quote, except after an abbreviation (`Mt. Gox`, `U.S. Senate`).
/// Works on UTF-8 bytes; the sentences are slices of the text, trimmed.
enum SentenceSplitter {
    /// The sentences of `text`, in order.
    static func sentences(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ranges(ofSentencesIn: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Where the sentences of `text` are in its UTF-8 bytes, trimmed, in order.
    static func ranges(ofSentencesIn bytes: [UInt8]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var wordStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") { wordStart = index + 1 }
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
                index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: " "), opensSentence(bytes[index + 2])
            else { continue }
            if byte == UInt8(ascii: "."), isAbbreviation(bytes[wordStart..<index]) { continue }
            appendTrimmed(bytes[start...index], to: &sentences)
            start = index + 1
        }
        if start < bytes.count { appendTrimmed(bytes[start...], to: &sentences) }
        return sentences
    }

    /// A capital, a digit, a quote or a non-ASCII character (a curly quote, an accented capital).
    private static func opensSentence(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte >= 0x80
    }

    /// `Mt`, `Dr`, `U.S`: a capitalised word of at most two letters, or letters with inner dots.
    private static func isAbbreviation(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        let letters = word.filter { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }.count
        return letters <= 2 || word.contains(UInt8(ascii: "."))
    }

    private static func appendTrimmed(_ sentence: ArraySlice<UInt8>, to sentences: inout [Range<Int>]) {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = sentence.firstIndex(where: { !isSpace($0) }),
            let last = sentence.lastIndex(where: { !isSpace($0) })
        else { return }
        sentences.append(first..<(last + 1))
    }
}
