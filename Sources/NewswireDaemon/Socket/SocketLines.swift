import NIOCore
import NewswireStore
import Synchronization

/// Writes JSON lines to one subscriber's connection and waits until the kernel has taken them.
///
/// NIO completes a write's promise once its bytes are in the socket, so awaiting every write keeps
/// at most one write buffered in the daemon per subscriber, lets a stalled client stall only its own
/// session, and means that everything written has left the daemon when the connection closes.
struct SocketLines: Sendable {
    let channel: any Channel
    /// Counts the writes the kernel has taken, so that a stalled client can be told from a slow one.
    let progress: WriteProgress

    /// The most bytes of event lines one write carries; a larger batch goes out in several. Small
    /// enough that a slow reader completes a write every few seconds (the measure of its progress).
    static let chunkBytes = 64 * 1024

    /// Writes `lines`, each followed by a newline, as one write; returns once the kernel has them.
    func write(_ lines: [String]) async throws {
        var buffer = channel.allocator.buffer(capacity: lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            buffer.writeString(line)
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        try await channel.writeAndFlush(buffer).get()
        progress.completed()
    }

    /// `events` cut, in order, into runs of about `limit` bytes of lines (each run at least one event).
    static func chunks(of events: ArraySlice<StoredEvent>, limit: Int = chunkBytes) -> [ArraySlice<StoredEvent>] {
        var chunks: [ArraySlice<StoredEvent>] = []
        var start = events.startIndex
        var bytes = 0
        for index in events.indices {
            bytes += events[index].line.utf8.count + 1
            if bytes >= limit {
                chunks.append(events[start...index])
                start = index + 1
                bytes = 0
            }
        }
        if start < events.endIndex { chunks.append(events[start...]) }
        return chunks
    }
}

/// How many writes to one connection have completed (their bytes taken by the kernel).
final class WriteProgress: Sendable {
    private let count = Atomic<Int>(0)
    var completedWrites: Int { count.load(ordering: .relaxed) }
    func completed() { count.add(1, ordering: .relaxed) }
}
