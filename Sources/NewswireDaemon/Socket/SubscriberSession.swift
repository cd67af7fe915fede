import Logging
import NIOCore
import NewswireProtocol
import NewswireStore
import Synchronization

/// One client of the event socket, from `hello` to hang-up.
///
/// The client may send `{"since":N}` as its first line, within `firstLineGrace` (1 s); it then gets
/// every stored event after N, then the live stream. A client that sends nothing gets the live
/// stream; if it sends a line later, that request came too late to be honoured, and it is told so
/// like a client that sends garbage: one `error` line, and the connection is closed.
///
/// A client too slow to read is cut off by the hub: it gets what is already on its way (the write in
/// progress, even in the middle of a replay), then an `overflow` line with the last seq it was sent,
/// and is closed; one that takes none of it for `lingerTimeout` is closed without the notice, so a
/// stalled client never holds its session (and its events) for long.
///
/// Every write is awaited until the kernel has taken it ([`SocketLines`]), so the hub's backlog
/// counts exactly what has not reached the client's socket, NIO never buffers more than one write,
/// and everything written has left the daemon when the connection closes.
struct SubscriberSession {
    let hub: EventHub
    let store: StateStore
    let epoch: String
    let logger: Logger
    var firstLineGrace: Duration = .seconds(1)
    var replayPage = 500
    /// How long a client that was cut off may take to receive its last lines.
    var lingerTimeout: Duration = .seconds(5)

    private enum Input: Sendable {
        case line(String)
        case overlong
        case graceElapsed
        case closed
    }

