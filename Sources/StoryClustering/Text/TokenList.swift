/// The words of a text as spans of one byte buffer: reading a text this way allocates nothing per
/// word (`Tokenizer` writes both buffers through a `WordSink`).
struct TokenList: Sendable, Equatable {
    /// One word: where its lowercased bytes are in `bytes`, and what the tokenizer noticed about it.
    struct Span: Sendable, Equatable {
        var start: Int32
        var length: Int32
        /// Written with at least one capital letter.
        var isCapitalised: Bool
        /// Two letters or more, all capitals.
        var isAllCapitals: Bool
        /// Digits only (with an inner decimal point).
        var isNumber: Bool
        /// Opens the text or follows `.`, `!`, `?` or `:`.
        var startsSentence: Bool
        /// Where the word starts in the text read (a UTF-8 offset), so that the words of a part of the
        /// text can be found among the words of the whole.
        var source: Int32 = 0
    }

    /// The lowercased words, one after the other.
    private(set) var bytes: [UInt8] = []
    private(set) var spans: [Span] = []

    init() {}

    /// A list of words already written (see `WordSink`).
    init(bytes: [UInt8], spans: [Span]) {
        self.bytes = bytes
        self.spans = spans
    }

    /// Replaces the words with copies of `newBytes` and `newSpans`, in the storage already held when it
    /// is large enough and not shared.
    mutating func replaceContents(bytes newBytes: UnsafeBufferPointer<UInt8>, spans newSpans: UnsafeBufferPointer<Span>)
    {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: newBytes)
        spans.removeAll(keepingCapacity: true)
        spans.append(contentsOf: newSpans)
    }

    /// The words that start inside `range` (UTF-8 offsets in the text read), as a list of their own,
    /// the same as reading that part of the text alone would give for a part that ends where a word
    /// ends: offsets count from the part's start, and its first word starts a sentence.
    func words(startingIn range: Range<Int>) -> TokenList {
        let positions = spanPositions(startingIn: range)
        guard let last = positions.last else { return TokenList() }
        // Words are written one after the other: theirs are one run of bytes.
        let byteStart = spans[positions.lowerBound].start
        let byteEnd = spans[last].start + spans[last].length
        var part = Array(spans[positions])
        for index in part.indices {
            part[index].start -= byteStart
            part[index].source -= Int32(range.lowerBound)
        }
        part[0].startsSentence = true
        return TokenList(bytes: Array(bytes[Int(byteStart)..<Int(byteEnd)]), spans: part)
    }

    /// The positions in `spans` of the words that start inside `range` (UTF-8 offsets in the text
    /// read; words are in text order).
    func spanPositions(startingIn range: Range<Int>) -> Range<Int> {
        var first = 0, end = spans.count
        while first < end {  // the first word starting at or after the range
            let middle = (first + end) / 2
            if Int(spans[middle].source) < range.lowerBound { first = middle + 1 } else { end = middle }
        }
        end = first
        while end < spans.count, Int(spans[end].source) < range.upperBound { end += 1 }
        return first..<end
    }

    /// The word of `span` as a string.
    func text(of span: Span) -> String {
        bytes.withUnsafeBufferPointer {
            String(
                decoding: UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.length)]),
                as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of `span`'s word.
    func withBytes<Result>(of span: Span, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.length)]))
        }
    }

    /// The words as `Token` values (allocates a string per word: for tests and occasional use).
    var tokens: [Token] {
        spans.map {
            Token(
                text: text(of: $0), isCapitalised: $0.isCapitalised, isAllCapitals: $0.isAllCapitals,
                isNumber: $0.isNumber, startsSentence: $0.startsSentence)
        }
    }
}
