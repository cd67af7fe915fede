import Foundation
import NewswireProtocol
import NewswireTestSupport
import XCTest

/// A subscriber that stops reading never holds up the daemon or the other subscribers: when new
/// events come while more than `[socket] subscriber_queue` still wait for it, it gets what it was
/// already given, then an `overflow` line naming the last seq it was sent, and is disconnected;
/// reconnecting with `{"since":N}` then loses nothing.
final class SlowSubscriberTests: XCTestCase {
    func testAReaderThatStallsIsCutOffWithoutLosingAnythingOrSlowingOthers() async throws {
        let count = WireHarness.articlesBeyondSocketBuffers()
        let all = FeedBuilder.manyDistinctItems(count: count + 1, summaryWords: 120)
        let items = Array(all[0..<count])
        let wire = try await WireHarness.start(
            self, name: "slow-subscriber", items: Array(items[0..<1]),
            extraConfig: """
                [socket]
                subscriber_queue = 10
                """)
        let daemon = wire.daemon
        let fast = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        try await fast.wait(for: "the first article") { lines, _ in
            lines.contains { $0["type"] as? String == "article.new" }
        }

        // The stalled reader takes its hello, asks for the live stream from there, then reads nothing.
        let stalled = try StalledReader(path: daemon.socketPath)
        let hello = try stalled.readLine()
        let head = try XCTUnwrap(Self.helloSeq(hello), "hello carries the seq: \(hello)")
        stalled.send(#"{"since":\#(head)}"#)
        // A second one never reads again: once cut off, it must not hold its session open.
        let frozen = try StalledReader(path: daemon.socketPath)
        _ = try frozen.readLine()
        frozen.send(#"{"since":\#(head)}"#)

        // Some 400 articles (about 1.1 MB of event lines, far beyond the socket buffers) arrive.
        wire.publish(items)
        try await fast.wait(timeout: .seconds(120), for: "all 400 articles") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == items.count
        }
        try await fast.wait(for: "the story event after the last article") { lines, _ in
            (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        // One more article: a new batch, published while the stalled reader still has hundreds of
        // events waiting, which is when it is cut off (and the events still queued for it dropped).
        wire.publish(all)
        try await fast.wait(for: "the 401st article and its story event") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == all.count
                && (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        let everything = fast.rawLines.compactMap { WireHarness.eventSeq($0) }.filter { $0 > head }
        XCTAssertEqual(everything, Array((head + 1)...(everything.last ?? head)), "the fast reader misses nothing")

        // The stalled reader now reads: what was already in flight, then the overflow notice, then EOF.
        let received = try stalled.readToEnd()
        let notice = try XCTUnwrap(received.last.flatMap(WireHarness.jsonObject), "an overflow line ends the stream")
        XCTAssertEqual(notice["type"] as? String, "overflow", "last line: \(received.last ?? "")")
        XCTAssertTrue((notice["message"] as? String)?.contains("since") == true)
        let delivered = try XCTUnwrap((notice["seq"] as? NSNumber)?.int64Value)
        let before = received.dropLast().compactMap { WireHarness.eventSeq($0) }
        XCTAssertEqual(before, before.isEmpty ? [] : Array((head + 1)...delivered), "in order, no gap, up to seq")
        XCTAssertLessThan(delivered, everything.last ?? 0, "it was cut off before the end")

        // Reconnecting from where it stopped yields exactly the rest.
        let rest = try await Self.resume(after: delivered, until: everything.last, from: daemon)
        XCTAssertEqual(before + rest, everything)
        XCTAssertTrue(frozen.waitForHangUp(within: 30), "a cut-off reader that takes nothing is closed anyway")
        let status = try await daemon.stop()
        XCTAssertEqual(status, 0)
    }

    /// A reader catching up from the start, slowly but steadily, when a burst of live events piles up
    /// behind it: it is cut off in the middle of its replay, after the write in progress, with whole
    /// lines and the `overflow` notice (it was once closed mid-line, without the notice, 5 s after the
    /// burst, while still reading); resuming from the notice's seq then loses nothing.
    func testAReaderStillCatchingUpGetsWholeLinesThenTheNotice() async throws {
        let count = WireHarness.articlesBeyondSocketBuffers()
        let all = FeedBuilder.manyDistinctItems(count: 2 * count, summaryWords: 120)
        let wire = try await WireHarness.start(
            self, name: "catching-up", items: Array(all[0..<count]),
            extraConfig: """
                [socket]
                subscriber_queue = 10
                """)
        let daemon = wire.daemon
        let fast = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        try await fast.wait(timeout: .seconds(120), for: "the first articles") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == count
        }

        // About 1 KB every 20 ms: the stored events alone take it some 20 s.
        let slow = try StalledReader(path: daemon.socketPath)
        _ = try slow.readLine()
        slow.send(#"{"since":0}"#)
        _ = try slow.readLine()
        async let reading = slow.readToEndOnAThread(bytesPerRead: 1024, pause: .milliseconds(20))
        // A burst it cannot take in time, then one more batch: when it is cut off.
        wire.publish(Array(all.dropLast()))
        try await fast.wait(timeout: .seconds(120), for: "the burst") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == all.count - 1
                && (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        wire.publish(all)
        let received = try await reading
        XCTAssertTrue(received.complete, "the stream ended with a whole line, not in the middle of one")
        let notice = try XCTUnwrap(received.lines.last.flatMap(WireHarness.jsonObject), "a JSON line ends the stream")
        XCTAssertEqual(notice["type"] as? String, "overflow", "last line: \(received.lines.last ?? "")")
        let delivered = try XCTUnwrap((notice["seq"] as? NSNumber)?.int64Value)
        let seqs = received.lines.dropLast().compactMap { WireHarness.eventSeq($0) }
        XCTAssertEqual(seqs, Array(2...delivered), "every line whole, in order, up to the notice's seq")

        try await fast.wait(timeout: .seconds(120), for: "every article") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == all.count
                && (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        let everything = fast.rawLines.compactMap { WireHarness.eventSeq($0) }
        XCTAssertLessThan(delivered, everything.last ?? 0, "it was cut off before the end")
        let rest = try await Self.resume(after: delivered, until: everything.last, from: daemon)
        XCTAssertEqual([1] + seqs + rest, everything)
        let status = try await daemon.stop()
        XCTAssertEqual(status, 0)
    }

    /// The seqs a new subscriber asking `{"since":N}` gets, up to `last`.
    private static func resume(after since: Int64, until last: Int64?, from daemon: DaemonProcess) async throws
        -> [Int64]
    {
        let resumed = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":\#(since)}"#)
        try await resumed.wait(for: "the rest") { lines, _ in
            lines.filter { ($0["type"] as? String)?.contains(".") == true }.compactMap { $0["seq"] as? Int64 }.last
                == last
        }
        return resumed.rawLines.compactMap { WireHarness.eventSeq($0) }
    }

    /// The seq a hello line announces.
    private static func helloSeq(_ line: String) -> Int64? {
        guard let object = WireHarness.jsonObject(line), object["type"] as? String == "hello" else { return nil }
        return (object["seq"] as? NSNumber)?.int64Value
    }
}

/// A socket client that reads only when told to, with a small receive buffer. (Used by one thread
/// at a time: the test's, or the one `readToEndOnAThread` starts while the test waits.)
private final class StalledReader: @unchecked Sendable {
    private let fd: Int32
    private var pending: [UInt8] = []

    init(path: String) throws {
        do {
            fd = try UnixSocket.connect(path: path)
        } catch {
            throw DaemonTestError("\(error)")
        }
        var size: Int32 = 4096
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// One line (blocking, up to the 60 s receive timeout).
    func readLine() throws -> String {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                defer { pending.removeSubrange(...newline) }
                return String(decoding: pending[..<newline], as: UTF8.self)
            }
            guard try fill() else { throw DaemonTestError("the daemon closed the socket before a full line") }
        }
    }

    /// Every remaining line, until the daemon closes the connection.
    func readToEnd() throws -> [String] {
        do {
            while try fill() {}
        } catch {
            let tail = String(decoding: pending.suffix(300), as: UTF8.self)
            throw DaemonTestError("\(error) after \(pending.count) bytes without the end of the stream; last: \(tail)")
        }
        let text = String(decoding: pending, as: UTF8.self)
        pending = []
        return text.split(separator: "\n").map(String.init)
    }

    /// Every remaining line, reading at most `bytesPerRead` at a time with `pause` between reads,
    /// until the daemon closes the connection; `complete` is false when the last line was cut short.
    func readToEnd(bytesPerRead: Int, pause: Duration) throws -> (lines: [String], complete: Bool) {
        while true {
            var chunk = [UInt8](repeating: 0, count: bytesPerRead)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw DaemonTestError("read failed: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            pending.append(contentsOf: chunk[..<count])
            Thread.sleep(
                forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)
        }
        let complete = pending.last.map { $0 == UInt8(ascii: "\n") } ?? true
        let text = String(decoding: pending, as: UTF8.self)
        pending = []
        return (text.split(separator: "\n").map(String.init), complete)
    }

    /// `readToEnd(bytesPerRead:pause:)` on a thread of its own (it blocks), so that the test can go on.
    func readToEndOnAThread(bytesPerRead: Int, pause: Duration) async throws -> (lines: [String], complete: Bool) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try self.readToEnd(bytesPerRead: bytesPerRead, pause: pause) })
            }
            .start()
        }
    }

    /// Whether the daemon closes its end within `seconds`, without this side reading anything.
    func waitForHangUp(within seconds: Int32) -> Bool {
        let peerClosed: Int16 = 0x2000  // Linux's POLLRDHUP (Glibc hides it behind _GNU_SOURCE)
        var descriptor = pollfd(fd: fd, events: peerClosed, revents: 0)
        let ready = poll(&descriptor, 1, seconds * 1000)
        return ready == 1 && descriptor.revents & (peerClosed | Int16(POLLHUP)) != 0
    }

    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 { throw DaemonTestError("read failed: \(String(cString: strerror(errno)))") }
        pending.append(contentsOf: chunk[..<count])
        return count > 0
    }
}
