import Logging
import NIOCore
import NewswireProtocol
import NewswireStore

/// One client of the event socket, from `hello` to hang-up.
///
/// The client may send `{"since":N}` as its first line, within `firstLineGrace` (1 s); it then gets
/// every stored event after N, then the live stream. A client that sends nothing gets the live
/// stream. Garbage gets one `error` line and the connection is closed; a client too slow to read
/// gets an `overflow` line (with the last seq it was sent) and is closed. Every line written reaches
/// the client before the connection closes (within `lingerTimeout`).
struct SubscriberSession {
    let hub: EventHub
    let store: StateStore
    let epoch: String
    let logger: Logger
    var firstLineGrace: Duration = .seconds(1)
    var replayPage = 500
    /// How long the last lines may take to reach a client before the connection is closed anyway.
    var lingerTimeout: TimeAmount = .seconds(5)

    private enum Input: Sendable {
        case line(String)
        case overlong
        case graceElapsed
        case closed
    }

    func serve(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        do {
            try await channel.executeThenClose { inbound, outbound in
                let subscription = hub.subscribe()
                let (inputs, input) = AsyncStream<Input>.makeStream(bufferingPolicy: .bufferingNewest(8))
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    // Reads what the client sends. Its end of input (a half-close, as `nc -U` does after
                    // sending a request) does not end the session: only the writer does.
                    group.addTask {
                        var splitter = LineSplitter()
                        do {
                            for try await buffer in inbound {
                                for output in splitter.feed(buffer.readableBytesView) {
                                    switch output {
                                    case .line(let line): input.yield(.line(line))
                                    case .overlong: input.yield(.overlong)
                                    }
                                }
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
                    group.addTask { [lingerTimeout] in
                        try await stream(subscription, inputs: inputs, to: outbound)
                        // Closing drops whatever the socket has not taken yet: the last lines (an
                        // overflow or error notice above all) must reach the client first.
                        await ChannelDrain.wait(for: channel.channel, within: lingerTimeout)
                        return true
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
        _ subscription: Subscription, inputs: AsyncStream<Input>,
        to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws {
        try await write(WireCoding.line(Hello(epoch: epoch, seq: subscription.head)), to: outbound)
        var delivered = subscription.head
        var inputIterator = inputs.makeAsyncIterator()
        switch await inputIterator.next() ?? .closed {
        case .overlong:
            try await reject("request line too long", to: outbound)
            return
        case .line(let line):
            switch ClientRequest.parse(line) {
            case .invalid(let reason):
                logger.notice("subscriber sent an invalid request", metadata: ["reason": "\(reason)"])
                try await reject(reason, to: outbound)
                return
            case .resume(let since):
                delivered = try await replay(after: since, upTo: subscription.head, to: outbound)
            }
        case .graceElapsed, .closed:
            break
        }
        for await event in subscription.events where event.seq > delivered {
            try await write(event.line, to: outbound)
            delivered = event.seq
        }
        if subscription.overflow.isSet {
            logger.warning("subscriber too slow, disconnected", metadata: ["delivered": "\(delivered)"])
            let notice = ControlNotice(
                type: "overflow",
                message: "you read too slowly and were disconnected; "
                    + "reconnect and send {\"since\":\(delivered)} to get the rest", seq: delivered)
            try await write(WireCoding.line(notice), to: outbound)
        }
    }

    /// Sends stored events in (since, head], page by page; returns the last seq sent.
    private func replay(
        after since: Int64, upTo head: Int64,
        to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> Int64 {
        var cursor = since
        while cursor < head {
            let page = try store.events(after: cursor, limit: replayPage).filter { $0.seq <= head }
            guard let last = page.last else { break }
            var buffer = ByteBuffer()
            for event in page {
                buffer.writeString(event.line)
                buffer.writeInteger(UInt8(ascii: "\n"))
            }
            try await outbound.write(buffer)
            cursor = last.seq
        }
        return max(cursor, since)
    }

    private func reject(_ reason: String, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        try await write(WireCoding.line(ControlNotice(type: "error", message: reason)), to: outbound)
    }

    private func write(_ line: String, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(line.utf8.count + 1)
        buffer.writeString(line)
        buffer.writeInteger(UInt8(ascii: "\n"))
        try await outbound.write(buffer)
    }
}
