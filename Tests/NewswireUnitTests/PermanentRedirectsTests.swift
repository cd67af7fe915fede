import Foundation
@testable import NewswireDaemon
import NewswireHTTP
import NewswireStore
import XCTest

final class PermanentRedirectsTests: XCTestCase {
    private let old = URL(string: "https://old.example/rss")!
    private let new = URL(string: "https://new.example/feed.xml")!

    private func response(_ status: Int?) -> FetchResponse {
        FetchResponse(
            status: 200, body: Data(), effectiveURL: status == nil ? old : new,
            redirects: status.map { [Redirect(status: $0, location: new)] } ?? [])
    }

    func testMoveIsUsedOnlyAfterConsistentPermanentRedirects() {
        var state = FeedState(url: old.absoluteString, outlet: "x")
        XCTAssertFalse(PermanentRedirects.record(response(301), into: &state))
        XCTAssertFalse(PermanentRedirects.record(response(308), into: &state))
        XCTAssertEqual(PermanentRedirects.fetchURL(configured: old, state: state), old, "not yet")
        XCTAssertTrue(PermanentRedirects.record(response(301), into: &state))
        XCTAssertEqual(PermanentRedirects.fetchURL(configured: old, state: state), new)
        // Fetching the new URL directly keeps the move.
        var moved = state
        XCTAssertFalse(PermanentRedirects.record(FetchResponse(status: 200, body: Data(), effectiveURL: new),
                                                 into: &moved))
        XCTAssertEqual(PermanentRedirects.fetchURL(configured: old, state: moved), new)
    }

    func testTemporaryRedirectOrAnAnswerFromTheOldURLResetsTheCount() {
        var state = FeedState(url: old.absoluteString, outlet: "x")
        _ = PermanentRedirects.record(response(301), into: &state)
        _ = PermanentRedirects.record(response(302), into: &state)
        _ = PermanentRedirects.record(response(nil), into: &state)
        XCTAssertEqual(state.movedCount, 0)
        _ = PermanentRedirects.record(response(301), into: &state)
        _ = PermanentRedirects.record(response(301), into: &state)
        XCTAssertEqual(PermanentRedirects.fetchURL(configured: old, state: state), old)
    }
}
