import ArticleIdentity
import Foundation
import Logging
import NewswireProtocol
import NewswireStore
import SourceAdapterKit
import StoryClustering

/// Turns what a feed published into stored articles, stories and events.
///
/// The one writer of the store: calls are serialized by the actor, each feed's batch is one
/// transaction (articles, stories, events and the feed's HTTP validators together), and its
/// events go to subscribers and the journal only after that transaction committed.
actor Ingestor {
    private let store: StateStore
    private let hub: EventHub
    private let journal: EventJournal
    private let logger: Logger
    /// Restored from the store when the first new article needs it (never on a poll of 304s).
    private var window: ClusteringWindow
    private var eventsEmitted = 0

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

    /// Stores a batch of prepared articles from one feed and the feed's new state (`settle` says
    /// what it is), all in one transaction; returns how many articles were new and how many updated.
    func ingest(
        _ articles: [PreparedArticle], now: Date, settle: Settlement
    ) throws(StoreError) -> (new: Int, updated: Int) {
        let result: (events: [EmittedEvent], new: Int, updated: Int)
        do {
            result = try store.write { tx in
                var events: [EmittedEvent] = []
                var counts = (new: 0, updated: 0)
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
                return (events, counts.new, counts.updated)
            }
        } catch {
            // The transaction rolled back: the clustering state is restored from what is stored when
            // next needed, so it never keeps articles that were not. (Clustering works in place: a
            // copy of the whole window per batch cost more than all the rest of a large poll.)
            window.discard()
            throw error
        }
        deliver(result.events)
        return (result.new, result.updated)
    }

    /// Stores a feed's state, with a source-health event when there is one to tell.
    func record(feedState: FeedState, event: Event?, outlet: String) throws(StoreError) {
        let emitted = try store.write { tx -> [EmittedEvent] in
            try tx.saveFeedState(feedState)
            guard let event else { return [] }
            return [try tx.emit(event, outlet: outlet)]
        }
        deliver(emitted)
    }

    /// What is remembered of a feed.
    func feedState(url: String) throws(StoreError) -> FeedState? {
        try store.read { try $0.feedState(url: url) }
    }

    /// Closes stories that have been quiet for longer than the quiet period.
    func expireStories(now: Date) {
        window.expire(now: now)
    }

    private func deliver(_ events: [EmittedEvent]) {
        guard !events.isEmpty else { return }
        eventsEmitted += events.count
        hub.publish(events.map(\.stored))
        journal.record(events.map { ($0.event, $0.outlet) })
    }
}
