public import Foundation

/// Identifies a story. Allocated by the clusterer, increasing, persisted by the daemon.
public typealias StoryID = Int64

/// What the clusterer needs to know of an article.
public struct ClusterArticle: Sendable, Equatable {
    public var id: String
    public var outlet: String
    public var title: String
    public var summary: String
    public var published: Date
    public init(id: String, outlet: String, title: String, summary: String, published: Date) {
        self.id = id
        self.outlet = outlet
        self.title = title
        self.summary = summary
        self.published = published
    }
}
