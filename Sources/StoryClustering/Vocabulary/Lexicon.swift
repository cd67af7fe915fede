/// A bounded cache from surface words (`attacks`, as the tokenizer writes them) to what the
/// clusterer makes of them: a stop word, or a stem and its current term id. It saves the stop-word
/// check, the stemmer and the term lookup for words already seen.
struct Lexicon: Sendable {
    /// What a surface word means.
    struct Entry: Sendable {
        var isStopWord: Bool
        var stem: String
        /// The term id last seen for `stem`, valid while the table's generation for it is `generation`.
        var term: TermID = -1
        var generation: UInt32 = 0
    }

    private var entries: [String: Entry] = [:]
    /// Words kept before the cache is emptied (bounds its memory).
    static let limit = 200_000

    /// The term of `word` written as `token`, or `nil` for a stop word; creates the term in `table`
    /// if needed.
    mutating func term(of word: String, keepingStopWord keepsStopWord: Bool, in table: inout TermTable) -> TermID? {
        var position = entries.index(forKey: word)
        if position == nil {
            if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
            let isStopWord = StopWords.contains(word)
            let stem = isStopWord ? word : PorterStemmer.stem(word)
            entries[word] = Entry(isStopWord: isStopWord, stem: stem)
            position = entries.index(forKey: word)
        }
        guard let position else { return nil }
        let entry = entries.values[position]
        if entry.isStopWord && !keepsStopWord { return nil }
        if entry.term >= 0, table.generation(of: entry.term) == entry.generation { return entry.term }
        let term = table.word(entry.stem, display: word)
        entries.values[position].term = term
        entries.values[position].generation = table.generation(of: term)
        return term
    }
}
