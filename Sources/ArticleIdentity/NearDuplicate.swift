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
    /// share one of these (its title, the start or the end of its summary).
    public static func hints(outlet: String, title: String, summary: String) -> [String] {
        var hints: [String] = []
        let titleWords = words(title)
        if titleWords.count >= 2 { hints.append("t:\(outlet):\(hash(titleWords))") }
        let summaryWords = words(summary)
        if summaryWords.count >= minimumWords {
            hints.append("s:\(outlet):\(hash(Array(summaryWords.prefix(8))))")
            hints.append("e:\(outlet):\(hash(Array(summaryWords.suffix(8))))")
        }
        return hints
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

    static func words(_ text: String) -> [String] {
        TextFolding.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    private static func hash(_ words: [String]) -> String {
        String(StableHash.fnv1a64(words.joined(separator: " ")), radix: 36)
    }
}
