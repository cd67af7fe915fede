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
    public init(title: String, summary: String) {
        self.title = Self.words(of: WireSlug.strip(title))
        self.summary = Self.words(of: summary)
        let texts = [title] + SentenceSplitter.sentences(of: summary).prefix(ClusteringEngine.sentencesPerExemplar)
        lead = texts.map { ReadSentence(text: $0, words: Self.words(of: $0)) }
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
