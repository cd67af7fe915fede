public import Foundation

/// Identifies a story. Allocated by the clusterer, increasing, persisted by the daemon.
public typealias StoryID = Int64

/// What the clusterer needs to know of an article.
public struct ClusterArticle: Sendable, Equatable {
    /// The article's id in the store (only echoed back; never a clustering signal).
    public var id: String
    /// The outlet's id (`france24`), for the story's outlet list.
    public var outlet: String
    public var title: String
    /// The feed's summary or description, as clean text; may be empty.
    public var summary: String
    /// Publication time: the only clock the clusterer uses.
    public var published: Date
    /// The words of `title` and `summary` when already read (see `ClusterArticleWords`).
    public var words: ClusterArticleWords?

    /// An article as the clusterer sees it.
    public init(
        id: String, outlet: String, title: String, summary: String, published: Date,
        words: ClusterArticleWords? = nil
    ) {
        self.id = id
        self.outlet = outlet
        self.title = title
        self.summary = summary
        self.published = published
        self.words = words
    }
}
