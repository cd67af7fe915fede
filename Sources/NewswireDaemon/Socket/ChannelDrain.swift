import NIOCore
import Synchronization

/// Waiting until a channel has handed everything written to it to the kernel.
///
/// NIO's close discards writes still pending in the channel (bytes a slow client has not made room
/// for yet). An empty write with a flush completes only after every earlier write, so its promise
/// says when the data is out; a client that never reads makes us give up after the timeout.
enum ChannelDrain {
    /// Returns true once everything written before the call reached the socket, false on timeout
    /// or when the channel failed first.
    @discardableResult
    static func wait(for channel: any Channel, within timeout: TimeAmount) async -> Bool {
        let outcome = channel.eventLoop.makePromise(of: Bool.self)
        let settle = SettleOnce(outcome)
        let timer = channel.eventLoop.scheduleTask(in: timeout) { settle(false) }
        channel.writeAndFlush(ByteBuffer()).whenComplete { result in
            if case .success = result { settle(true) } else { settle(false) }
        }
        let drained = (try? await outcome.futureResult.get()) ?? false
        timer.cancel()
        return drained
    }

    /// Completes a promise with the first value it is given, ignoring later ones.
    private final class SettleOnce: Sendable {
        private let promise: EventLoopPromise<Bool>
        private let settled = Atomic<Bool>(false)

        init(_ promise: EventLoopPromise<Bool>) { self.promise = promise }

        func callAsFunction(_ value: Bool) {
            guard !settled.exchange(true, ordering: .acquiringAndReleasing) else { return }
            promise.succeed(value)
        }
    }
}
