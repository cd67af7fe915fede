public import Foundation

/// An article as one feed presented it, before identity is decided.
public struct ArticleCandidate: Sendable, Equatable {
    /// The outlet id of the adapter that produced it.
    public var outlet: String
    /// The feed this copy came through.
    public var feedURL: URL
    /// The link as published (canonicalization happens later, with the adapter's rules).
    public var url: URL
    /// guid / id as published, if any.
    public var guid: String?
    public var title: String
    public var summary: String
    public var published: Date?
    public var updated: Date?
    public var authors: [String]

    public init(
        outlet: String, feedURL: URL, url: URL, guid: String?, title: String, summary: String,
        published: Date?, updated: Date?, authors: [String]
    ) {
        self.outlet = outlet
        self.feedURL = feedURL
        self.url = url
        self.guid = guid
        self.title = title
        self.summary = summary
        self.published = published
        self.updated = updated
        self.authors = authors
    }
}
