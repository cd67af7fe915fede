/// Admission of requests under `RequestLimits`: a state machine that decides and returns what to do, and
/// performs nothing itself, so the HTTP layer drives it and tests drive it without I/O.
///
/// Waiting requests start in the order they asked (FIFO) among those whose host has room: a request to a
/// busy host never holds back one to an idle host. Hosts are compared case-insensitively.
/// `Ticket` is whatever identifies a request for the caller (a source id, a URL, a continuation key).
public struct RequestLimiter<Ticket: Equatable & Sendable>: Sendable {
    /// What to do with a request just made.
    public enum Decision: Sendable, Equatable {
        /// Start it now; report `finished(host:)` when it ends, however it ends.
        case start
        /// Wait: it is returned by a later `finished(host:)` when its turn comes.
        case queued
    }

    /// A request waiting for room.
    private struct Waiting: Sendable {
        var ticket: Ticket
        var host: String
    }

    /// The limits applied.
    public let limits: RequestLimits
    private var runningByHost: [String: Int] = [:]
    private var waiting: [Waiting] = []

    /// Requests running now, in all.
    public private(set) var runningCount = 0
    /// Requests waiting for room.
    public var waitingCount: Int { waiting.count }

    /// Creates a limiter with nothing running.
    public init(limits: RequestLimits = RequestLimits()) {
        self.limits = limits
    }

    /// Requests running now to `host`.
    public func runningCount(host: String) -> Int { runningByHost[host.lowercased(), default: 0] }

    /// Asks to start the request `ticket` to `host`: it starts now if both its host and the total have room,
    /// and waits otherwise.
    public mutating func request(_ ticket: Ticket, host: String) -> Decision {
        let host = host.lowercased()
        guard hasRoom(for: host) else {
            waiting.append(Waiting(ticket: ticket, host: host))
            return .queued
        }
        markRunning(host)
        return .start
    }

    /// Reports that a request to `host` ended (success, failure or cancellation), and returns the waiting
    /// requests that start now, in order; they count as running from here. A report for a host with nothing
    /// running is ignored and starts nothing.
    public mutating func finished(host: String) -> [Ticket] {
        let host = host.lowercased()
        guard let running = runningByHost[host], running > 0 else { return [] }
        runningByHost[host] = running == 1 ? nil : running - 1
        runningCount -= 1
        return startWaiting()
    }

    /// Withdraws a waiting request (its source was removed, the daemon is stopping). Returns false when
    /// `ticket` was not waiting, e.g. because it already started: then report `finished(host:)` as usual.
    public mutating func cancel(_ ticket: Ticket) -> Bool {
        guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return false }
        waiting.remove(at: index)
        return true
    }

    private func hasRoom(for host: String) -> Bool {
        runningCount < limits.overall && runningByHost[host, default: 0] < limits.perHost
    }

    private mutating func markRunning(_ host: String) {
        runningByHost[host, default: 0] += 1
        runningCount += 1
    }

    /// Starts, in FIFO order, every waiting request that now has room.
    private mutating func startWaiting() -> [Ticket] {
        var started: [Ticket] = []
        var stillWaiting: [Waiting] = []
        for request in waiting {
            if hasRoom(for: request.host) {
                markRunning(request.host)
                started.append(request.ticket)
            } else {
                stillWaiting.append(request)
            }
        }
        waiting = stillWaiting
        return started
    }
}