    func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let output = SocketLines(channel: connection.channel, progress: WriteProgress())
        do {
            try await connection.executeThenClose { inbound, _ in
                let subscription = hub.subscribe()
                let (inputs, input) = AsyncStream<Input>.makeStream(bufferingPolicy: .bufferingNewest(8))
                let liveWithoutRequest = SessionFlag()
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    // Reads what the client sends. Its end of input (a half-close, as `nc -U` does after
                    // sending a request) does not end the session: only the writer does, or a request
                    // that comes after the session went live without one.
                    group.addTask {
                        var splitter = LineSplitter()
                        /// Passes a piece on; false when it came too late and the session is over.
                        func pass(_ piece: LineSplitter.Output) async throws -> Bool {
                            if liveWithoutRequest.isSet {
                                try await rejectLateRequest(to: output)
                                return false
                            }
                            switch piece {
                            case .line(let line): input.yield(.line(line))
                            case .overlong: input.yield(.overlong)
                            }
                            return true
                        }
                        do {
                            for try await buffer in inbound {
                                for piece in splitter.feed(buffer.readableBytesView) {
                                    guard try await pass(piece) else { return true }
                                }
                            }
                            // The input ended: a last line without its newline is a line all the same.
                            if let last = splitter.finish() {
                                guard try await pass(last) else { return true }
                            }
                        } catch {}
                        input.yield(.closed)
                        return false
                    }
                    group.addTask { [firstLineGrace] in
                        try? await Task.sleep(for: firstLineGrace)
                        input.yield(.graceElapsed)
                        return false
                    }
                    group.addTask {
                        try await stream(
                            subscription, inputs: inputs, to: output, liveWithoutRequest: liveWithoutRequest)
                        return true
                    }
                    group.addTask { [lingerTimeout, logger] in
                        await subscription.overflow.wait()
                        guard subscription.overflow.isSet, !Task.isCancelled else { return false }
                        logger.warning(
                            "subscriber too slow, disconnecting",
                            metadata: ["waiting": "\(subscription.backlog.count)", "limit": "\(hub.queueLimit)"])
                        // Closed only once it takes nothing: a reader that still reads gets the notice.
                        var written = output.progress.completedWrites
                        while true {
                            try? await Task.sleep(for: lingerTimeout)
                            guard !Task.isCancelled else { return false }
                            let now = output.progress.completedWrites
                            if now == written { break }
                            written = now
                        }
                        logger.notice(
                            "slow subscriber took nothing of its last lines in time, closed without the notice")
                        connection.channel.close(promise: nil)
                        return false
                    }
                    while let writerEnded = try await group.next() {
                        if writerEnded { break }
                    }
                    group.cancelAll()
                }
            }
        } catch {
            logger.debug("subscriber left", metadata: ["reason": "\(error)"])
        }
    }

    private func stream(
        _ subscription: Subscription, inputs: AsyncStream<Input>, to output: SocketLines,
        liveWithoutRequest: SessionFlag
    ) async throws {
        try await output.write([WireCoding.line(Hello(epoch: epoch, seq: subscription.head))])
        var delivered = subscription.head
        var inputIterator = inputs.makeAsyncIterator()
        switch await inputIterator.next() ?? .closed {
        case .overlong:
            try await reject("request line too long", to: output)
            return
        case .line(let line):
            switch ClientRequest.parse(line) {
            case .invalid(let reason):
                logger.notice("subscriber sent an invalid request", metadata: ["reason": "\(reason)"])
                try await reject(reason, to: output)
                return
            case .resume(let since) where since > subscription.head:
                // Taken as it stands, every event up to `since` would be skipped without a word.
                logger.notice(
                    "subscriber asked for events after one this daemon never sent",
                    metadata: ["since": "\(since)", "last": "\(subscription.head)"])
                try await reject(
                    "since \(since) is beyond the last event, \(subscription.head), of this state (epoch \(epoch)): "
                        + "resume from a seq it sent you, or send {\"since\":0} for everything it has stored",
                    to: output)
                return
            case .resume(let since):
                delivered = try await replay(after: since, upTo: subscription.head, of: subscription, to: output)
            }
        case .graceElapsed:
            liveWithoutRequest.set()
        case .closed:
            break
        }
        // Once cut off, the events not yet written are dropped: it gets them back with `since`.
        for await batch in subscription.batches {
            if subscription.overflow.isSet { break }
            let fresh = batch.drop { $0.seq <= delivered }
            for chunk in SocketLines.chunks(of: fresh) {
                guard !subscription.overflow.isSet else { break }
                try await output.write(chunk.map(\.line))
                subscription.backlog.delivered(chunk.count)
                delivered = chunk.last?.seq ?? delivered
            }
            subscription.backlog.delivered(batch.count - fresh.count)
        }
        if subscription.overflow.isSet {
            let notice = ControlNotice(
                type: "overflow",
                message: "you read too slowly and were disconnected; "
                    + "reconnect and send {\"since\":\(delivered)} to get the rest", seq: delivered)
            try await output.write([WireCoding.line(notice)])
        }
    }

    /// Sends stored events in (since, head], page by page; returns the last seq sent. Stops early
    /// when the subscription is cut off meanwhile (live events piled up while it caught up): the
    /// client then gets its `overflow` notice after the write in progress, not after the whole replay.
    private func replay(
        after since: Int64, upTo head: Int64, of subscription: Subscription, to output: SocketLines
    ) async throws -> Int64 {
        var cursor = since
        while cursor < head, !subscription.overflow.isSet {
            let page = try store.events(after: cursor, limit: replayPage).filter { $0.seq <= head }
            guard !page.isEmpty else { break }
            for chunk in SocketLines.chunks(of: page[...]) {
                guard !subscription.overflow.isSet else { break }
                try await output.write(chunk.map(\.line))
                cursor = chunk.last?.seq ?? cursor
            }
        }
        return max(cursor, since)
    }

    private func reject(_ reason: String, to output: SocketLines) async throws {
        try await output.write([WireCoding.line(ControlNotice(type: "error", message: reason))])
    }

    /// Answers a line sent after the first-line grace, when the session went live without a request.
    private func rejectLateRequest(to output: SocketLines) async throws {
        logger.notice("subscriber sent a request after the first second, disconnecting")
        try await reject(
            "a request must be the first line, sent within 1 s of connecting; this connection was "
                + "already getting the live stream: reconnect and send {\"since\": N} first", to: output)
    }
}

/// Set once, read from any task: whether a session went live without the client's request.
private final class SessionFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
