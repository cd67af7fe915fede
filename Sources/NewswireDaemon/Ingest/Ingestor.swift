import ArticleIdentity
import Foundation
import Logging
import NewswireProtocol
import NewswireStore
import SourceAdapterKit
import StoryClustering

/// Turns what a feed published into stored articles, stories and events.
///
/// The one writer of the store, in two stages that overlap. The feeds' batches (and the feed
/// states of 304s and failures) that wait while the ingestor is busy go together into one group.
/// The ingestor decides a group (identity, clustering, ids, sequence numbers, event lines) against
/// the store as it will stand once the groups in flight are written (`PlanningTransaction`), and
/// hands the resulting writes to the store's writer thread, which commits them in one transaction
/// while the next group is being decided. So SQLite's work, most of a first poll's, is no longer
/// on the path every article waits on.
///
/// Events go to subscribers and the journal, and writers get their answer, only after their
/// group committed, in sequence order. When a group fails to commit, the groups decided after it
/// stood on it and are dropped too; once nothing is in flight, the ingestor starts again from the
/// store and writes their batches each in its own savepoint, so that only a failing batch is lost.
actor Ingestor {
    private let store: StateStore
    private let hub: EventHub
    private let journal: EventJournal
    private let logger: Logger
    /// Restored from the store when the first new article needs it (never on a poll of 304s).
    private var window: ClusteringWindow
    private var eventsEmitted = 0
    /// Writes waiting for the next group.
    private var waiting: [PendingWrite] = []
    /// Whether a task to decide the waiting writes is scheduled.
    private var decisionScheduled = false
    /// What the groups in flight will change in the store.
    private let inFlight = WritesInFlight()
    /// Groups decided and not finished yet, by plan number, with their commit's outcome once known.
    private var groups: [Int: DecidedGroup] = [:]
    private var nextPlan = 0
    private var nextToFinish = 0
    /// Writes of groups that failed or were dropped, written again once nothing is in flight.
    private var toRetry: [PendingWrite] = []
    /// Writes the groups decided, on the store's writer thread.
    private let writer: GroupWriter

    /// Groups decided and not yet committed, at most: the writer takes all those queued into one
    /// transaction; past this, new writes wait and make the next group larger.
    static let groupsInFlight = 4

    init(
        store: StateStore, hub: EventHub, journal: EventJournal, clustering: StoryClusteringConfiguration,
        logger: Logger
    ) {
        self.store = store
        self.hub = hub
        self.journal = journal
        self.logger = logger
        window = ClusteringWindow(configuration: clustering)
        writer = GroupWriter(store: store)
    }

    /// Number of events emitted since start.
    var emittedCount: Int { eventsEmitted }

    /// What a feed's state becomes once its batch is stored, given how many of its articles were
    /// new: the state to save and the source-health event to emit, if any.
    typealias Settlement = @Sendable (_ newArticles: Int) -> (state: FeedState, event: Event?)

    /// How many articles of a batch were new, and how many updated.
    typealias Counts = (new: Int, updated: Int)

    /// Articles of the active stories held in memory (0 when the window is not loaded).
    var windowArticleCount: Int { window.articleCount }

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

    /// Queues `work` for the next group and waits until it is committed.
    private func commit(_ work: PendingWrite.Work) async throws(StoreError) -> Counts {
        let outcome = await withCheckedContinuation { reply in
            waiting.append(PendingWrite(work: work, reply: reply))
            scheduleDecision()
        }
        return try outcome.get()
    }

    /// Decides the waiting writes soon, after the calls already queued on this actor (which join
    /// the group).
    private func scheduleDecision() {
        guard !decisionScheduled, !waiting.isEmpty else { return }
        decisionScheduled = true
        Task { self.decideWaiting() }
    }

    /// Decides every waiting write as one group and hands its writes to the writer thread, unless
    /// it has to wait: for a group to finish (`groupsInFlight` are in flight), for a failure to be
    /// recovered from, or for nothing to be in flight before the clustering window is restored from
    /// the store (it is rebuilt from committed rows only).
    private func decideWaiting() {
        decisionScheduled = false
        guard !waiting.isEmpty, toRetry.isEmpty, groups.count < Self.groupsInFlight,
            window.isLoaded || groups.isEmpty
        else { return }  // `finish` schedules it again
        let writes = waiting
        waiting = []
        let plan = nextPlan
        nextPlan += 1
        let planned: [PlannedWrite]
        do {
            let decided = try store.read { reader in
                let tx = PlanningTransaction(reader: reader, inFlight: inFlight, plan: plan)
                let written = try writes.map { try apply($0.work, tx: tx) }
                return (tx.writes, written)
            }
            planned = decided.0
            groups[plan] = DecidedGroup(writes: writes, written: decided.1)
        } catch {
            // A read failed. The window may hold articles of this group: it goes (nothing is decided
            // until `recover` has run), and the group is written again, each batch alone, once the
            // groups before it are finished.
            window.discard()
            groups[plan] = DecidedGroup(writes: writes, written: [], outcome: .failure(error))
            finishInOrder()
            return
        }
        writer.write(
            GroupWriter.Group(plan: plan, writes: planned) { result in
                Task { await self.finish(plan, result) }
            })
    }

    /// Takes the outcome of a group's transaction.
    private func finish(_ plan: Int, _ result: Result<Void, StoreError>) {
        groups[plan]?.outcome = result
        finishInOrder()
    }

    /// Finishes the groups whose outcome is known, in the order they were decided: delivers the
    /// events of a committed one and answers its writers; keeps the writes of a failed one for
    /// `recover`, which runs once nothing is in flight.
    private func finishInOrder() {
        while let outcome = groups[nextToFinish]?.outcome, let group = groups.removeValue(forKey: nextToFinish) {
            let plan = nextToFinish
            nextToFinish += 1
            switch outcome {
            case .success:
                inFlight.forget(plan: plan)
                deliver(group.written.flatMap(\.events))
                for (write, written) in zip(group.writes, group.written) {
                    write.reply.resume(returning: .success(written.counts))
                }
            case .failure:
                toRetry += group.writes
            }
        }
        if groups.isEmpty, !toRetry.isEmpty { recover() }
        scheduleDecision()
    }

    /// After a group failed and nothing is in flight: starts again from what is stored (window,
    /// ids, sequence numbers) and writes the failed and dropped batches in one transaction, each in
    /// its own savepoint, so that a failing batch is undone alone and the others are kept.
    private func recover() {
        let writes = toRetry
        toRetry = []
        window.discard()
        inFlight.reset()
        writer.accept(from: nextPlan)
        let outcomes = commitEachAlone(writes)
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

    /// What one write does in its group (in the plan of a group, or inside its own savepoint when
    /// written again by `commitEachAlone`).
    private func apply(_ work: PendingWrite.Work, tx: some StoreAccess) throws -> PendingWrite.Written {
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

    /// Drops what an idle daemon can rebuild when next needed: the clustering window (restored
    /// from the store at the next new article) and the database's page caches. Returns how many
    /// articles the window held (0 when it was not in memory).
    @discardableResult
    func releaseIdleMemory() -> Int {
        // Not while groups are in flight: the window is restored from the store only when nothing is.
        guard groups.isEmpty, toRetry.isEmpty else { return 0 }
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

/// A write waiting in `Ingestor` for the next group, and the writer waiting for its outcome.
private struct PendingWrite {
    /// What to write.
    enum Work {
        /// A feed's articles and, through `settle`, its state.
        case batch([PreparedArticle], now: Date, settle: Ingestor.Settlement)
        /// A feed's state alone (a 304, a failure), with its source-health event if any.
        case feedState(FeedState, event: Event?, outlet: String)
    }

    /// What a write stored (or, in a group in flight, will have stored once it commits).
    struct Written {
        var events: [EmittedEvent]
        var counts: Ingestor.Counts
    }

    var work: Work
    var reply: CheckedContinuation<Result<Ingestor.Counts, StoreError>, Never>
}

/// A group the `Ingestor` decided and handed to the writer thread: its writes, what each of them
/// will have stored once the group commits, and the outcome of its commit once it is known.
private struct DecidedGroup {
    var writes: [PendingWrite]
    var written: [PendingWrite.Written]
    var outcome: Result<Void, StoreError>?
}
