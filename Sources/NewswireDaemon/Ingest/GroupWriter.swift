import NewswireStore
import Synchronization

/// Writes the groups the `Ingestor` decided, on the store's writer thread, in the order they were
/// decided: every group queued when the writer gets to them goes into one transaction, so that
/// when writing falls behind deciding, commits grow instead of queueing up (a commit rewrites the
/// index pages its rows touched, whatever their number).
///
/// When a transaction fails, every group from then on is dropped unwritten (they were decided on
/// top of the failed ones) until the ingestor, once nothing is in flight, has started again from
/// the store and accepts groups again (`accept(from:)`).
final class GroupWriter: Sendable {
    /// A group's writes, under its plan number, and what to call with the outcome of their
    /// transaction (on the writer thread, in the order the groups were queued).
    struct Group: Sendable {
        var plan: Int
        var writes: [PlannedWrite]
        var committed: @Sendable (Result<Void, StoreError>) -> Void
    }

    private struct State {
        var queued: [Group] = []
        /// Whether a transaction is scheduled that will take the queued groups.
        var scheduled = false
        /// Plans numbered below this are dropped.
        var firstAccepted = 0
    }

    private let store: StateStore
    private let state = Mutex(State())

    init(store: StateStore) {
        self.store = store
    }

    /// Queues a group to be written after those queued before it.
    func write(_ group: Group) {
        let schedule = state.withLock { state in
            state.queued.append(group)
            defer { state.scheduled = true }
            return !state.scheduled
        }
        guard schedule else { return }
        let taken = Taken()
        store.writeInBackground { [self] tx in
            let groups = takeQueued()
            taken.groups = groups
            let firstAccepted = state.withLock { $0.firstAccepted }
            guard groups.allSatisfy({ $0.plan >= firstAccepted }) else {
                throw StoreError(path: store.path, reason: "not written: an earlier write failed; it is written again")
            }
            for group in groups { try tx.perform(group.writes) }
        } completion: { [self] result in
            // Still on the writer thread, before the next transaction. The body did not run when the
            // transaction could not begin: its groups are still queued, and fail with it.
            let groups = taken.groups ?? takeQueued()
            // What was decided on top of a failed group must not be written.
            if case .failure = result { state.withLock { $0.firstAccepted = .max } }
            for group in groups { group.committed(result) }
        }
    }

    /// The groups queued, which the transaction scheduled takes (a later write schedules another).
    private func takeQueued() -> [Group] {
        state.withLock { state in
            defer {
                state.queued = []
                state.scheduled = false
            }
            return state.queued
        }
    }

    /// Accepts the groups numbered `plan` and above (after a failure, once nothing is in flight).
    func accept(from plan: Int) {
        state.withLock { $0.firstAccepted = plan }
    }
}

/// The groups one transaction took, handed from its body to its completion (both run on the writer
/// thread, one after the other); `nil` while the body has not run.
private final class Taken: @unchecked Sendable {
    var groups: [GroupWriter.Group]?
}
