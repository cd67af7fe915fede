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
        for await event in subscription.events { seen.append(event.seq) }
        XCTAssertEqual(seen, [13, 14, 15])
    }

    func testSlowSubscriberIsCutOffWithoutBlockingOthers() async {
        let hub = EventHub(head: 0, queueLimit: 3)
        let slow = hub.subscribe()
        let reader = hub.subscribe()
        hub.publish(events(1...5))
        XCTAssertFalse(slow.overflow.isSet, "one batch, however large, is always queued")
        var iterator = reader.events.makeAsyncIterator()
        for _ in 1...5 { _ = await iterator.next() }
        hub.publish(events(6...6))
        XCTAssertTrue(slow.overflow.isSet, "5 events were still waiting")
        XCTAssertFalse(reader.overflow.isSet, "it read what it was given")
        XCTAssertEqual(hub.subscriberCount, 1)
        // What the slow one was given before the cut-off is still delivered, then its stream ends.
        var seen: [Int64] = []
        for await event in slow.events { seen.append(event.seq) }
        XCTAssertEqual(seen, [1, 2, 3, 4, 5])
        let next = await iterator.next()
        XCTAssertEqual(next?.seq, 6)
        XCTAssertEqual(hub.head, 6)
    }
}
