import Synchronization

/// Routes, request records and concurrency counters of one loopback server, shared between the
/// test (any thread) and the server's event loop.
final class LoopbackServerState: Sendable {
    private struct Contents {
        var routes: [String: RouteBehaviour] = [:]
        var requests: [String: [RecordedRequest]] = [:]
        var inFlight = 0
        var peakInFlight = 0
        var waiters: [(path: String, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let contents = Mutex(Contents())

    func setRoute(_ path: String, _ behaviour: RouteBehaviour) {
        contents.withLock { $0.routes[path] = behaviour }
    }

    func route(_ path: String) -> RouteBehaviour? {
        contents.withLock { $0.routes[path] }
    }

    func record(_ request: RecordedRequest, path: String) {
        let satisfied = contents.withLock { contents in
            contents.requests[path, default: []].append(request)
            let received = contents.requests[path]?.count ?? 0
            let ready = contents.waiters.filter { $0.path == path && $0.count <= received }
            contents.waiters.removeAll { $0.path == path && $0.count <= received }
            return ready
        }
        for waiter in satisfied { waiter.continuation.resume() }
    }

    /// Returns once `path` has received `count` requests in all.
    func waitForRequests(to path: String, count: Int) async {
        await withCheckedContinuation { continuation in
            let isReady = contents.withLock { contents in
                guard (contents.requests[path]?.count ?? 0) < count else { return true }
                contents.waiters.append((path, count, continuation))
                return false
            }
            if isReady { continuation.resume() }
        }
    }

    func requests(to path: String) -> [RecordedRequest] {
        contents.withLock { $0.requests[path] ?? [] }
    }

    /// Resumes every `waitForRequests` caller, satisfied or not (the server is stopping).
    func releaseWaiters() {
        let waiters = contents.withLock { contents in
            defer { contents.waiters = [] }
            return contents.waiters
        }
        for waiter in waiters { waiter.continuation.resume() }
    }

    func requestBegan() {
        contents.withLock {
            $0.inFlight += 1
            $0.peakInFlight = max($0.peakInFlight, $0.inFlight)
        }
    }

    func requestEnded() {
        contents.withLock { $0.inFlight -= 1 }
    }

    var peakInFlight: Int { contents.withLock { $0.peakInFlight } }

    func resetPeak() {
        contents.withLock { $0.peakInFlight = $0.inFlight }
    }
}
