import Foundation
import XCTest

@testable import NewswireDaemon

/// The STATUS= line: healthy, failing (retried) and gone (410, never polled again) feeds apart.
final class FeedHealthBoardTests: XCTestCase {
    func testGoneFeedsAreNotCountedAsRetriedAndAbandonedPollsChangeNothing() async {
        let board = FeedHealthBoard(feedCount: 4, outletCount: 2, onChange: { _ in })
        let feeds = (0..<4).map { URL(string: "https://example.org/\($0).xml")! }
        await board.update(feeds[0], result: .init(succeeded: true, nextDelay: 900))
        await board.update(feeds[1], result: .init(succeeded: false, nextDelay: 60, error: "HTTP 500"))
        await board.update(feeds[2], result: .init(succeeded: false, nextDelay: nil, error: "HTTP 410"))
        await board.update(feeds[3], result: .init(succeeded: false, nextDelay: nil, abandoned: true))
        let summary = await board.summary
        XCTAssertEqual(
            summary,
            "polling 4 feeds of 2 outlets: 1 ok, 1 failing (retrying with backoff), 1 gone (410, no longer polled), "
                + "1 not polled yet")

        await board.update(feeds[1], result: .init(succeeded: true, nextDelay: 900))
        let healed = await board.summary
        XCTAssertEqual(healed, "polling 4 feeds of 2 outlets: 2 ok, 1 gone (410, no longer polled), 1 not polled yet")
    }
}
