/// Turns an article's title and summary into weighted terms: stemmed content words, and pairs of
/// adjacent content words of the title (`mt gox`, `top banana`), which carry more of the event than
/// single words. (Pairs of the summary's running text are mostly incidental and would double the
/// vocabulary, so the summary contributes single words only.)
///
/// The title is what outlets choose to say about the event, so its terms weigh most; the summary adds
/// context at a lower weight. While reading, capitalisation is recorded to learn names.
struct FeatureExtractor: Sendable {
    /// Weight of a term that only the summary contains, relative to the title.
    var summaryWeight: Float = 0.5
    /// Weight of a pair of adjacent words, relative to a single word of the title.
    var pairWeight: Float = 0.7

    /// Words of a summary read, at most: a feed that puts a whole article in its summary should cost
    /// and weigh no more than one with a short abstract.
    static let summaryWordLimit = 80

    private var lexicon = Lexicon()
    /// Reused between texts.
    private var words = TokenList()
    /// The `(term, weight)` pairs of the last article read from its text, reused between articles.
    private var collected: [(TermID, Float)] = []
    /// How many of `collected` come from the title, when the title was read whole (no wire slug).
    private var titleTermCount: Int?
    /// `lexicon.epoch` when the title was read.
    private var titleLexiconEpoch = 0
    /// Sort keys of `ArticleTerms`, reused between articles.
    private var sortKeys: [UInt64] = []
    /// The `(term, weight)` pairs of a sentence whose known terms are looked up, reused between sentences.
    private var knownCollected: [(TermID, Float)] = []
    /// Whether `words` holds the words of the last article's summary (read from its text).
    private var holdsSummaryWords = false
    /// The words of a sentence read on its own, apart from `words`.
    private var sentenceWords = TokenList()
    /// Where the tokenizer writes the words of `words` and `sentenceWords`, reused between texts.
    private var scratch = TokenizerScratch()
    /// While reading a summary: what the lexicon gave for each of its words (`-1` for none, or a word too
    /// short to look up) and whether a stop word was kept, so that its sentences need not look them up again.
    private var summaryLookups: [(term: TermID, keptStopWord: Bool)] = []
    private var recordsLookups = false
    /// `lexicon.epoch` when the summary started being read.
    private var summaryLexiconEpoch = 0

    init(summaryWeight: Float = 0.5, pairWeight: Float = 0.7) {
        self.summaryWeight = summaryWeight
        self.pairWeight = pairWeight
    }

    /// The terms of an article, creating new terms in `table` and learning capitalisation from it.
    mutating func terms(title: String, summary: String, table: inout TermTable) -> ArticleTerms {
        var collected: [(TermID, Float)] = []
        swap(&collected, &self.collected)  // borrowed for this call, so that reading can use `self`
        defer { swap(&collected, &self.collected) }
        collected.removeAll(keepingCapacity: true)
        collected.reserveCapacity(64)
        let readTitle = WireSlug.strip(title)
        addTerms(of: readTitle, weight: 1, pairs: true, to: &collected, table: &table)
        titleTermCount = readTitle.utf8.count == title.utf8.count ? collected.count : nil
        titleLexiconEpoch = lexicon.epoch
        summaryLookups.removeAll(keepingCapacity: true)
        summaryLexiconEpoch = lexicon.epoch
        recordsLookups = true
        addTerms(
            of: summary, weight: summaryWeight, pairs: false, wordLimit: Self.summaryWordLimit, to: &collected,
            table: &table)
        recordsLookups = false
        holdsSummaryWords = !summary.isEmpty  // else `words` still holds the title's
        return ArticleTerms(unordered: collected, scratch: &sortKeys)
    }

    /// `knownTerms(of: title, table:)` for the title of the article just read by `terms(title:summary:table:)`,
    /// taken from what reading it found (the same words, looked up the same way, with the same weights:
    /// 1 for a word, `pairWeight` for a pair), or `nil` when its title lost a wire slug.
    /// Valid until the next article is read.
    ///
    /// Looking the title's words up again would give the same terms and change nothing (every one is in
    /// the lexicon, so none is added), unless the lexicon's epoch moved since they were read (it was
    /// emptied, or the summary folded a demonym of the title into its name): then it is `nil`, and the
    /// title is read again exactly as before.
    mutating func termsOfLastTitle() -> ArticleTerms? {
        guard let titleTermCount, lexicon.epoch == titleLexiconEpoch else { return nil }
        return ArticleTerms(unordered: collected.prefix(titleTermCount), scratch: &sortKeys)
    }

    /// The same terms from words already read (`ClusterArticleWords`).
    mutating func terms(words: ClusterArticleWords, table: inout TermTable) -> ArticleTerms {
        titleTermCount = nil
        holdsSummaryWords = false
        var collected: [(TermID, Float)] = []
        collected.reserveCapacity(64)
        addTerms(ofWords: words.title, weight: 1, pairs: true, to: &collected, table: &table)
        addTerms(
            ofWords: words.summary, weight: summaryWeight, pairs: false, wordLimit: Self.summaryWordLimit,
            to: &collected, table: &table)
        return ArticleTerms(unordered: collected)
    }

