/// The words of an article's title and summary, read ahead of `StoryClusterer.assign`.
///
/// Reading words is pure, so a caller can do it concurrently (the daemon does it in each feed's
/// task) and leave only the decisions, which depend on the window, to the one clusterer. An
/// article assigned without them is read the same way inside `assign`.
public struct ClusterArticleWords: Sendable, Equatable {
    /// The title's words, without a wire service's slug.
    let title: TokenList
    let summary: TokenList
    /// The title and the lead sentences of the summary, as an exemplar of its story keeps them.
    let lead: [ReadSentence]

    /// Reads `title` and `summary` as `assign` would.
    ///
    /// Each text is read once: a lead sentence's words are the summary's words that start inside it
    /// (a sentence ends with `.`, `!` or `?` before a space, where every word ends), and the title's
    /// are those of the title read for its terms unless a wire slug was cut from it.
    public init(title: String, summary: String) {
        let readTitle = WireSlug.strip(title)
        self.title = Self.words(of: readTitle)
        self.summary = Self.words(of: summary)
        var lead = [
            ReadSentence(
                text: title, words: readTitle.utf8.count == title.utf8.count ? self.title : Self.words(of: title))
        ]
        let bytes = Array(summary.utf8)
        for range in SentenceSplitter.ranges(ofSentencesIn: bytes).prefix(ClusteringEngine.sentencesPerExemplar) {
            lead.append(
                ReadSentence(
                    text: String(decoding: bytes[range], as: UTF8.self), words: self.summary.words(startingIn: range)))
        }
        self.lead = lead
    }

    private static func words(of text: some StringProtocol) -> TokenList {
        var list = TokenList()
        Tokenizer.scan(text, into: &list)
        return list
    }
}

/// A sentence with its words.
struct ReadSentence: Sendable, Equatable {
    let text: String
    let words: TokenList
}
