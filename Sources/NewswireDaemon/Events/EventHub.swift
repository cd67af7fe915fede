public import NewswireStore
import Synchronization

/// Fans committed events out to live subscribers, in sequence order.
///
/// Registration and publication are serialized by one lock, so a subscriber learns the last
/// published sequence number (`head`) at the exact point from which its stream starts: events up
/// to `head` come from the store, later ones from the stream, with no gap and no duplicate.
/// A subscriber that still has more than `queueLimit` events not yet delivered (handed to the
/// kernel) when new ones are published is cut off, never waited for: a stalled reader holds at most
/// `queueLimit` events plus one batch, and a reader that keeps up is never cut off, however large
/// one batch (one feed's commit) is.
public final class EventHub: Sendable {
    private struct State {
        var head: Int64
        var nextID: UInt64 = 0
        var subscribers: [UInt64: Subscriber] = [:]
    }

    private struct Subscriber {
        let continuation: AsyncStream<[StoredEvent]>.Continuation
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
        let (stream, continuation) = AsyncStream<[StoredEvent]>.makeStream(bufferingPolicy: .unbounded)
        let overflow = OverflowFlag()
        let backlog = Backlog()
        let (id, head) = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = Subscriber(continuation: continuation, overflow: overflow, backlog: backlog)
            return (id, state.head)
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return Subscription(head: head, batches: stream, backlog: backlog, overflow: overflow)
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
                subscriber.continuation.yield(events)
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
    /// Every event published after `head`, in the batches they were published in; ends at
    /// shutdown or on overflow. The subscriber reports what it delivered to `backlog`.
    public let batches: AsyncStream<[StoredEvent]>
    /// How many of the events given to this subscriber it has not delivered yet.
    public let backlog: Backlog
    /// Set when the subscriber fell so far behind that it was cut off.
    public let overflow: OverflowFlag
}

/// A flag set once, from any thread, that one task can wait for.
public final class OverflowFlag: Sendable {
    private let value = Mutex(false)
    private let signal: AsyncStream<Void>
    private let signalContinuation: AsyncStream<Void>.Continuation

    public init() {
        (signal, signalContinuation) = AsyncStream.makeStream()
    }

    public func set() {
        value.withLock { $0 = true }
        signalContinuation.finish()
    }

    public var isSet: Bool { value.withLock { $0 } }

    /// Returns once the flag is set, or as soon as the waiting task is cancelled (check `isSet`).
    /// One task at a time may wait.
    public func wait() async {
        for await _ in signal {}
    }
}

/// The events given to one subscriber and not yet delivered by it.
public final class Backlog: Sendable {
    private let value = Atomic<Int>(0)
    public init() {}
    /// Events waiting.
    public var count: Int { value.load(ordering: .relaxed) }
    func add(_ count: Int) { value.add(count, ordering: .relaxed) }
    /// Reports `count` events delivered: for a socket, handed to the kernel, not merely queued.
    public func delivered(_ count: Int) { value.subtract(count, ordering: .relaxed) }
}
