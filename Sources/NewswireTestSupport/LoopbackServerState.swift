import Synchronization

/// Routes, request records and concurrency counters of one loopback server, shared between the
/// test (any thread) and the server's event loop.
final class LoopbackServerState: Sendable {
    private struct Contents {
        var routes: [String: RouteBehaviour] = [:]
        var requests: [String: [RecordedRequest]] = [:]
        var inFlight = 0
        var peakInFlight = 0
    }

    private let contents = Mutex(Contents())

    func setRoute(_ path: String, _ behaviour: RouteBehaviour) {
        contents.withLock { $0.routes[path] = behaviour }
    }

    func route(_ path: String) -> RouteBehaviour? {
        contents.withLock { $0.routes[path] }
    }

    func record(_ request: RecordedRequest, path: String) {
        contents.withLock { $0.requests[path, default: []].append(request) }
    }

    func requests(to path: String) -> [RecordedRequest] {
        contents.withLock { $0.requests[path] ?? [] }
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
