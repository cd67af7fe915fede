import FeedParser
import Foundation
import Logging
import NewswireHTTP
import NewswireProtocol
import NewswireStore
import PollScheduling
import SourceAdapterKit

/// Polls one feed: conditional GET, parse, hand over to the ingestor, and report health.
///
/// A failing feed is reported once (a `source.failed` event and one log line with the reason)
/// when it starts failing, retried with backoff, and reported again when it recovers.
struct FeedPoller: Sendable {
    let outlet: PolledOutlet
    let feedURL: URL
    let fetcher: HTTPFetcher
    let ingestor: Ingestor
    let policy: PollPolicy
    let limits: FetchLimits
    let logger: Logger
    /// Shared by every feed's poller: database trouble is logged once, not per feed and poll.
    let storeTrouble: StoreTroubleReporter
    /// Shared by every feed's poller: a feed read with damage is logged when the damage appears.
    let damage: FeedDamageReporter

    /// What one poll came to.
    struct Result: Sendable {
        /// True when the feed answered and was read (200 parsed, or 304).
        var succeeded: Bool
        var newArticles = 0
        var updatedArticles = 0
        /// When to poll next (nil: never, the feed is disabled).
        var nextDelay: TimeInterval?
        var error: String?
        /// The transfer was given up because the daemon is stopping: nothing was recorded, and
        /// the feed is neither healthy nor failing for it.
        var abandoned = false
    }

    /// Fetches the feed once and stores what it brings. `retries` says whether this process polls
    /// it again: a failure's `source.failed` announces the retry only when it does (not in `--once`).
    func pollOnce(now: @escaping @Sendable () -> Date, random: Double, retries: Bool) async -> Result {
        let url = feedURL.absoluteString
        var state: FeedState
        do {
            state = try await ingestor.feedState(url: url) ?? FeedState(url: url, outlet: outlet.id)
        } catch {
            storeTrouble.failed("read the feed's state", feed: url, error: error)
            return Result(succeeded: false, nextDelay: policy.configuration.baseInterval, error: "\(error)")
        }
        guard !state.disabled else { return Result(succeeded: false, nextDelay: nil, error: state.lastError) }
        let pollState = decodePollState(state.pollState)
        state.lastAttempt = now()

        var response: FetchResponse
        do {
            let target = PermanentRedirects.fetchURL(configured: feedURL, state: state)
            response = try await fetcher.fetch(
                FetchRequest(url: target, etag: state.etag, lastModified: state.lastModified, limits: limits))
        } catch {
            if Task.isCancelled {
                // The daemon is stopping: the feed did not fail, and is polled again after the restart.
                logger.debug("transfer abandoned at shutdown", metadata: ["feed": "\(url)"])
                return Result(succeeded: false, nextDelay: nil, error: "\(error)", abandoned: true)
            }
            return await failed(
                state: state, pollState: pollState, error: error, now: now(), random: random, retries: retries)
        }

        var hint = [response.maxAge, response.expires.map { $0.timeIntervalSince(now()) }, response.retryAfter]
            .compactMap { $0 }.max()
        let wasFailing = state.failing
        if PermanentRedirects.record(response, into: &state) {
            logger.notice(
                "feed moved permanently; polling its new URL from now on (update the configuration)",
                metadata: ["feed": "\(url)", "moved_to": "\(state.movedTo ?? "")"])
        }
        var counts = (new: 0, updated: 0)
        if !response.isNotModified {
            let read = self.read(response, url: url, now: now())
            // The body is not needed any more: a feed waiting for the ingestor keeps only its articles.
            response.body = Data()
            let articles: [PreparedArticle]
            switch read {
            case .failure(let error):
                return await failed(
                    state: state, pollState: pollState, error: error, now: now(), random: random, retries: retries)
            case .success(let prepared):
                articles = prepared.articles
                if let ttl = prepared.ttlMinutes { hint = max(hint ?? 0, TimeInterval(ttl * 60)) }
            }
            state.etag = response.etag
            state.lastModified = response.lastModified
            state.markHealthy(at: now())
            do {
                counts = try await ingestor.ingest(
                    articles, now: now(),
                    settle: settlement(
                        of: state, pollState: pollState, hint: hint, wasFailing: wasFailing, now: now,
                        random: random))
                storeTrouble.succeeded()
            } catch {
                storeTrouble.failed("store what the feed published", feed: url, error: error)
                return Result(succeeded: false, nextDelay: policy.configuration.minInterval, error: "\(error)")
            }
        } else {
            let settled = settlement(
                of: state, pollState: pollState, hint: hint, wasFailing: wasFailing, now: now, random: random)(0)
            do {
                try await ingestor.record(feedState: settled.state, event: settled.event, outlet: outlet.id)
                storeTrouble.succeeded()
            } catch {
                storeTrouble.failed("store the feed's state", feed: url, error: error)
            }
        }
        // The same pure decision the settlement made, for the delay it implies.
        let (delay, _) = policy.next(
            after: .fetched(newItems: counts.new, serverHint: hint), state: pollState, random: random)
        return Result(succeeded: true, newArticles: counts.new, updatedArticles: counts.updated, nextDelay: delay)
    }

