/// What a subscriber is told about a story.
public struct StorySummary: Sendable, Equatable {
    public var id: StoryID
    /// The most central title of the coverage.
    public var headline: String
    /// The outlets covering the story, in order of first coverage.
    public var outlets: [String]
    public var articleCount: Int
    /// Two or three key sentences drawn from the coverage.
    public var brief: [String]
    public init(id: StoryID, headline: String, outlets: [String], articleCount: Int, brief: [String]) {
        self.id = id
        self.headline = headline
        self.outlets = outlets
        self.articleCount = articleCount
        self.brief = brief
    }
}
