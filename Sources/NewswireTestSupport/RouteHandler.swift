import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// Answers each request on one connection according to its route's `RouteBehaviour`, and keeps
/// the server's records and in-flight counter up to date. Runs on the connection's event loop.
final class RouteHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: LoopbackServerState
    private var requestHead: HTTPRequestHead?
    private var isAnswering = false
    private var isOpen = true
    private var keepAlive = true
    private var timer: Scheduled<Void>?
    private var body: (any StreamedBody)?

    init(state: LoopbackServerState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestHead = head
        case .body:
            break
        case .end:
            guard let head = requestHead else { return }
            requestHead = nil
            answer(head, context: context)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { pump(context: context) }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        isOpen = false
        timer?.cancel()
        body = nil
        finishAnswering()
        context.fireChannelInactive()
    }

    // MARK: Dispatch

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = String(head.uri.prefix { $0 != "?" })
        let behaviour = state.route(path) ?? .status(404, headers: [], body: Data("no route for \(path)\n".utf8))
        keepAlive = head.isKeepAlive
        isAnswering = true
        state.requestBegan()
        let headers = head.headers.map { (name: $0.name, value: $0.value) }
        let status = plannedStatus(behaviour, request: head.headers)
        state.record(
            RecordedRequest(
                method: head.method.rawValue, uri: head.uri, headers: headers,
                responseStatus: status), path: path)
        perform(behaviour, request: head.headers, context: context)
    }

    private func plannedStatus(_ behaviour: RouteBehaviour, request: HTTPHeaders) -> Int? {
        switch behaviour {
        case .feed(_, _, let etag, let lastModified):
            isNotModified(request, etag: etag, lastModified: lastModified) ? 304 : 200
        case .status(let code, _, _): code
        case .redirect(_, let code): code
        case .slowDrip, .endless, .huge, .gzipBomb, .gzip: 200
        case .reset, .hang: nil
        case .delayed(_, let then): plannedStatus(then, request: request)
        }
    }

    private func perform(_ behaviour: RouteBehaviour, request: HTTPHeaders, context: ChannelHandlerContext) {
        switch behaviour {
        case .feed(let body, let contentType, let etag, let lastModified):
            var headers = [("Content-Type", contentType)]
            if let etag { headers.append(("ETag", etag)) }
            if let lastModified { headers.append(("Last-Modified", lastModified)) }
            if isNotModified(request, etag: etag, lastModified: lastModified) {
                sendWhole(status: 304, headers: headers.filter { $0.0 != "Content-Type" }, body: Data(), context)
            } else {
                sendWhole(status: 200, headers: headers, body: body, context)
            }
        case .status(let code, let headers, let body):
            sendWhole(status: code, headers: headers, body: body, context)
        case .redirect(let location, let code):
            sendWhole(status: code, headers: [("Location", location)], body: Data(), context)
        case .slowDrip(let chunk, let every, let count):
            writeHead(
                status: 200,
                headers: [
                    ("Content-Type", "application/rss+xml"),
                    ("Content-Length", String(chunk.count * count)),
                ], context)
            drip(context.channel.allocator.buffer(bytes: chunk), every: TimeAmount(every), remaining: count, context)
        case .endless:
            writeHead(status: 200, headers: [("Content-Type", "application/rss+xml")], context)
            stream(RepeatingBody(pattern: "<item><title>again</title></item>\n", total: nil), context)
        case .huge(let bytes):
            writeHead(
                status: 200,
                headers: [
                    ("Content-Type", "application/octet-stream"),
                    ("Content-Length", String(bytes)),
                ], context)
            stream(RepeatingBody(pattern: "0123456789abcdef", total: bytes), context)
        case .gzipBomb(let decodedBytes):
            writeHead(
                status: 200,
                headers: [
                    ("Content-Type", "application/rss+xml"),
                    ("Content-Encoding", "gzip"),
                ], context)
            stream(GzipBombBody(stream: GzipBombStream(decodedBytes: decodedBytes)), context)
        case .gzip(let body, let contentType):
            sendWhole(
                status: 200, headers: [("Content-Type", contentType), ("Content-Encoding", "gzip")],
                body: GzipEncoding.stored(body), context)
        case .reset:
            resetConnection(context)
        case .hang:
            break
        case .delayed(let delay, let then):
            timer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) {
                guard self.isOpen else { return }
                self.perform(then, request: request, context: context)
            }
        }
    }

    private func isNotModified(_ request: HTTPHeaders, etag: String?, lastModified: String?) -> Bool {
        ConditionalGET.isNotModified(
            ifNoneMatch: request.first(name: "If-None-Match"),
            ifModifiedSince: request.first(name: "If-Modified-Since"),
            etag: etag, lastModified: lastModified)
    }

    // MARK: Writing

    private func writeHead(status: Int, headers: [(String, String)], _ context: ChannelHandlerContext) {
        var fields = HTTPHeaders(headers)
        if !keepAlive { fields.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: status),
            headers: fields)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
    }

    private func sendWhole(status: Int, headers: [(String, String)], body: Data, _ context: ChannelHandlerContext) {
        writeHead(status: status, headers: headers + [("Content-Length", String(body.count))], context)
        if !body.isEmpty {
            context.write(
                wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
                promise: nil)
        }
        endResponse(context)
    }

    private func drip(_ chunk: ByteBuffer, every: TimeAmount, remaining: Int, _ context: ChannelHandlerContext) {
        guard remaining > 0 else { return endResponse(context) }
        context.flush()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: every) {
            guard self.isOpen else { return }
            context.writeAndFlush(self.wrapOutboundOut(.body(.byteBuffer(chunk))), promise: nil)
            self.drip(chunk, every: every, remaining: remaining - 1, context)
        }
    }

    private func stream(_ streamed: any StreamedBody, _ context: ChannelHandlerContext) {
        body = streamed
        pump(context: context)
    }

    /// Writes chunks while the socket accepts them; resumes on `channelWritabilityChanged`.
    private func pump(context: ChannelHandlerContext) {
        while isOpen, context.channel.isWritable, var streamed = body {
            guard let chunk = streamed.next(allocator: context.channel.allocator) else {
                body = nil
                return endResponse(context)
            }
            body = streamed
            context.write(wrapOutboundOut(.body(.byteBuffer(chunk))), promise: nil)
        }
        context.flush()
    }

    private func endResponse(_ context: ChannelHandlerContext) {
        let closeAfter = !keepAlive
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            if closeAfter { context.close(promise: nil) }
        }
        finishAnswering()
    }

    private func finishAnswering() {
        guard isAnswering else { return }
        isAnswering = false
        state.requestEnded()
    }

    /// Closes with SO_LINGER 0, which makes the kernel send a TCP RST instead of a FIN.
    private func resetConnection(_ context: ChannelHandlerContext) {
        if let provider = context.channel as? any SocketOptionProvider {
            provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        } else {
            context.close(promise: nil)
        }
    }
}

extension TimeAmount {
    /// The same span as a Swift `Duration`, to nanosecond precision.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
