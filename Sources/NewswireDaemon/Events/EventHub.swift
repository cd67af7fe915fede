public import NewswireStore
import Synchronization

/// Fans committed events out to live subscribers, in sequence order.
///
/// Registration and publication are serialized by one lock, so a subscriber learns the last
/// published sequence number (`head`) at the exact point from which its stream starts: events up
/// to `head` come from the store, later ones from the stream, with no gap and no duplicate.
/// A subscriber that still has more than `queueLimit` events waiting when new ones are published is
/// cut off, never waited for: a stalled reader holds at most `queueLimit` events plus one batch, and
/// a reader that keeps up is never cut off, however large one batch (one feed's commit) is.
public final class EventHub: Sendable {
    private struct State {
        var head: Int64
        var nextID: UInt64 = 0
        var subscribers: [UInt64: Subscriber] = [:]
    }

    private struct Subscriber {
        let continuation: AsyncStream<StoredEvent>.Continuation
        let overflow: OverflowFlag
        let backlog: Backlog
    }

    private let state: Mutex<State>
    /// Events a subscriber may have waiting, when more are published, before it is cut off.
    public let queueLimit: Int

    /// - Parameter head: the last sequence number already stored.
    public init(head: Int64, queueLimit: Int = 20_000) {
        state = Mutex(State(head: head))
        self.queueLimit = queueLimit
    }

    /// The last published sequence number.
    public var head: Int64 { state.withLock { $0.head } }

    /// How many subscribers are connected.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Registers a subscriber: its stream yields every event published after `head`.
    public func subscribe() -> Subscription {
        let (stream, continuation) = AsyncStream<StoredEvent>.makeStream(bufferingPolicy: .unbounded)
        let overflow = OverflowFlag()
        let backlog = Backlog()
        let (id, head) = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = Subscriber(continuation: continuation, overflow: overflow, backlog: backlog)
            return (id, state.head)
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return Subscription(head: head, events: SubscriberEvents(stream: stream, backlog: backlog), overflow: overflow)
    }

    /// Delivers committed events (in increasing `seq`) to every subscriber.
    public func publish(_ events: [StoredEvent]) {
        guard let last = events.last else { return }
        let cutOff = state.withLock { state -> [Subscriber] in
            state.head = max(state.head, last.seq)
            var cutOff: [Subscriber] = []
            for (id, subscriber) in state.subscribers {
                if subscriber.backlog.count > queueLimit {
                    // What it was already given stays in its stream and is still delivered.
                    subscriber.overflow.set()
                    state.subscribers[id] = nil
                    cutOff.append(subscriber)
                    continue
                }
                subscriber.backlog.add(events.count)
                for event in events { subscriber.continuation.yield(event) }
            }
            return cutOff
        }
        // Finishing runs `onTermination`, which takes the lock: do it outside.
        cutOff.forEach { $0.continuation.finish() }
    }

    /// Ends every subscription (at shutdown).
    public func finishAll() {
        let all = state.withLock { state in
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        all.forEach { $0.continuation.finish() }
    }

    private func unsubscribe(_ id: UInt64) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: id) }
    }
}

/// One registration with the hub.
public struct Subscription: Sendable {
    /// The last sequence number published before this subscription started.
    public let head: Int64
    /// Every event published after `head`; ends at shutdown or on overflow.
    public let events: SubscriberEvents
    /// Set when the subscriber fell so far behind that it was cut off.
    public let overflow: OverflowFlag
}

/// A flag set once, from any thread.
public final class OverflowFlag: Sendable {
    private let value = Mutex(false)
    public init() {}
    public func set() { value.withLock { $0 = true } }
    public var isSet: Bool { value.withLock { $0 } }
}

/// The events given to one subscriber and not yet taken by it.
public final class Backlog: Sendable {
    private let value = Atomic<Int>(0)
    public init() {}
    /// Events waiting.
    public var count: Int { value.load(ordering: .relaxed) }
    func add(_ count: Int) { value.add(count, ordering: .relaxed) }
    func take() { value.subtract(1, ordering: .relaxed) }
}

/// A subscriber's event stream; taking an event from it shortens its backlog.
public struct SubscriberEvents: AsyncSequence, Sendable {
    public typealias Element = StoredEvent
    let stream: AsyncStream<StoredEvent>
    let backlog: Backlog

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<StoredEvent>.AsyncIterator
        let backlog: Backlog

        public mutating func next() async -> StoredEvent? {
            guard let event = await base.next() else { return nil }
            backlog.take()
            return event
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> StoredEvent? {
            guard let event = await base.next(isolation: actor) else { return nil }
            backlog.take()
            return event
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), backlog: backlog)
    }
}
