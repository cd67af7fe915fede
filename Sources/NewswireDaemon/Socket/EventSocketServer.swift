import Foundation
import Logging
import NIOCore
import NIOPosix
import NewswireProtocol
import NewswireStore
import ServiceLifecycle

/// Why the event socket could not be set up.
public struct SocketSetupError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "event socket \(path): \(reason)" }
}

/// The Unix socket subscribers connect to: bound at start-up (before READY), served as a `Service`.
final class EventSocketServer: Service {
    /// Where the listening socket comes from.
    enum Endpoint {
        /// Created by the daemon at this path.
        case path(String)
        /// Passed by systemd socket activation.
        case inherited(fd: Int32, path: String)
    }

    private let listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let session: SubscriberSession
    private let logger: Logger
    let path: String
    /// False for a socket systemd owns: its file is left in place at shutdown.
    private let ownsSocketFile: Bool

    private init(
        listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>, session: SubscriberSession,
        path: String, ownsSocketFile: Bool, logger: Logger
    ) {
        self.listener = listener
        self.session = session
        self.path = path
        self.ownsSocketFile = ownsSocketFile
        self.logger = logger
    }

    /// Binds (or adopts) the listening socket.
    static func bind(
        _ endpoint: Endpoint, session: SubscriberSession, group: MultiThreadedEventLoopGroup,
        logger: Logger
    ) async throws(SocketSetupError) -> EventSocketServer {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> = {
            channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        switch endpoint {
        case .inherited(let fd, let path):
            do {
                let listener = try await bootstrap.bind(fd, childChannelInitializer: initializer)
                return EventSocketServer(
                    listener: listener, session: session, path: path, ownsSocketFile: false,
                    logger: logger)
            } catch {
                throw SocketSetupError(path: path, reason: "cannot use the socket passed by systemd (\(error))")
            }
        case .path(let path):
            try prepare(path)
            do {
                let listener = try await bootstrap.bind(
                    unixDomainSocketPath: path, cleanupExistingSocketFile: true,
                    childChannelInitializer: initializer)
                // Anyone who may reach the folder may subscribe, as with newswired.socket's
                // SocketMode=0666 (the umask would leave 0755, which only the owner can connect to).
                _ = chmod(path, 0o666)
                return EventSocketServer(
                    listener: listener, session: session, path: path, ownsSocketFile: true,
                    logger: logger)
            } catch {
                throw SocketSetupError(path: path, reason: "cannot listen (\(error))")
            }
        }
    }

    /// Creates the socket's folder and refuses to take over a socket another daemon still serves.
    private static func prepare(_ path: String) throws(SocketSetupError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755])
        } catch {
            throw SocketSetupError(
                path: path,
                reason: "cannot create the folder \(directory) "
                    + "(\(ConfigurationLoader.reason(error)))")
        }
        if FileManager.default.fileExists(atPath: path), UnixSocket.accepts(path: path) {
            throw SocketSetupError(
                path: path,
                reason: "another process already serves this socket "
                    + "(is newswired already running?)")
        }
    }

    func run() async throws {
        try await listener.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in connections.cancelOnGracefulShutdown() {
                    group.addTask { await self.session.serve(connection) }
                }
                group.cancelAll()
            }
        }
        if ownsSocketFile { try? FileManager.default.removeItem(atPath: path) }
    }
}
