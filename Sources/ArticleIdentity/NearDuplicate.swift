public import Foundation

/// Finds the same article republished under a new link or guid: same outlet, close in time,
/// near-identical text. Two different articles that merely share a generic headline
/// ("Live updates") stay two, because their summaries differ.
public enum NearDuplicate {
    /// How far apart two copies of one article may be published.
    public static let window: TimeInterval = 36 * 3600
    /// Share of summary words two copies must have in common.
    public static let summaryThreshold = 0.8
    /// Below this many words a summary says too little to identify an article.
    public static let minimumWords = 6
    /// Words of a summary's start, and of its end, that make its two hints.
    static let edgeWords = 8

    /// Lookup hints: an article is compared only with known articles of the same outlet that
    /// share one of these (the start or the end of its summary; its title when it has no summary).
    public static func hints(outlet: String, title: String, summary: String) -> [String] {
        // Most summaries are ASCII: their edge words are hashed straight from the bytes.
        var summary = summary
        let edges = summary.withUTF8 {
            ASCIIFolding.isASCII($0) ? EdgeWordHashes(ascii: $0, limit: edgeWords) : nil
        }
        if let edges, edges.count >= minimumWords {
            return [
                String(concatenating: "s:", outlet, ":", HashDigits.string(edges.leading, radix: 36)),
                String(concatenating: "e:", outlet, ":", HashDigits.string(edges.trailing, radix: 36)),
            ]
        }
        // Other long summaries: only their two ends are folded.
        if edges == nil, let ends = summary.withUTF8({ SummaryEnds(utf8: $0, words: edgeWords) }) {
            let head = FoldedWords(ends.head), tail = FoldedWords(ends.tail)
            return [
                String(concatenating: "s:", outlet, ":", hash(head, head.ranges.prefix(edgeWords))),
                String(concatenating: "e:", outlet, ":", hash(tail, tail.ranges.suffix(edgeWords))),
            ]
        }
        let summaryText = FoldedWords(summary)
        guard summaryText.count >= minimumWords else {
            // Without a summary only the title can find a copy (and only a long, identical one matches).
            let titleText = FoldedWords(title)
            return titleText.count >= minimumWords
                ? [String(concatenating: "t:", outlet, ":", hash(titleText, titleText.ranges[...]))] : []
        }
        return [
            String(concatenating: "s:", outlet, ":", hash(summaryText, summaryText.ranges.prefix(edgeWords))),
            String(concatenating: "e:", outlet, ":", hash(summaryText, summaryText.ranges.suffix(edgeWords))),
        ]
    }

    /// Whether `incoming` is a copy (possibly retitled or retouched) of `known`, from the same outlet.
    public static func isSameArticle(
        known: ArticleContent, knownDate: Date?, incoming: ArticleContent,
        incomingDate: Date?
    ) -> Bool {
        if let a = knownDate, let b = incomingDate, abs(a.timeIntervalSince(b)) > window { return false }
        let knownSummary = Set(words(known.summary))
        let incomingSummary = Set(words(incoming.summary))
        if knownSummary.count >= minimumWords, incomingSummary.count >= minimumWords {
            let shared = knownSummary.intersection(incomingSummary).count
            let jaccard = Double(shared) / Double(knownSummary.union(incomingSummary).count)
            return jaccard >= summaryThreshold
        }
        // Without summaries only a long, identical title identifies an article.
        let knownTitle = words(known.title)
        return knownTitle.count >= minimumWords && knownTitle == words(incoming.title)
    }

    /// The folded words of `text` (see `FoldedWords`).
    static func words(_ text: String) -> [String] {
        let folded = FoldedWords(text)
        return folded.ranges.map { String(decoding: folded.bytes[$0], as: UTF8.self) }
    }

    /// The FNV-1a hash of the words joined by single spaces, in base 36.
    static func hash(_ text: FoldedWords, _ words: ArraySlice<Range<Int>>) -> String {
        var hash = StableHash.fnv1a64Basis
        for (position, range) in zip(words.indices, words) {
            if position != words.startIndex { hash = StableHash.fnv1a64(UInt8(ascii: " "), into: hash) }
            for byte in text.bytes[range] { hash = StableHash.fnv1a64(byte, into: hash) }
        }
        return HashDigits.string(hash, radix: 36)
    }
}

/// A text folded by `TextFolding` and split into words: runs of ASCII letters and digits, and of any
/// non-ASCII text (typographic punctuation is already folded to ASCII), as ranges of one byte buffer.
/// Words are found as the folded bytes are written, in the same pass.
struct FoldedWords: FoldedByteSink {
    private(set) var bytes: [UInt8] = []
    private(set) var ranges: [Range<Int>] = []
    private var wordStart = -1

    var count: Int { ranges.count }

    init(_ text: String) {
        var text = text
        if let folded = text.withUTF8({ ASCIIFolding.isASCII($0) ? Self(ascii: $0) : nil }) {
            self = folded
        } else {
            self = Self.general(text)
        }
    }

    /// The same through `TextFolding.fold`, for any text.
    static func general(_ text: String) -> FoldedWords {
        var words = FoldedWords(capacity: text.utf8.count)
        words = TextFolding.fold(text, into: consume words)
        if words.wordStart >= 0 { words.ranges.append(words.wordStart..<words.bytes.count) }
        return words
    }

    /// The same from ASCII text, written straight into the buffer (folding never lengthens ASCII).
    private init(ascii text: UnsafeBufferPointer<UInt8>) {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(text.count / 4)
        bytes = [UInt8](unsafeUninitializedCapacity: text.count) { buffer, initialized in
            var count = 0
            var wordStart = -1
            ASCIIFolding.fold(text) { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if wordStart < 0 { wordStart = count }
                default:  // a space or a punctuation mark ends a word
                    if wordStart >= 0 { ranges.append(wordStart..<count) }
                    wordStart = -1
                }
                buffer[count] = byte
                count += 1
            }
            if wordStart >= 0 { ranges.append(wordStart..<count) }
            initialized = count
        }
        self.ranges = ranges
    }

    private init(capacity: Int) {
        bytes.reserveCapacity(capacity)
        ranges.reserveCapacity(capacity / 4)
    }

    mutating func take(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
            if wordStart < 0 { wordStart = bytes.count }
        default:
            if wordStart >= 0 { ranges.append(wordStart..<bytes.count) }
            wordStart = -1
        }
        bytes.append(byte)
    }
}
