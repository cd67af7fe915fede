public import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) for tests: each route answers with a
/// scripted `RouteBehaviour`, and every request is recorded so tests can check what a client
/// sent (validators, counts of 200 vs 304, how many requests were in flight at once).
public final class LoopbackHTTPServer: Sendable {
    /// The TCP port the server listens on (127.0.0.1).
    public let port: Int

    private let group: MultiThreadedEventLoopGroup
    private let listener: any Channel
    private let state: LoopbackServerState

    private init(port: Int, group: MultiThreadedEventLoopGroup, listener: any Channel, state: LoopbackServerState) {
        self.port = port
        self.group = group
        self.listener = listener
        self.state = state
    }

    /// Binds 127.0.0.1 on an ephemeral port and starts serving; routes can be set right after.
    public static func start() async throws -> LoopbackHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let state = LoopbackServerState()
        do {
            let listener = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(RouteHandler(state: state))
                    }
                }
                .bind(host: "127.0.0.1", port: 0)
                .get()
            guard let port = listener.localAddress?.port else {
                throw LoopbackServerError.noPort
            }
            return LoopbackHTTPServer(port: port, group: group, listener: listener, state: state)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// `http://127.0.0.1:PORT` followed by `path` (which starts with `/`, query allowed).
    public func url(_ path: String) -> URL {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else {
            preconditionFailure("LoopbackHTTPServer.url: \"\(path)\" is not a URL path")
        }
        return url
    }

    /// Sets (or replaces, at any time and from any thread) what `path` answers. The path is
    /// matched without its query string; unknown paths answer 404.
    public func setRoute(_ path: String, _ behaviour: RouteBehaviour) {
        state.setRoute(path, behaviour)
    }

    /// The requests received for `path` (query ignored), in arrival order.
    public func requests(to path: String) -> [RecordedRequest] {
        state.requests(to: path)
    }

    /// Returns once `path` (query ignored) has received `count` requests in all: the readiness
    /// signal for tests that act while a response is pending (`.hang`, `.slowDrip`, `.delayed`).
    /// Also returns when the server shuts down.
    public func waitForRequests(to path: String, count: Int = 1) async {
        await state.waitForRequests(to: path, count: count)
    }

    /// How many requests for `path` were answered with `status` (e.g. 200 vs 304).
    public func responseCount(to path: String, status: Int) -> Int {
        state.requests(to: path).filter { $0.responseStatus == status }.count
    }

    /// The most requests that were being answered at the same time since start or `resetPeak()`.
    public var peakConcurrentRequests: Int { state.peakInFlight }

    /// Starts a new measurement of `peakConcurrentRequests` from the current count.
    public func resetPeak() { state.resetPeak() }

    /// Closes the listener and every open connection, then stops the server's thread; pending
    /// `waitForRequests` calls return.
    public func shutdown() async throws {
        try? await listener.close()
        state.releaseWaiters()
        try await group.shutdownGracefully()
    }
}

/// Why the loopback server could not start.
public enum LoopbackServerError: Error, CustomStringConvertible {
    case noPort

    /// What went wrong, for test failure messages.
    public var description: String {
        switch self {
        case .noPort: "loopback HTTP server: bound 127.0.0.1 but the socket reports no port"
        }
    }
}
