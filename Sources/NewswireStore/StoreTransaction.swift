public import Foundation
import GRDB

/// The typed operations available inside one `StateStore` transaction.
public struct StoreTransaction: StoreAccess {
    let db: Database
    /// The last event sequence number of this transaction, once read.
    private let sequence = SequenceCounter()
    /// The next article id of this transaction, once read.
    private let articleIDs = ArticleIDCounter()

    init(db: Database) {
        self.db = db
    }

    /// Runs `body` in a savepoint: when it throws, what it wrote is undone (the rest of the
    /// transaction stays) and the error is rethrown.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        do {
            try db.inSavepoint {
                result = try body()
                return .commit
            }
        } catch {
            // Counters read inside the savepoint may count rows that are gone: read them again.
            sequence.last = nil
            articleIDs.next = nil
            throw error
        }
        guard let result else { preconditionFailure("a savepoint that committed produced no result") }
        return result
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
        return try appendEvent(seq: seq, type: type, time: time, outlet: outlet, line: makeLine(seq))
    }

    /// Appends an event under a sequence number chosen beforehand (one past the last, as a
    /// `PlanningTransaction` counts them).
    @discardableResult
    public func appendEvent(seq: Int64, type: String, time: Date, outlet: String?, line: String) throws -> StoredEvent {
        let insert = try RawStatement(
            db, sql: "INSERT INTO events (seq, type, time, outlet, line) VALUES (?, ?, ?, ?, ?)")
        insert.bind(1, seq)
        insert.bind(2, type)
        insert.bind(3, time.timeIntervalSince1970)
        insert.bind(4, outlet)
        insert.bind(5, line)
        try insert.run()
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
        for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if let id = try articleID(forKey: key) { return try article(id: id) }
        }
        return nil
    }

    /// The id of the article known under `key`, if any.
    public func articleID(forKey key: String) throws -> Int64? {
        let lookup = try RawStatement(db, sql: "SELECT article_id FROM article_keys WHERE key = ?")
        lookup.bind(1, key)
        guard try lookup.next() else { return nil }
        defer { lookup.reset() }
        return lookup.int64(0)
    }

    /// The article with this id.
    public func article(id: Int64) throws -> StoredArticle? {
        let select = try RawStatement(
            db,
            sql: """
                SELECT id, outlet, url, canonical_url, guid, title, summary, authors, published, version_date,
                       fingerprint, first_seen, story_id
                FROM articles WHERE id = ?
                """)
        select.bind(1, id)
        guard try select.next() else { return nil }
        defer { select.reset() }
        return StoredArticle(
            id: select.int64(0), outlet: select.string(1), url: select.string(2), canonicalURL: select.string(3),
            guid: select.optionalString(4), title: select.string(5), summary: select.string(6),
            authors: Self.strings(select.optionalString(7)), published: Self.date(select.optionalDouble(8)),
            versionDate: Self.date(select.optionalDouble(9)), fingerprint: select.string(10),
            firstSeen: Self.date(select.optionalDouble(11)) ?? Date(timeIntervalSince1970: 0),
            storyID: select.optionalInt64(12))
    }

    /// The id the next inserted article gets: one past the largest ever used, as AUTOINCREMENT
    /// gives it (so that it can be known before the row is written).
    public func nextArticleID() throws -> Int64 {
        if let next = articleIDs.next { return next }
        let last = try Int64.fetchOne(
            try db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'articles'"))
        let next = (last ?? 0) + 1
        articleIDs.next = next
        return next
    }

    /// Inserts a new article, under the id `nextArticleID()` gives, with its keys and first version
    /// and, when it is known already, why it joined its story; returns its id.
    public func insertArticle(
        _ article: StoredArticle, keys: [String], joinScore: Double? = nil, joinTerms: [String]? = nil
    ) throws -> Int64 {
        let id = try nextArticleID()
        try insertArticle(article, id: id, keys: keys, joinScore: joinScore, joinTerms: joinTerms)
        return id
    }

    /// Inserts a new article under an id chosen beforehand (one past the largest ever used, as a
    /// `PlanningTransaction` counts them), with its keys and first version.
    public func insertArticle(
        _ article: StoredArticle, id: Int64, keys: [String], joinScore: Double?, joinTerms: [String]?
    ) throws {
        do {
            let insert = try RawStatement(
                db,
                sql: """
                    INSERT INTO articles (outlet, url, canonical_url, guid, title, summary, authors, published,
                                          version_date, fingerprint, first_seen, story_id, join_score, join_terms,
                                          id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            insert.bind(1, article.outlet)
            insert.bind(2, article.url)
            insert.bind(3, article.canonicalURL)
            insert.bind(4, article.guid)
            insert.bind(5, article.title)
            insert.bind(6, article.summary)
            insert.bind(7, Self.json(article.authors))
            insert.bind(8, article.published?.timeIntervalSince1970)
            insert.bind(9, article.versionDate?.timeIntervalSince1970)
            insert.bind(10, article.fingerprint)
            insert.bind(11, article.firstSeen.timeIntervalSince1970)
            insert.bind(12, article.storyID)
            insert.bind(13, joinScore)
            insert.bind(14, joinTerms.map(Self.json))
            insert.bind(15, id)
            try insert.run()
        }
        articleIDs.next = id + 1
        try addKeys(keys, to: id)
        try addVersion(article.fingerprint, to: id)
    }

    /// Records more keys for an article (keys already taken are left to their article).
    public func addKeys(_ keys: [String], to articleID: Int64) throws {
        guard !keys.isEmpty else { return }
        let insert = try RawStatement(db, sql: "INSERT OR IGNORE INTO article_keys (key, article_id) VALUES (?, ?)")
        insert.bind(2, articleID)
        for key in keys {
            insert.bind(1, key)
            try insert.run()
        }
    }

    /// Records near-duplicate lookup hints for an article.
    public func addHints(_ hints: [String], to articleID: Int64) throws {
        guard !hints.isEmpty else { return }
        let insert = try RawStatement(db, sql: "INSERT OR IGNORE INTO article_hints (hint, article_id) VALUES (?, ?)")
        insert.bind(2, articleID)
        for hint in hints {
            insert.bind(1, hint)
            try insert.run()
        }
    }

    /// The most recent articles sharing any of `hints` (candidates for a near-duplicate check).
    public func articles(sharingHints hints: [String], limit: Int = 8) throws -> [StoredArticle] {
        try articleIDs(sharingHints: hints, limit: limit).sorted(by: >).prefix(limit).compactMap { try article(id: $0) }
    }

    /// The ids of the most recent articles sharing each of `hints` (at most `limit` per hint).
    public func articleIDs(sharingHints hints: [String], limit: Int) throws -> Set<Int64> {
        // One index walk per hint, newest first, merged by the caller: a single query with IN, DISTINCT
        // and ORDER BY built two temporary b-trees per article, most of the cost of a first poll's lookups.
        var ids = Set<Int64>()
        if !hints.isEmpty {
            let lookup = try RawStatement(
                db, sql: "SELECT article_id FROM article_hints WHERE hint = ? ORDER BY article_id DESC LIMIT ?")
            lookup.bind(2, Int64(limit))
            for hint in hints {
                lookup.bind(1, hint)
                while try lookup.next() { ids.insert(lookup.int64(0)) }
            }
        }
        return ids
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

    private func addVersion(_ fingerprint: String, to articleID: Int64) throws {
        let insert = try RawStatement(
            db, sql: "INSERT OR IGNORE INTO article_versions (article_id, fingerprint) VALUES (?, ?)")
        insert.bind(1, articleID)
        insert.bind(2, fingerprint)
        try insert.run()
    }

    // MARK: Stories

    /// Inserts or replaces a story.
    public func saveStory(_ story: StoredStory) throws {
        let upsert = try RawStatement(
            db,
            sql: """
                INSERT INTO stories (id, headline, outlets, article_count, brief, created, last_activity)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, outlets = excluded.outlets,
                    article_count = excluded.article_count, brief = excluded.brief, last_activity = excluded.last_activity
                """)
        upsert.bind(1, story.id)
        upsert.bind(2, story.headline)
        upsert.bind(3, Self.json(story.outlets))
        upsert.bind(4, Int64(story.articleCount))
        upsert.bind(5, Self.json(story.brief))
        upsert.bind(6, story.created.timeIntervalSince1970)
        upsert.bind(7, story.lastActivity.timeIntervalSince1970)
        try upsert.run()
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
        let select = try RawStatement(
            db,
            sql: "SELECT id, headline, outlets, article_count, brief, created, last_activity FROM stories WHERE id = ?")
        select.bind(1, id)
        guard try select.next() else { return nil }
        defer { select.reset() }
        return StoredStory(
            id: select.int64(0), headline: select.string(1), outlets: Self.strings(select.optionalString(2)),
            articleCount: Int(select.int64(3)), brief: Self.strings(select.optionalString(4)),
            created: Self.date(select.optionalDouble(5)) ?? Date(timeIntervalSince1970: 0),
            lastActivity: Self.date(select.optionalDouble(6)) ?? Date(timeIntervalSince1970: 0))
    }

    /// The story `id` was merged into (found to be the same event), nil when it was not.
    public func story(mergedInto id: Int64) throws -> Int64? {
        try Int64?.fetchOne(db, sql: "SELECT merged_into FROM stories WHERE id = ?", arguments: [id]) ?? nil
    }

    /// The stories merged into `id`, oldest id first.
    public func stories(mergedInto id: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM stories WHERE merged_into = ? ORDER BY id", arguments: [id])
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

/// The article id counter of one transaction (see `StoreTransaction.nextArticleID()`).
private final class ArticleIDCounter {
    var next: Int64?
}
