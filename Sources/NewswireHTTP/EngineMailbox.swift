import CCurl
import Synchronization

/// Everything the caller hands over for one transfer.
struct TransferJob: Sendable {
    var id: UInt64
    var request: FetchRequest
    var userAgent: String
    /// Lowercased `host:port`, the unit of the per-host limit.
    var hostKey: String
    var continuation: CheckedContinuation<Result<FetchResponse, FetchError>, Never>

    /// Completes the caller's `fetch`.
    func complete(_ result: Result<FetchResponse, FetchError>) {
        continuation.resume(returning: result)
    }
}

/// A libcurl multi handle, shared only for `curl_multi_wakeup` (the one multi call libcurl
/// allows from other threads), always under the mailbox's lock.
struct MultiHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

/// The only state shared between callers and the engine thread: submitted jobs, cancellations,
/// the stop request, and the waiters of `shutdown()`.
final class EngineMailbox: Sendable {
    struct Delivery {
        var jobs: [TransferJob] = []
        var cancellations: [UInt64] = []
        var stopRequested = false
    }

    private struct Contents {
        var nextID: UInt64 = 1
        /// Ids handed out and not yet completed: only those can be cancelled.
        var live: Set<UInt64> = []
        var delivery = Delivery()
        /// Set by the engine thread before it frees the multi handle: no more wake-ups or jobs.
        var isClosed = false
        var isFinished = false
        var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let contents = Mutex(Contents())
    private let multi: MultiHandle?

    /// A mailbox waking `multi` on news; without one it starts closed (every job fails).
    init(multi: MultiHandle?) {
        self.multi = multi
        if multi == nil {
            contents.withLock {
                $0.isClosed = true; $0.isFinished = true
            }
        }
    }

    func makeID() -> UInt64 {
        contents.withLock { contents in
            defer { contents.nextID += 1 }
            contents.live.insert(contents.nextID)
            return contents.nextID
        }
    }

    /// Queues `job` for the engine thread; `false` (job not taken) once the engine is closed.
    func post(_ job: TransferJob) -> Bool {
        contents.withLock { contents in
            guard !contents.isClosed else { return false }
            contents.delivery.jobs.append(job)
            wake()
            return true
        }
    }

    func postCancellation(_ id: UInt64) {
        contents.withLock { contents in
            guard !contents.isClosed, contents.live.contains(id) else { return }
            contents.delivery.cancellations.append(id)
            wake()
        }
    }

    /// Asks the engine thread to stop; `waiter` resumes once it has (at once if it already has).
    func requestStop(waiter: CheckedContinuation<Void, Never>?) {
        let finishedAlready = contents.withLock { contents in
            if contents.isFinished { return true }
            if let waiter { contents.shutdownWaiters.append(waiter) }
            if !contents.isClosed {
                contents.delivery.stopRequested = true
                wake()
            }
            return false
        }
        if finishedAlready { waiter?.resume() }
    }

    /// Everything posted since the last call (engine thread).
    func collect() -> Delivery {
        contents.withLock { contents in
            defer { contents.delivery = Delivery() }
            return contents.delivery
        }
    }

    /// Forgets a completed id, so that late cancellations are ignored (engine thread).
    func retire(_ id: UInt64) {
        _ = contents.withLock { $0.live.remove(id) }
    }

    /// Refuses further jobs and returns those posted but not collected (engine thread, before
    /// it frees the multi handle).
    func close() -> [TransferJob] {
        contents.withLock { contents in
            contents.isClosed = true
            defer { contents.delivery = Delivery() }
            return contents.delivery.jobs
        }
    }

    /// Resumes every `shutdown()` waiter (the engine thread's last act).
    func markFinished() {
        let waiters = contents.withLock { contents in
            contents.isFinished = true
            defer { contents.shutdownWaiters = [] }
            return contents.shutdownWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Interrupts the engine thread's `curl_multi_poll`; called with the lock held and the
    /// mailbox open, so the multi handle is still alive.
    private func wake() {
        if let multi { _ = curl_multi_wakeup(multi.pointer) }
    }
}
