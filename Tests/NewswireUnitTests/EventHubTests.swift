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
        hub.publish(events(1...5))
        XCTAssertTrue(slow.overflow.isSet)
        XCTAssertEqual(hub.subscriberCount, 0)
        let fresh = hub.subscribe()
        hub.publish(events(6...6))
        XCTAssertFalse(fresh.overflow.isSet)
        XCTAssertEqual(hub.head, 6)
    }
}
