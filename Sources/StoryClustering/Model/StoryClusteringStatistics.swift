/// The size of the clusterer's active window, to watch that memory follows the window.
public struct StoryClusteringStatistics: Sendable, Equatable {
    /// Stories not yet closed.
    public var activeStories: Int
    /// Articles of the active stories.
    public var activeArticles: Int
    /// Distinct terms (words and word pairs) of the active articles.
    public var activeTerms: Int

    /// Window sizes, as `StoryClusterer.statistics` reports them.
    public init(activeStories: Int, activeArticles: Int, activeTerms: Int) {
        self.activeStories = activeStories
        self.activeArticles = activeArticles
        self.activeTerms = activeTerms
    }
}
