import Foundation
import PollScheduling
import XCTest

/// The daemon stores `PollState` in SQLite as JSON: it must survive the round trip.
final class PollStateCodingTests: XCTestCase {
    func testRoundTripKeepsEveryField() throws {
        let state = PollState(interval: 1406.25, consecutiveFailures: 3, disabled: true)
        let decoded = try JSONDecoder().decode(PollState.self, from: JSONEncoder().encode(state))
        XCTAssertEqual(decoded, state)
    }

    func testStoredJSONDecodes() throws {
        let json = Data(#"{"interval":900,"consecutiveFailures":0,"disabled":false}"#.utf8)
        XCTAssertEqual(try JSONDecoder().decode(PollState.self, from: json), PollState(interval: 900))
    }
}
