import Foundation
import PollScheduling
import XCTest

/// `<ttl>`, `Cache-Control: max-age`, `Expires` and `Retry-After` as lower bounds on the next poll.
final class ServerHintTests: XCTestCase {
    private let policy = PollPolicy(configuration: PollPolicyConfiguration())
    private let now = Date(timeIntervalSince1970: 1_700_000_000)

    func testEachHintBecomesSecondsFromNow() {
        XCTAssertEqual(ServerHints(ttlMinutes: 60).lowerBound(now: now), 3600)
        XCTAssertEqual(ServerHints(maxAge: 1800).lowerBound(now: now), 1800)
        XCTAssertEqual(ServerHints(expires: now.addingTimeInterval(2700)).lowerBound(now: now), 2700)
        XCTAssertEqual(ServerHints(retryAfter: 4000).lowerBound(now: now), 4000)
    }

    func testTheLongestHintWins() {
        let hints = ServerHints(ttlMinutes: 10, maxAge: 1800, expires: now.addingTimeInterval(1200), retryAfter: 90)
        XCTAssertEqual(hints.lowerBound(now: now), 1800)
    }

    func testPastExpiresZeroAndNegativeValuesAskForNothing() {
        XCTAssertNil(ServerHints().lowerBound(now: now))
        XCTAssertNil(ServerHints(expires: now.addingTimeInterval(-60)).lowerBound(now: now))
        XCTAssertNil(ServerHints(ttlMinutes: 0, maxAge: 0, retryAfter: -5).lowerBound(now: now))
    }

    func testEveryHintKindHoldsOffThePollWhateverTheJitter() {
        let cases: [(String, ServerHints)] = [
            ("ttl", ServerHints(ttlMinutes: 60)),
            ("max-age", ServerHints(maxAge: 1800)),
            ("Expires", ServerHints(expires: now.addingTimeInterval(2700))),
            ("Retry-After", ServerHints(retryAfter: 4000)),
        ]
        for (name, hints) in cases {
            let bound = hints.lowerBound(now: now)
            for random in [0, 0.5, 0.999] {
                let delay = policy.next(after: .fetched(newItems: 1, serverHint: bound),
                                        state: policy.initialState(), random: random).delay
                XCTAssertGreaterThanOrEqual(delay ?? 0, bound ?? .infinity, "\(name) at random \(random)")
                XCTAssertLessThanOrEqual(delay ?? .infinity, (bound ?? 0) * 1.1, "\(name) at random \(random)")
            }
        }
    }

    func testHintBelowTheIntervalChangesNothing() {
        let delay = policy.next(after: .fetched(newItems: 1, serverHint: 60), state: policy.initialState(),
                                random: 0.5).delay
        XCTAssertEqual(delay ?? 0, 900, accuracy: 1e-9)
    }

    func testHintAboveTheMaximumIntervalIsHonoured() {
        let delay = policy.next(after: .fetched(newItems: 0, serverHint: 3 * 3600), state: PollState(interval: 7200),
                                random: 0).delay
        XCTAssertEqual(delay, 3 * 3600)
    }

    func testHintCountsForAtMostOneDay() {
        for random in [0, 0.5, 0.999] {
            let delay = policy.next(after: .fetched(newItems: 0, serverHint: 7 * 86400),
                                    state: policy.initialState(), random: random).delay
            XCTAssertEqual(delay, 86400, "random \(random)")
        }
    }

    func testHintDoesNotDistortTheLearntInterval() {
        let hinted = policy.next(after: .fetched(newItems: 1, serverHint: 3600), state: policy.initialState(),
                                 random: 0.5)
        XCTAssertEqual(hinted.state.interval, 900)
        let unhinted = policy.next(after: .fetched(newItems: 1, serverHint: nil), state: hinted.state, random: 0.5)
        XCTAssertEqual(unhinted.delay ?? 0, 900, accuracy: 1e-9)
    }

    func testRetryAfterOnFailureIsALowerBoundOnTheBackoff() {
        let first = policy.next(after: .failed(retryAfter: 600), state: policy.initialState(), random: 0)
        XCTAssertEqual(first.delay, 600, "rather than the 60 s backoff")
        let beyondCap = policy.next(after: .failed(retryAfter: 12 * 3600), state: policy.initialState(), random: 0.5)
        XCTAssertGreaterThanOrEqual(beyondCap.delay ?? 0, 12 * 3600, "above the 6 h backoff cap: the server asked")
        let absurd = policy.next(after: .failed(retryAfter: 30 * 86400), state: policy.initialState(), random: 0.5)
        XCTAssertEqual(absurd.delay, 86400)
    }
}
