import NewswireStore
import XCTest

@testable import NewswireDaemon

final class EventHubTests: XCTestCase {
    private func events(_ range: ClosedRange<Int64>) -> [StoredEvent] {
        range.map { StoredEvent(seq: $0, line: "{\"seq\":\($0)}") }
    }

    func testSubscriberStartsAtHeadAndGetsLaterEventsInOrder() async {
        let hub = EventHub(head: 10)
        hub.publish(events(11...12))
        let subscription = hub.subscribe()
        XCTAssertEqual(subscription.head, 12)
        hub.publish(events(13...15))
        hub.finishAll()
        var seen: [Int64] = []
        for await batch in subscription.batches { seen += batch.map(\.seq) }
        XCTAssertEqual(seen, [13, 14, 15])
    }

    func testSlowSubscriberIsCutOffWithoutBlockingOthers() async {
        let hub = EventHub(head: 0, queueLimit: 3)
        let slow = hub.subscribe()
        let reader = hub.subscribe()
        hub.publish(events(1...5))
        XCTAssertFalse(slow.overflow.isSet, "one batch, however large, is always queued")
        var iterator = reader.batches.makeAsyncIterator()
        let first = await iterator.next()
        XCTAssertEqual(first?.map(\.seq), [1, 2, 3, 4, 5], "one batch as published")
        reader.backlog.delivered(5)
        hub.publish(events(6...6))
        XCTAssertTrue(slow.overflow.isSet, "5 events were still waiting")
        XCTAssertFalse(reader.overflow.isSet, "it delivered what it was given")
        XCTAssertEqual(hub.subscriberCount, 1)
        // What the slow one was given before the cut-off stays in its stream, then its stream ends.
        var seen: [Int64] = []
        for await batch in slow.batches { seen += batch.map(\.seq) }
        XCTAssertEqual(seen, [1, 2, 3, 4, 5])
        let next = await iterator.next()
        XCTAssertEqual(next?.map(\.seq), [6])
        XCTAssertEqual(hub.head, 6)
    }

    func testTakenButUndeliveredEventsStillCountAsWaiting() async {
        let hub = EventHub(head: 0, queueLimit: 3)
        let subscriber = hub.subscribe()
        hub.publish(events(1...5))
        var iterator = subscriber.batches.makeAsyncIterator()
        _ = await iterator.next()
        XCTAssertEqual(subscriber.backlog.count, 5, "taken from the stream is not yet delivered")
        subscriber.backlog.delivered(3)
        hub.publish(events(6...7))
        XCTAssertFalse(subscriber.overflow.isSet, "2 waiting, within the limit")
        hub.publish(events(8...8))
        XCTAssertTrue(subscriber.overflow.isSet, "4 waiting when 8 came")
    }

    func testOverflowFlagWakesItsWaiter() async {
        let flag = OverflowFlag()
        async let woken: Bool = {
            await flag.wait()
            return flag.isSet
        }()
        flag.set()
        let result = await woken
        XCTAssertTrue(result)
    }

    func testBatchesAreCutIntoChunksOfAboutTheLimit() {
        let batch = ArraySlice((1...10).map { StoredEvent(seq: $0, line: String(repeating: "x", count: 99)) })
        let chunks = SocketLines.chunks(of: batch, limit: 300)
        XCTAssertEqual(chunks.map { $0.map(\.seq) }, [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]])
        XCTAssertEqual(SocketLines.chunks(of: batch[4...], limit: 10).count, 6, "one event per chunk at least")
        XCTAssertTrue(SocketLines.chunks(of: [], limit: 300).isEmpty)
    }
}
