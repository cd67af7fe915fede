public import Foundation
import GRDB

/// What the clustering window needs of a stored article, and nothing more.
public struct WindowArticle: Sendable, Equatable {
    public var id: Int64
    public var outlet: String
    public var title: String
    public var summary: String
    /// When it was published, or first seen when the feed did not say.
    public var published: Date
    public var storyID: Int64

    public init(id: Int64, outlet: String, title: String, summary: String, published: Date, storyID: Int64) {
        self.id = id
        self.outlet = outlet
        self.title = title
        self.summary = summary
        self.published = published
        self.storyID = storyID
    }
}

extension StoreTransaction {
    /// Calls `body` with each article of the stories active since `since`, in the order they were
    /// stored (to rebuild clustering). Rows are read one at a time: the window is never held twice.
    public func forEachArticleOfStoriesActive(since: Date, _ body: (WindowArticle) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.id, a.outlet, a.title, a.summary, COALESCE(a.published, a.first_seen) AS published,
                       a.story_id
                FROM articles a JOIN stories s ON s.id = a.story_id
                WHERE s.last_activity >= ? ORDER BY a.id
                """, arguments: [since.timeIntervalSince1970])
        while let row = try rows.next() {
            try body(
                WindowArticle(
                    id: row[0], outlet: row[1], title: row[2], summary: row[3],
                    published: Date(timeIntervalSince1970: row[4] ?? 0), storyID: row[5]))
        }
    }
}
