import Foundation
import NewswireProtocol
import Synchronization

/// A real client of the daemon's socket: connects, optionally sends a request line, and collects
/// every line the daemon sends, parsed as JSON objects.
final class EventSubscriber: Sendable {
    private let fd: Int32
    private let state = Mutex(State())

    private struct State {
        var lines: [[String: any Sendable]] = []
        var raw: [String] = []
        var closed = false
        var waiters:
            [(
                id: UInt64, predicate: @Sendable ([[String: any Sendable]], Bool) -> Bool,
                continuation: CheckedContinuation<Void, Never>
            )] = []
        var nextWaiter: UInt64 = 0
    }

    /// Connects to `path`; sends `firstLine` right away when given.
    init(path: String, firstLine: String? = nil) throws {
        let fd: Int32
        do {
            fd = try UnixSocket.connect(path: path)
        } catch {
            throw DaemonTestError("\(error)")
        }
        self.fd = fd
        if let firstLine { send(firstLine) }
        Thread { [weak self] in Self.readLines(fd: fd) { [weak self] in self } }.start()
    }

    /// Reads lines until the peer closes, on a thread of its own.
    private static func readLines(fd: Int32, subscriber: () -> EventSubscriber?) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            pending.append(contentsOf: chunk[..<count])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                subscriber()?.received(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
        subscriber()?.closedByPeer()
    }

    /// Sends one line (a newline is added).
    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Sends `text` as it is, with no newline, and ends the input (a half-close): what
    /// `printf '{"since":0}' | nc -U SOCKET` does.
    func sendAndEndInput(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Every line received so far, parsed.
    var lines: [[String: any Sendable]] { state.withLock { $0.lines } }
    /// Every raw line received so far.
    var rawLines: [String] { state.withLock { $0.raw } }
    /// Event lines (those with a `seq` and a dotted `type`).
    var events: [[String: any Sendable]] { lines.filter { ($0["type"] as? String)?.contains(".") == true } }
    /// True once the daemon closed the connection.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Waits until `predicate` holds over the lines received (and whether the connection closed).
    func wait(
        timeout: Duration = .seconds(30), for what: String,
        until predicate: @escaping @Sendable ([[String: any Sendable]], Bool) -> Bool
    ) async throws {
        let satisfied: Bool = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let resumeNow = self.state.withLock { state -> Bool in
                        if predicate(state.lines, state.closed) { return true }
                        state.nextWaiter += 1
                        state.waiters.append((state.nextWaiter, predicate, continuation))
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            if !first { self.releaseWaiters() }
            group.cancelAll()
            return first
        }
        if !satisfied {
            throw DaemonTestError(
                "timed out after \(timeout) waiting for \(what); received:\n"
                    + rawLines.joined(separator: "\n"))
        }
    }

    /// Waits until at least `count` events have arrived.
    func waitForEvents(_ count: Int, timeout: Duration = .seconds(30)) async throws {
        try await wait(timeout: timeout, for: "\(count) events") { lines, _ in
            lines.filter { ($0["type"] as? String)?.contains(".") == true }.count >= count
        }
    }

    func disconnect() {
        shutdown(fd, Int32(SHUT_RDWR))
    }

    private func received(_ line: String) {
        let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        let parsed = object.map { $0.mapValues { SendableJSON.wrap($0) } } ?? ["unparsed": line]
        resumeSatisfied { state in
            state.raw.append(line)
            state.lines.append(parsed)
        }
    }

    private func closedByPeer() {
        resumeSatisfied { $0.closed = true }
    }

    private func resumeSatisfied(after change: (inout State) -> Void) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            change(&state)
            var ready: [CheckedContinuation<Void, Never>] = []
            state.waiters.removeAll { waiter in
                guard waiter.predicate(state.lines, state.closed) else { return false }
                ready.append(waiter.continuation)
                return true
            }
            return ready
        }
        ready.forEach { $0.resume() }
    }

    private func releaseWaiters() {
        let all = state.withLock { state in
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }
        all.forEach { $0.resume() }
    }

    deinit {
        close(fd)
    }
}

/// JSON values as `Sendable` Swift values (numbers as Int64 or Double, nested objects as dictionaries).
enum SendableJSON {
    static func wrap(_ value: Any) -> any Sendable {
        switch value {
        case let number as NSNumber:
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? Int64(double) as any Sendable : double
        case let string as String: return string
        case let array as [Any]: return array.map(wrap)
        case let object as [String: Any]: return object.mapValues(wrap)
        default: return String(describing: value)
        }
    }
}