    /// The terms of a sentence that already exist in `table`, leaving the table unchanged (used for
    /// the sentences of a brief, whose words were just read with their article).
    mutating func knownTerms(of text: String, table: TermTable) -> ArticleTerms {
        Tokenizer.scan(text, into: &sentenceWords, reusing: &scratch)
        return knownTerms(ofWords: sentenceWords, table: table)
    }

    /// `knownTerms(of: sentence, table:)` for the sentence at `range` (UTF-8 offsets, as
    /// `SentenceSplitter` finds it) of the summary of the article just read by `terms(title:summary:table:)`,
    /// from the summary's words rather than by reading the sentence again; `nil` if the summary's words
    /// are not at hand. A sentence ends with `.`, `!` or `?` before a space, where every word ends, so its
    /// words are exactly the summary's words that start inside it.
    mutating func knownTermsOfLastSummary(in range: Range<Int>, table: TermTable) -> ArticleTerms? {
        guard holdsSummaryWords else { return nil }
        let positions = words.spanPositions(startingIn: range)
        // A word looked up while reading, with the lexicon's epoch unchanged since, would give the same
        // term again (and change nothing): its lookup is reused. Others are looked up as before.
        let reusable = lexicon.epoch == summaryLexiconEpoch ? summaryLookups.count : 0
        return knownTerms(ofWords: words, spans: words.spans[positions], table: table, lookedUpBelow: reusable)
    }

    /// The same terms from words already read.
    mutating func knownTerms(ofWords words: TokenList, table: TermTable) -> ArticleTerms {
        knownTerms(ofWords: words, spans: words.spans[...], table: table)
    }

    /// The same terms from some of the words read.
    ///
    /// `summaryLookups` holds the lookups of the words of `words` below `lookedUpBelow` (`0`: none).
    private mutating func knownTerms(
        ofWords words: TokenList, spans: ArraySlice<TokenList.Span>, table: TermTable, lookedUpBelow: Int = 0
    ) -> ArticleTerms {
        var collected: [(TermID, Float)] = []
        swap(&collected, &knownCollected)  // borrowed for this call, so that looking up can use `self`
        defer { swap(&collected, &knownCollected) }
        collected.removeAll(keepingCapacity: true)
        let shouting = Self.isShouting(spans)
        var previous: TermID?
        for position in spans.indices {
            let token = spans[position]
            let keepsStopWord = token.isAllCapitals && !shouting
            let id: TermID?
            if token.length < 2 {
                id = nil
            } else if position < lookedUpBelow, summaryLookups[position].keptStopWord == keepsStopWord {
                id = summaryLookups[position].term >= 0 ? summaryLookups[position].term : nil
            } else {
                id = words.withBytes(of: token) {
                    lexicon.existingTerm(of: $0, keepingStopWord: keepsStopWord, in: table)
                }
            }
            guard let id else {
                previous = nil
                continue
            }
            collected.append((id, 1))
            if let previous, let pair = table.existingPair(previous, id) { collected.append((pair, pairWeight)) }
            previous = id
        }
        return ArticleTerms(unordered: collected, scratch: &sortKeys)
    }

    private mutating func addTerms(
        of text: some StringProtocol, weight: Float, pairs: Bool, wordLimit: Int = .max,
        to collected: inout [(TermID, Float)], table: inout TermTable
    ) {
        guard !text.isEmpty else { return }
        Tokenizer.scan(text, into: &words, reusing: &scratch)
        addTerms(ofWords: words, weight: weight, pairs: pairs, wordLimit: wordLimit, to: &collected, table: &table)
    }

    private mutating func addTerms(
        ofWords words: TokenList, weight: Float, pairs: Bool, wordLimit: Int = .max,
        to collected: inout [(TermID, Float)], table: inout TermTable
    ) {
        let learnsCapitals = CapitalisationStatistics.isSentenceCase(words)
        let shouting = Self.isShouting(words)
        var previous: TermID?
        for token in words.spans.prefix(wordLimit) {
            let keepsStopWord = token.isAllCapitals && !shouting
            guard token.length >= 2,
                let id = words.withBytes(
                    of: token,
                    {
                        lexicon.term(of: $0, keepingStopWord: keepsStopWord, in: &table)
                    })
            else {
                if recordsLookups { summaryLookups.append((-1, keepsStopWord)) }
                previous = nil
                continue
            }
            if recordsLookups { summaryLookups.append((id, keepsStopWord)) }
            if learnsCapitals { CapitalisationStatistics.observe(token, as: id, in: &table) }
            collected.append((id, weight))
            if pairs, let previous { collected.append((table.pair(previous, id), weight * pairWeight)) }
            previous = id
        }
    }

    /// Whether most words are written in capitals, so that capitals mark no acronym.
    private static func isShouting(_ words: TokenList) -> Bool { isShouting(words.spans[...]) }

    private static func isShouting(_ spans: ArraySlice<TokenList.Span>) -> Bool {
        var counted = 0, capitals = 0
        for token in spans where !token.isNumber {
            counted += 1
            if token.isAllCapitals { capitals += 1 }
        }
        return capitals * 2 > counted
    }
}
