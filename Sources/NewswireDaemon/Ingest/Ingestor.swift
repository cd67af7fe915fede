import ArticleIdentity
import Foundation
import Logging
import NewswireProtocol
import NewswireStore
import SourceAdapterKit
import StoryClustering

/// Turns what a feed published into stored articles, stories and events.
///
/// The one writer of the store. Writes are group-committed: the feeds' batches (and the feed
/// states of 304s and failures) that wait while a transaction is being written go together into
/// the next one. A poll of many feeds thus commits a few hundred times instead of once per feed,
/// and the index and story pages that every batch touches are written to the log once per group,
/// not once per feed. A batch that fails is undone alone (the group is then written again, each
/// batch in its own savepoint), the others are kept. Events go to subscribers and the journal only
/// after their transaction committed, in sequence order.
actor Ingestor {
    private let store: StateStore
    private let hub: EventHub
    private let journal: EventJournal
    private let logger: Logger
    /// Restored from the store when the first new article needs it (never on a poll of 304s).
    private var window: ClusteringWindow
    private var eventsEmitted = 0
    /// Writes waiting for the next group commit (a commit is scheduled whenever this is not empty).
    private var waiting: [PendingWrite] = []

    init(
        store: StateStore, hub: EventHub, journal: EventJournal, clustering: StoryClusteringConfiguration,
        logger: Logger
    ) {
        self.store = store
        self.hub = hub
        self.journal = journal
        self.logger = logger
        window = ClusteringWindow(configuration: clustering)
    }

    /// Number of events emitted since start.
    var emittedCount: Int { eventsEmitted }

    /// What a feed's state becomes once its batch is stored, given how many of its articles were
    /// new: the state to save and the source-health event to emit, if any.
    typealias Settlement = @Sendable (_ newArticles: Int) -> (state: FeedState, event: Event?)

    /// How many articles of a batch were new, and how many updated.
    typealias Counts = (new: Int, updated: Int)

    /// Stores a batch of prepared articles from one feed and the feed's new state (`settle` says
    /// what it is), all or nothing; returns how many articles were new and how many updated.
    func ingest(
        _ articles: [PreparedArticle], now: Date, settle: @escaping Settlement
    ) async throws(StoreError) -> Counts {
        try await commit(.batch(articles, now: now, settle: settle))
    }

    /// Stores a feed's state, with a source-health event when there is one to tell.
    func record(feedState: FeedState, event: Event?, outlet: String) async throws(StoreError) {
        _ = try await commit(.feedState(feedState, event: event, outlet: outlet))
    }

    /// Queues `work` for the next group commit and waits for its outcome.
    private func commit(_ work: PendingWrite.Work) async throws(StoreError) -> Counts {
        let outcome = await withCheckedContinuation { reply in
            waiting.append(PendingWrite(work: work, reply: reply))
            // Runs after the calls already queued on this actor, which join the group.
            if waiting.count == 1 { Task { self.commitWaiting() } }
        }
        return try outcome.get()
    }

    /// Writes every waiting write in one transaction, then delivers the events and answers the
    /// writers.
    ///
    /// The writes go in without savepoints first: a savepoint makes SQLite journal the original of
    /// every page its write changes (a temporary file once past 64 KiB), which was as many bytes as
    /// the write-ahead log itself on a first poll. Only when one of them fails (the transaction then
    /// rolled back) are they written again, each in its own savepoint, so that the failing one is
    /// undone alone.
    private func commitWaiting() {
        let writes = waiting
        waiting = []
        guard !writes.isEmpty else { return }
        let outcomes: [Result<PendingWrite.Written, StoreError>]
        do {
            outcomes = try store.write { tx in try writes.map { .success(try apply($0.work, tx: tx)) } }
        } catch {
            // Nothing of them is stored: the window must not keep their articles (it is restored from
            // what is stored when next needed).
            window.discard()
            outcomes = commitEachAlone(writes)
        }
        deliver(outcomes.flatMap { (try? $0.get().events) ?? [] })
        for (write, outcome) in zip(writes, outcomes) {
            write.reply.resume(returning: outcome.map(\.counts))
        }
    }

    /// Writes `writes` in one transaction, each in a savepoint: a write that fails is undone alone
    /// and the others are kept.
    private func commitEachAlone(_ writes: [PendingWrite]) -> [Result<PendingWrite.Written, StoreError>] {
        do {
            return try store.write { tx in
                writes.map { write in
                    do {
                        return .success(try tx.savepoint { try apply(write.work, tx: tx) })
                    } catch {
                        // Clustering works in place: forget what this write did to the window.
                        window.discard()
                        return .failure(error as? StoreError ?? StoreError(path: store.path, reason: "\(error)"))
                    }
                }
            }
        } catch {
            // The transaction rolled back: the window must not keep articles that were not stored.
            window.discard()
            return writes.map { _ in .failure(error) }
        }
    }

    /// What one write does in the group's transaction (inside its own savepoint when the group is
    /// written again by `commitEachAlone`).
    private func apply(_ work: PendingWrite.Work, tx: StoreTransaction) throws -> PendingWrite.Written {
        switch work {
        case .batch(let articles, let now, let settle):
            var events: [EmittedEvent] = []
            var counts: Counts = (0, 0)
            var stories = StoryRows()
            for article in articles {
                let step = try ArticleStep.apply(article, tx: tx, window: &window, stories: &stories, now: now)
                events += step
                if step.contains(where: { $0.event.type == .articleNew }) { counts.new += 1 }
                if step.contains(where: { $0.event.type == .articleUpdated }) { counts.updated += 1 }
            }
            try stories.flush(tx: tx)
            let settled = settle(counts.new)
            try tx.saveFeedState(settled.state)
            if let event = settled.event { events.append(try tx.emit(event, outlet: event.outlet)) }
            return PendingWrite.Written(events: events, counts: counts)
        case .feedState(let state, let event, let outlet):
            try tx.saveFeedState(state)
            let events = try event.map { [try tx.emit($0, outlet: outlet)] } ?? []
            return PendingWrite.Written(events: events, counts: (0, 0))
        }
    }

    /// What is remembered of a feed.
    func feedState(url: String) throws(StoreError) -> FeedState? {
        try store.read { try $0.feedState(url: url) }
    }

    /// Closes stories that have been quiet for longer than the quiet period.
    func expireStories(now: Date) {
        window.expire(now: now)
    }

    /// Drops what an idle daemon can rebuild when next needed: the clustering window (restored
    /// from the store at the next new article) and the database's page caches. Returns how many
    /// articles the window held (0 when it was not in memory).
    @discardableResult
    func releaseIdleMemory() -> Int {
        let articles = window.articleCount
        window.discard()
        store.releaseMemory()
        if articles > 0 {
            logger.debug(
                "idle: clustering window released; restored from the store at the next new article",
                metadata: ["articles": "\(articles)"])
        }
        return articles
    }

    private func deliver(_ events: [EmittedEvent]) {
        guard !events.isEmpty else { return }
        eventsEmitted += events.count
        hub.publish(events.map(\.stored))
        journal.record(events.map { ($0.event, $0.outlet) })
    }
}

/// A write waiting in `Ingestor` for the next group commit, and the writer waiting for its outcome.
private struct PendingWrite {
    /// What to write.
    enum Work {
        /// A feed's articles and, through `settle`, its state.
        case batch([PreparedArticle], now: Date, settle: Ingestor.Settlement)
        /// A feed's state alone (a 304, a failure), with its source-health event if any.
        case feedState(FeedState, event: Event?, outlet: String)
    }

    /// What a write stored.
    struct Written {
        var events: [EmittedEvent]
        var counts: Ingestor.Counts
    }

    var work: Work
    var reply: CheckedContinuation<Result<Ingestor.Counts, StoreError>, Never>
}