    /// Parses a body and prepares its articles, in this feed's task. The parsed feed and the
    /// candidates end with the call, before the feed queues for the ingestor.
    private func read(
        _ response: FetchResponse, url: String, now: Date
    ) -> Swift.Result<(articles: [PreparedArticle], ttlMinutes: Int?), FeedReadError> {
        let feed: ParsedFeed
        do {
            feed = try FeedParser.parse(
                response.body, contentType: response.contentType, documentURL: response.effectiveURL, now: now)
        } catch {
            return .failure(FeedReadError(url: url, reason: error.message))
        }
        damage.read(feed: url, issues: feed.isDegraded ? feed.issues : [])
        let articles = PreparedArticle.prepare(
            outlet.adapter.articles(from: feed, feedURL: feedURL), adapter: outlet.adapter, logger: logger)
        return .success((articles, feed.ttlMinutes))
    }

    /// The feed's state after a successful poll, given how many articles were new: healthy, the
    /// policy's next step, and a `source.recovered` event when it was failing. Stored in the same
    /// transaction as the feed's articles.
    private func settlement(
        of state: FeedState, pollState: PollState, hint: TimeInterval?, wasFailing: Bool,
        now: @escaping @Sendable () -> Date, random: Double
    ) -> Ingestor.Settlement {
        { [policy, outlet, feedURL] newArticles in
            var settled = state
            settled.markHealthy(at: now())
            let (_, after) = policy.next(
                after: .fetched(newItems: newArticles, serverHint: hint), state: pollState, random: random)
            settled.pollState = Self.encodePollState(after)
            let recovered = Event(
                seq: 0, type: .sourceRecovered, time: now(),
                source: SourcePayload(outlet: outlet.id, feed: feedURL.absoluteString))
            return (settled, wasFailing ? recovered : nil)
        }
    }

    private func failed(
        state: FeedState, pollState: PollState, error: any Error, now: Date,
        random: Double, retries: Bool
    ) async -> Result {
        var state = state
        let message = "\(error)"
        var retryAfter: TimeInterval?
        var gone = false
        if let fetchError = error as? FetchError, case .httpStatus(_, let status, let after) = fetchError {
            retryAfter = after
            gone = status == 410
        }
        let (delay, after) = policy.next(
            after: gone ? .gone : .failed(retryAfter: retryAfter), state: pollState,
            random: random)
        let wasFailing = state.failing
        state.failing = true
        state.disabled = gone
        state.lastError = message
        state.pollState = Self.encodePollState(after)
        var event: Event?
        // The source-health event is the one log entry about this (journal or stderr).
        if gone {
            event = Event(
                seq: 0, type: .sourceDisabled, time: now,
                source: SourcePayload(outlet: outlet.id, feed: feedURL.absoluteString, error: message))
        } else if !wasFailing {
            event = Event(
                seq: 0, type: .sourceFailed, time: now,
                source: SourcePayload(
                    outlet: outlet.id, feed: feedURL.absoluteString, error: message,
                    retryIn: retries ? delay.map { Int($0) } : nil))
        } else {
            logger.debug("feed still failing", metadata: ["feed": "\(feedURL)", "error": "\(message)"])
        }
        do {
            try await ingestor.record(feedState: state, event: event, outlet: outlet.id)
            storeTrouble.succeeded()
        } catch {
            storeTrouble.failed("store the feed's state", feed: feedURL.absoluteString, error: error)
        }
        return Result(succeeded: false, nextDelay: delay, error: message)
    }

    private func decodePollState(_ json: String?) -> PollState {
        guard let json, let data = json.data(using: .utf8),
            var state = try? JSONDecoder().decode(PollState.self, from: data)
        else { return PollState(interval: outlet.interval) }
        if state.interval <= 0 { state.interval = outlet.interval }
        return state
    }

    private static func encodePollState(_ state: PollState) -> String? {
        (try? JSONEncoder().encode(state)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A body that is not a feed that can be read.
struct FeedReadError: Error, CustomStringConvertible {
    var url: String
    var reason: String
    var description: String { "\(url): not a feed that can be read: \(reason)" }
}

extension FeedState {
    /// Records a successful poll.
    fileprivate mutating func markHealthy(at time: Date) {
        failing = false
        lastError = nil
        lastSuccess = time
    }
}
