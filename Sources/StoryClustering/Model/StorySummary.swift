/// What a subscriber is told about a story.
public struct StorySummary: Sendable, Equatable {
    /// The story.
    public var id: StoryID
    /// The most central title of the coverage.
    public var headline: String
    /// The outlets covering the story, in order of first coverage.
    public var outlets: [String]
    /// Articles in the story, merged stories included.
    public var articleCount: Int
    /// Two or three key sentences drawn from the coverage.
    public var brief: [String]
    /// A summary as the clusterer writes it.
    public init(id: StoryID, headline: String, outlets: [String], articleCount: Int, brief: [String]) {
        self.id = id
        self.headline = headline
        self.outlets = outlets
        self.articleCount = articleCount
        self.brief = brief
    }
}
