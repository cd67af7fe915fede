/// Decides which queued transfers may start: at most `maxTotal` running at once and at most
/// `maxPerHost` per host, first come first served (a transfer for a saturated host does not
/// hold back one for another host). Pure state: the caller starts what it is told to start.
public struct ConcurrencyLimiter<ID: Hashable>: Sendable where ID: Sendable {
    /// Transfers allowed to run at once, all hosts together (at least 1).
    public let maxTotal: Int
    /// Transfers allowed to run at once for one host (at least 1).
    public let maxPerHost: Int

    private var waiting: [(id: ID, host: String)] = []
    private var runningHost: [ID: String] = [:]
    private var runningPerHost: [String: Int] = [:]

    /// A limiter with nothing queued or running.
    public init(maxTotal: Int, maxPerHost: Int) {
        self.maxTotal = max(1, maxTotal)
        self.maxPerHost = max(1, maxPerHost)
    }

    /// How many transfers are running now.
    public var runningCount: Int { runningHost.count }

    /// How many transfers wait for a slot.
    public var waitingCount: Int { waiting.count }

    /// Queues `id` for `host` (compare hosts case-insensitively: pass them lowercased, with the
    /// port); returns the transfers that may start now, in order.
    public mutating func enqueue(_ id: ID, host: String) -> [ID] {
        waiting.append((id, host))
        return admit()
    }

    /// Marks `id` as finished (or abandons it while still queued); returns the transfers that may
    /// start now. Unknown ids are ignored.
    public mutating func finish(_ id: ID) -> [ID] {
        if let host = runningHost.removeValue(forKey: id) {
            runningPerHost[host, default: 1] -= 1
            if runningPerHost[host] == 0 { runningPerHost[host] = nil }
        } else {
            waiting.removeAll { $0.id == id }
        }
        return admit()
    }

    private mutating func admit() -> [ID] {
        var started: [ID] = []
        var index = 0
        while index < waiting.count && runningHost.count < maxTotal {
            let candidate = waiting[index]
            if runningPerHost[candidate.host, default: 0] < maxPerHost {
                waiting.remove(at: index)
                runningHost[candidate.id] = candidate.host
                runningPerHost[candidate.host, default: 0] += 1
                started.append(candidate.id)
            } else {
                index += 1
            }
        }
        return started
    }
}
