/// Turns an article's title and summary into weighted terms: stemmed content words and pairs of
/// adjacent content words (`mt gox`, `top banana`), which carry more of the event than single words.
///
/// The title is what outlets choose to say about the event, so its terms weigh most; the summary adds
/// context at a lower weight. While reading, capitalisation is recorded to learn names.
struct FeatureExtractor: Sendable {
    /// Weight of a term that only the summary contains, relative to the title.
    var summaryWeight: Float = 0.5
    /// Weight of a pair of adjacent words, relative to a single word of the same text.
    var pairWeight: Float = 0.7

    private var stemCache: [String: String] = [:]
    /// Words kept in the stem cache before it is emptied (bounds its memory).
    private static let stemCacheLimit = 100_000

    init(summaryWeight: Float = 0.5, pairWeight: Float = 0.7) {
        self.summaryWeight = summaryWeight
        self.pairWeight = pairWeight
    }

    /// The terms of an article, creating new terms in `table` and learning capitalisation from it.
    mutating func terms(title: String, summary: String, table: inout TermTable) -> ArticleTerms {
        var collected: [(TermID, Float)] = []
        collected.reserveCapacity(64)
        addTerms(of: WireSlug.strip(title), weight: 1, to: &collected, table: &table)
        addTerms(of: summary, weight: summaryWeight, to: &collected, table: &table)
        return ArticleTerms(unordered: collected)
    }

    /// The terms of a sentence that already exist in `table`, leaving it unchanged (used to rank
    /// sentences for a brief).
    static func existingTerms(of text: String, table: TermTable, pairWeight: Float = 0.7) -> ArticleTerms {
        var collected: [(TermID, Float)] = []
        var previous: TermID?
        let tokens = Tokenizer.tokens(of: text)
        let shouting = isShouting(tokens)
        for token in tokens {
            guard let stem = contentWord(of: token, shouting: shouting).map(PorterStemmer.stem),
                  let id = table.existingWord(stem)
            else {
                previous = nil
                continue
            }
            collected.append((id, 1))
            if let previous, let pair = table.existingPair(previous, id) { collected.append((pair, pairWeight)) }
            previous = id
        }
        return ArticleTerms(unordered: collected)
    }

    private mutating func addTerms(of text: some StringProtocol, weight: Float, to collected: inout [(TermID, Float)],
                                   table: inout TermTable) {
        guard !text.isEmpty else { return }
        let tokens = Tokenizer.tokens(of: text)
        let learnsCapitals = CapitalisationStatistics.isSentenceCase(tokens)
        let shouting = Self.isShouting(tokens)
        var previous: TermID?
        for token in tokens {
            guard let word = Self.contentWord(of: token, shouting: shouting) else {
                previous = nil
                continue
            }
            let id = table.word(cachedStem(of: word), display: token.text)
            if learnsCapitals { CapitalisationStatistics.observe(token, as: id, in: &table) }
            collected.append((id, weight))
            if let previous { collected.append((table.pair(previous, id), weight * pairWeight)) }
            previous = id
        }
    }

    /// The word if it says something about the event, or `nil` for a stop word, a single character or
    /// boilerplate. A stop word in capitals is an acronym (`US`, `IT`, `WHO`) and kept, unless the whole
    /// text is in capitals.
    private static func contentWord(of token: Token, shouting: Bool) -> String? {
        guard token.text.utf8.count >= 2 else { return nil }
        if StopWords.contains(token.text) && !(token.isAllCapitals && !shouting) { return nil }
        return token.text
    }

    /// The Porter stem of a word, from a bounded cache.
    private mutating func cachedStem(of word: String) -> String {
        if let cached = stemCache[word] { return cached }
        if stemCache.count >= Self.stemCacheLimit { stemCache.removeAll(keepingCapacity: true) }
        let stem = PorterStemmer.stem(word)
        stemCache[word] = stem
        return stem
    }

    /// Whether most words are written in capitals, so that capitals mark no acronym.
    private static func isShouting(_ tokens: [Token]) -> Bool {
        let words = tokens.filter { !$0.isNumber }
        guard !words.isEmpty else { return false }
        return words.filter(\.isAllCapitals).count * 2 > words.count
    }
}
