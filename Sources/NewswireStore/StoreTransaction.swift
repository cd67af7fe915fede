public import Foundation
import GRDB

/// The typed operations available inside one `StateStore` transaction.
public struct StoreTransaction {
    let db: Database
    /// The last event sequence number of this transaction, once read.
    private let sequence = SequenceCounter()

    init(db: Database) {
        self.db = db
    }

    // MARK: Events

    /// The sequence number of the last stored event (0 when there is none).
    public func lastSequence() throws -> Int64 {
        try Int64.fetchOne(try db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'")) ?? 0
    }

    /// Appends an event; `makeLine` receives its sequence number and returns the wire line.
    @discardableResult
    public func appendEvent(type: String, time: Date, outlet: String?, makeLine: (Int64) -> String) throws
        -> StoredEvent
    {
        // The number AUTOINCREMENT would give (one past the largest ever used), so that the row is
        // written once, with its line: inserting first and updating the line wrote every event twice.
        let seq = try (sequence.last ?? lastSequence()) + 1
        let line = makeLine(seq)
        try db.cachedStatement(sql: "INSERT INTO events (seq, type, time, outlet, line) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [seq, type, time.timeIntervalSince1970, outlet, line])
        sequence.last = seq
        return StoredEvent(seq: seq, line: line)
    }

    /// Stored events with `seq > after`, in order, at most `limit`.
    public func events(after: Int64, limit: Int) throws -> [StoredEvent] {
        try Row.fetchAll(
            try db.cachedStatement(sql: "SELECT seq, line FROM events WHERE seq > ? ORDER BY seq LIMIT ?"),
            arguments: [after, limit]
        )
        .map { StoredEvent(seq: $0["seq"], line: $0["line"]) }
    }

    // MARK: Articles

    /// The article known under any of `keys`, if any (under two, the one of the key first in byte order).
    public func article(forKeys keys: [String]) throws -> StoredArticle? {
        // Point lookups in the order `key IN (...) LIMIT 1` visits them: that query built a
        // temporary b-tree of the keys for every article.
        let statement = try db.cachedStatement(sql: "SELECT article_id FROM article_keys WHERE key = ?")
        for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if let id = try Int64.fetchOne(statement, arguments: [key]) { return try article(id: id) }
        }
        return nil
    }

    /// The article with this id.
    public func article(id: Int64) throws -> StoredArticle? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM articles WHERE id = ?"), arguments: [id]).map(
            Self.article(from:))
    }

    /// Inserts a new article with its keys and first version; returns its id.
    public func insertArticle(_ article: StoredArticle, keys: [String]) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO articles (outlet, url, canonical_url, guid, title, summary, authors, published, version_date,
                                      fingerprint, first_seen, story_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            article.outlet, article.url, article.canonicalURL, article.guid, article.title,
            article.summary, Self.json(article.authors), article.published?.timeIntervalSince1970,
            article.versionDate?.timeIntervalSince1970, article.fingerprint,
            article.firstSeen.timeIntervalSince1970, article.storyID,
        ])
        let id = db.lastInsertedRowID
        try addKeys(keys, to: id)
        try addVersion(article.fingerprint, to: id)
        return id
    }

    /// Records more keys for an article (keys already taken are left to their article).
    public func addKeys(_ keys: [String], to articleID: Int64) throws {
        for key in keys {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_keys (key, article_id) VALUES (?, ?)").execute(
                arguments: [key, articleID])
        }
    }

    /// Records near-duplicate lookup hints for an article.
    public func addHints(_ hints: [String], to articleID: Int64) throws {
        for hint in hints {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_hints (hint, article_id) VALUES (?, ?)").execute(
                arguments: [hint, articleID])
        }
    }

    /// The most recent articles sharing any of `hints` (candidates for a near-duplicate check).
    public func articles(sharingHints hints: [String], limit: Int = 8) throws -> [StoredArticle] {
        // One index walk per hint, newest first, merged here: a single query with IN, DISTINCT and
        // ORDER BY built two temporary b-trees per article, most of the cost of a first poll's lookups.
        var ids = Set<Int64>()
        for hint in hints {
            let statement = try db.cachedStatement(
                sql: "SELECT article_id FROM article_hints WHERE hint = ? ORDER BY article_id DESC LIMIT ?")
            ids.formUnion(try Int64.fetchAll(statement, arguments: [hint, limit]))
        }
        return try ids.sorted(by: >).prefix(limit).compactMap { try article(id: $0) }
    }

    /// Fingerprints of every version stored for an article.
    public func versions(of articleID: Int64) throws -> Set<String> {
        Set(
            try String.fetchAll(
                try db.cachedStatement(sql: "SELECT fingerprint FROM article_versions WHERE article_id = ?"),
                arguments: [articleID]))
    }

    /// Makes `article` (same id) the current version.
    public func updateArticle(_ article: StoredArticle) throws {
        try db.cachedStatement(
            sql: """
                UPDATE articles SET url = ?, title = ?, summary = ?, authors = ?, version_date = ?, fingerprint = ?
                WHERE id = ?
                """
        ).execute(arguments: [
            article.url, article.title, article.summary, Self.json(article.authors),
            article.versionDate?.timeIntervalSince1970, article.fingerprint, article.id,
        ])
        try addVersion(article.fingerprint, to: article.id)
    }

    /// Records which story an article joined and why.
    public func setStory(of articleID: Int64, to storyID: Int64, score: Double, terms: [String]) throws {
        try db.cachedStatement(sql: "UPDATE articles SET story_id = ?, join_score = ?, join_terms = ? WHERE id = ?")
            .execute(arguments: [storyID, score, Self.json(terms), articleID])
    }

    private func addVersion(_ fingerprint: String, to articleID: Int64) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO article_versions (article_id, fingerprint) VALUES (?, ?)")
            .execute(arguments: [articleID, fingerprint])
    }

    // MARK: Stories

    /// Inserts or replaces a story.
    public func saveStory(_ story: StoredStory) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO stories (id, headline, outlets, article_count, brief, created, last_activity)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, outlets = excluded.outlets,
                    article_count = excluded.article_count, brief = excluded.brief, last_activity = excluded.last_activity
                """
        ).execute(arguments: [
            story.id, story.headline, Self.json(story.outlets), story.articleCount,
            Self.json(story.brief), story.created.timeIntervalSince1970,
            story.lastActivity.timeIntervalSince1970,
        ])
    }

    /// Moves every article of `absorbed` into `survivor` and marks `absorbed` as merged.
    public func mergeStory(_ absorbed: Int64, into survivor: Int64) throws {
        try db.cachedStatement(sql: "UPDATE articles SET story_id = ? WHERE story_id = ?").execute(arguments: [
            survivor, absorbed,
        ])
        try db.cachedStatement(sql: "UPDATE stories SET merged_into = ? WHERE id = ?").execute(arguments: [
            survivor, absorbed,
        ])
    }

    /// The story with this id.
    public func story(id: Int64) throws -> StoredStory? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM stories WHERE id = ?"), arguments: [id]).map(
            Self.story(from:))
    }

    /// The largest story id ever stored (0 when none).
    public func maxStoryID() throws -> Int64 {
        try Int64.fetchOne(try db.cachedStatement(sql: "SELECT MAX(id) FROM stories")) ?? 0
    }

    /// Every article of a story with the reason it joined, in order.
    public func joins(ofStory storyID: Int64) throws -> [StoredJoin] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, title, outlet, join_score, join_terms FROM articles WHERE story_id = ? ORDER BY id
                """, arguments: [storyID]
        ).map { row in
            StoredJoin(
                articleID: row["id"], title: row["title"], outlet: row["outlet"], score: row["join_score"],
                terms: Self.strings(row["join_terms"]))
        }
    }

    // MARK: Feeds

    /// What is remembered of a feed, if it was ever polled.
    public func feedState(url: String) throws -> FeedState? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM feeds WHERE url = ?"), arguments: [url]).map {
            row in
            FeedState(
                url: row["url"], outlet: row["outlet"], etag: row["etag"], lastModified: row["last_modified"],
                pollState: row["poll_state"], failing: row["failing"], disabled: row["disabled"],
                lastError: row["last_error"], lastAttempt: Self.date(row["last_attempt"]),
                lastSuccess: Self.date(row["last_success"]), movedTo: row["moved_to"], movedCount: row["moved_count"])
        }
    }

    /// Stores what is remembered of a feed.
    public func saveFeedState(_ state: FeedState) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO feeds (url, outlet, etag, last_modified, poll_state, failing, disabled, last_error,
                                              last_attempt, last_success, moved_to, moved_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            state.url, state.outlet, state.etag, state.lastModified, state.pollState, state.failing,
            state.disabled, state.lastError, state.lastAttempt?.timeIntervalSince1970,
            state.lastSuccess?.timeIntervalSince1970, state.movedTo, state.movedCount,
        ])
    }

    // MARK: Row mapping

    private static func article(from row: Row) -> StoredArticle {
        StoredArticle(
            id: row["id"], outlet: row["outlet"], url: row["url"], canonicalURL: row["canonical_url"],
            guid: row["guid"], title: row["title"], summary: row["summary"],
            authors: strings(row["authors"]), published: date(row["published"]),
            versionDate: date(row["version_date"]), fingerprint: row["fingerprint"],
            firstSeen: date(row["first_seen"]) ?? Date(timeIntervalSince1970: 0), storyID: row["story_id"])
    }

    private static func story(from row: Row) -> StoredStory {
        StoredStory(
            id: row["id"], headline: row["headline"], outlets: strings(row["outlets"]),
            articleCount: row["article_count"], brief: strings(row["brief"]),
            created: date(row["created"]) ?? Date(timeIntervalSince1970: 0),
            lastActivity: date(row["last_activity"]) ?? Date(timeIntervalSince1970: 0))
    }

    private static func date(_ value: Double?) -> Date? { value.map(Date.init(timeIntervalSince1970:)) }

    private static func json(_ strings: [String]) -> String {
        JSONStringArray.encode(strings)
    }

    private static func strings(_ text: String?) -> [String] {
        JSONStringArray.decode(text)
    }
}

/// The sequence counter of one transaction: events appended in it take the next numbers without
/// reading them back from `sqlite_sequence` each time.
private final class SequenceCounter {
    var last: Int64?
}
