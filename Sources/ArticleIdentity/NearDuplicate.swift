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

    /// Lookup hints: an article is compared only with known articles of the same outlet that
    /// share one of these (the start or the end of its summary; its title when it has no summary).
    public static func hints(outlet: String, title: String, summary: String) -> [String] {
        // Word boundaries only: the hints hash at most sixteen words, so none is made a String.
        let summaryWords = FoldedWords(summary)
        guard summaryWords.count >= minimumWords else {
            // Without a summary only the title can find a copy (and only a long, identical one matches).
            let titleWords = FoldedWords(title)
            return titleWords.count >= minimumWords
                ? ["t:\(outlet):\(hash(titleWords.joined(titleWords.ranges[...])))"] : []
        }
        return [
            "s:\(outlet):\(hash(summaryWords.joined(summaryWords.ranges.prefix(8))))",
            "e:\(outlet):\(hash(summaryWords.joined(summaryWords.ranges.suffix(8))))",
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

    /// The folded words of `text`: runs of ASCII letters and digits, and of any non-ASCII text
    /// (typographic punctuation is already folded to ASCII by `TextFolding`).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in TextFolding.fold(text).utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                current.append(byte)
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func hash(_ joinedWords: String) -> String {
        String(StableHash.fnv1a64(joinedWords), radix: 36)
    }
}

/// The folded bytes of a text and where its words are in them (the words of `NearDuplicate.words`).
private struct FoldedWords {
    let bytes: [UInt8]
    let ranges: [Range<Int>]

    init(_ text: String) {
        bytes = Array(TextFolding.fold(text).utf8)
        var ranges: [Range<Int>] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                if start == nil { start = index }
            default:
                if let first = start { ranges.append(first..<index) }
                start = nil
            }
        }
        if let first = start { ranges.append(first..<bytes.count) }
        self.ranges = ranges
    }

    var count: Int { ranges.count }

    /// The words of `selection`, joined by single spaces.
    func joined(_ selection: ArraySlice<Range<Int>>) -> String {
        var out: [UInt8] = []
        for range in selection {
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            out.append(contentsOf: bytes[range])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
