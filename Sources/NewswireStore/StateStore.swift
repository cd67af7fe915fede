import CSQLite
public import Foundation
import GRDB

/// The daemon's state: one SQLite database in the state directory, owned by one instance.
///
/// Writes go through `write(_:)` or `writeInBackground(_:completion:)`, one transaction each, on
/// one writer connection; readers (the ingestor deciding, socket replay, the CLI) use `read(_:)`
/// concurrently thanks to WAL mode.
public final class StateStore: Sendable {
    /// The database file.
    public let path: String
    /// Identifies this database: a client seeing another epoch knows sequence numbers restarted.
    public let epoch: String
    private let pool: DatabasePool
    /// SQLite's process-wide settings, made once before its first connection: page caches that grow
    /// a page at a time. A cache emptied (as a reader's is each time another connection committed)
    /// otherwise took a block of 20 pages (about 87 KB) again at its next page: 4,259 blocks during a
    /// first poll of the 1,000 bench feeds, each a mmap and munmap above the daemon's mmap threshold
    /// (`MemoryTrim.mmapThreshold`).
    private static let configureSQLite: Void = {
        _ = newswire_sqlite_no_bulk_page_cache()
    }()

    /// The page cache of each reader connection, in KiB.
    static let readerCacheKiB = 512

    /// Pages of write-ahead log after which a commit copies them into the database.
    static let checkpointPages = 10_000

    /// Opens (creating and migrating if needed) `newswire.sqlite3` in `directory`.
    public convenience init(directory: URL, readOnly: Bool = false) throws(StoreError) {
        try self.init(path: directory.appendingPathComponent("newswire.sqlite3").path, readOnly: readOnly)
    }

    /// Opens (creating and migrating if needed) the database at `path`.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        Self.configureSQLite
        do {
            var configuration = Configuration()
            configuration.readonly = readOnly
            configuration.busyMode = .timeout(5)
            configuration.label = "newswire"
            configuration.prepareDatabase { db in
                // Checkpoint every 40 MB of log rather than every 4 MB: a poll rewrites the same
                // index and story pages in every feed's transaction, and each checkpoint copies
                // them back and waits for two fsyncs (most of the I/O of a first poll).
                if !readOnly { try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)") }
                // Readers make point lookups (the ingestor deciding, replays): a small cache of their
                // own, not the 2 MB default, which a first poll fills. 512 KiB: peak RSS of a first
                // poll about 1.8 MiB lower, for 12% more page reads (164,382 preads against 146,466).
                if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -\(Self.readerCacheKiB)") }
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            if !readOnly { try Schema.migrator.migrate(pool) }
            epoch = try pool.write { db in
                if let existing = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'epoch'") {
                    return existing
                }
                guard !readOnly else { return "" }
                let fresh = UUID().uuidString.lowercased()
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('epoch', ?)", arguments: [fresh])
                return fresh
            }
        } catch let error as DatabaseError {
            throw StoreError(path: path, reason: error.message ?? error.description)
        } catch {
            throw StoreError(path: path, reason: "\(error)")
        }
    }

    /// Runs `body` in one write transaction; everything it did is stored, or nothing.
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write { db in try body(StoreTransaction(db: db)) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, reason: "\(error)")
        }
    }

    /// Runs `body` in one write transaction on the writer's own thread, after every write queued
    /// before it, and returns at once; `completion` is called on that thread with the outcome, once
    /// the transaction is committed or rolled back (completions come in the order of the writes).
    public func writeInBackground(
        _ body: @escaping @Sendable (StoreTransaction) throws -> Void,
        completion: @escaping @Sendable (Result<Void, StoreError>) -> Void
    ) {
        let path = path
        pool.asyncWrite { db in
            try body(StoreTransaction(db: db))
        } completion: { _, result in
            completion(result.mapError { $0 as? StoreError ?? StoreError(path: path, reason: "\($0)") })
        }
    }

    /// Runs `body` on a consistent snapshot.
    public func read<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read { db in try body(StoreTransaction(db: db)) }
        } catch {
            throw StoreError(path: path, reason: "\(error)")
        }
    }

    /// Frees the page caches of the database connections (they refill from the file as needed).
    public func releaseMemory() {
        pool.releaseMemory()
    }

    /// The sequence number of the last stored event (0 when there is none).
    public func lastSequence() throws(StoreError) -> Int64 {
        try read { try $0.lastSequence() }
    }

    /// Stored event lines with `seq > after`, in order, at most `limit`.
    public func events(after: Int64, limit: Int) throws(StoreError) -> [StoredEvent] {
        try read { try $0.events(after: after, limit: limit) }
    }
}

/// One event as stored: its sequence number and its wire line.
public struct StoredEvent: Sendable, Equatable {
    public var seq: Int64
    public var line: String
    public init(seq: Int64, line: String) {
        self.seq = seq
        self.line = line
    }
}
