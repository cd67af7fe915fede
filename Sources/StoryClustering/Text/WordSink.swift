/// Where `WordScanner` writes the words of one text: the byte and span buffers of a new `TokenList`,
/// sized beforehand so that writing a byte is a store and a count, with no capacity or uniqueness check
/// per byte (that check was most of the cost of reading a text).
///
/// A text of `n` UTF-8 bytes makes at most `n` words and at most `1.5 n` bytes of words (lowercasing
/// only lengthens a few scalars, by one byte in two at most): `Tokenizer.scan` sizes the buffers for that.
struct WordSink {
    private let bytes: UnsafeMutablePointer<UInt8>
    private let byteCapacity: Int
    private let spans: UnsafeMutablePointer<TokenList.Span>
    private let spanCapacity: Int
    /// Bytes written: where the next word starts.
    private(set) var end = 0
    private(set) var spanCount = 0

    init(bytes: UnsafeMutableBufferPointer<UInt8>, spans: UnsafeMutableBufferPointer<TokenList.Span>) {
        self.bytes = bytes.baseAddress!
        byteCapacity = bytes.count
        self.spans = spans.baseAddress!
        spanCapacity = spans.count
    }

    /// Bytes of words needed, at most, for a text of `count` bytes.
    static func byteCapacity(forText count: Int) -> Int { count * 2 + 8 }
    /// Words, at most, in a text of `count` bytes.
    static func spanCapacity(forText count: Int) -> Int { count + 1 }

    @inline(__always)
    mutating func append(byte: UInt8) {
        precondition(end < byteCapacity, "word buffer overflow")
        bytes[end] = byte
        end += 1
    }

    mutating func append(contentsOf part: some Sequence<UInt8>) {
        for byte in part { append(byte: byte) }
    }

    /// The bytes written since `start`.
    func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + start, count: end - start)
    }

    /// Forgets the bytes written since `start` (a word that turned out not to be one).
    mutating func discard(from start: Int) {
        end = start
    }

    /// The last byte written after `start`, if any.
    func lastByte(after start: Int) -> UInt8? { end > start ? bytes[end - 1] : nil }

    /// Records the bytes from `start` to the end as a word.
    mutating func closeWord(
        from start: Int, isCapitalised: Bool, isAllCapitals: Bool, isNumber: Bool, startsSentence: Bool, source: Int
    ) {
        precondition(spanCount < spanCapacity, "word list overflow")
        spans[spanCount] = TokenList.Span(
            start: Int32(start), length: Int32(end - start), isCapitalised: isCapitalised,
            isAllCapitals: isAllCapitals, isNumber: isNumber, startsSentence: startsSentence,
            source: Int32(truncatingIfNeeded: source))
        spanCount += 1
    }
}
