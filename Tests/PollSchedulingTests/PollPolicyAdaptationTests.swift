import PollScheduling
import XCTest

/// The adaptive interval: start, both directions, bounds. `random: 0.5` is the middle of the jitter window,
/// so the delay equals the interval there.
final class PollPolicyAdaptationTests: XCTestCase {
    private let policy = PollPolicy(configuration: PollPolicyConfiguration())

    func testDefaultsAreFiveMinutesToTwoHoursStartingAtFifteen() {
        let configuration = PollPolicyConfiguration()
        XCTAssertEqual(configuration.minInterval, 300)
        XCTAssertEqual(configuration.maxInterval, 7200)
        XCTAssertEqual(configuration.maxBackoff, 6 * 3600)
        XCTAssertEqual(policy.initialState(), PollState(interval: 900, consecutiveFailures: 0, disabled: false))
    }

    func testConfiguredIntervalOutsideTheBoundsStartsAtTheNearestBound() {
        let tooShort = PollPolicy(configuration: PollPolicyConfiguration(baseInterval: 60))
        let tooLong = PollPolicy(configuration: PollPolicyConfiguration(baseInterval: 86400))
        XCTAssertEqual(tooShort.initialState().interval, 300)
        XCTAssertEqual(tooLong.initialState().interval, 7200)
    }

    func testOneStepFromFifteenMinutesForEachCountOfNewItems() {
        // Nothing new: a quarter longer; one new item: the pace aimed at; two or more: half.
        let expected: [(newItems: Int, interval: TimeInterval)] = [(0, 1125), (1, 900), (2, 450), (10, 450)]
        for (newItems, interval) in expected {
            let result = policy.next(after: .fetched(newItems: newItems, serverHint: nil),
                                     state: policy.initialState(), random: 0.5)
            XCTAssertEqual(result.state.interval, interval, "\(newItems) new")
            XCTAssertEqual(result.delay ?? 0, interval, accuracy: 1e-9, "\(newItems) new")
        }
    }

    func testQuietSourceLengthensUpToTwoHoursAndStaysThere() {
        var state = policy.initialState()
        var intervals: [TimeInterval] = []
        for _ in 0..<12 {
            state = policy.next(after: .fetched(newItems: 0, serverHint: nil), state: state, random: 0.5).state
            intervals.append(state.interval)
        }
        XCTAssertEqual(Array(intervals.prefix(3)), [1125, 1406.25, 1757.8125])
        XCTAssertEqual(intervals.firstIndex(of: 7200), 9, "900 × 1.25^10 first exceeds 7200")
        XCTAssertEqual(intervals.last, 7200)
        XCTAssertTrue(intervals.allSatisfy { $0 <= 7200 })
    }

    func testBusySourceShortensDownToFiveMinutesAndStaysThere() {
        var state = PollState(interval: 7200)
        var intervals: [TimeInterval] = []
        for _ in 0..<8 {
            state = policy.next(after: .fetched(newItems: 5, serverHint: nil), state: state, random: 0.5).state
            intervals.append(state.interval)
        }
        XCTAssertEqual(intervals, [3600, 1800, 900, 450, 300, 300, 300, 300])
    }

    func testSourceThatSlowsDownIsFollowedBackUp() {
        var state = PollState(interval: 300)
        for _ in 0..<3 {
            state = policy.next(after: .fetched(newItems: 0, serverHint: nil), state: state, random: 0.5).state
        }
        XCTAssertEqual(state.interval, 585.9375, accuracy: 1e-9, "300 × 1.25³")
    }

    func testPersistedIntervalOutsideReloadedBoundsIsBroughtBackIn() {
        let narrower = PollPolicy(configuration: PollPolicyConfiguration(minInterval: 600, maxInterval: 3600))
        let fromLongInterval = narrower.next(after: .fetched(newItems: 1, serverHint: nil),
                                             state: PollState(interval: 10000), random: 0.5)
        let fromShortInterval = narrower.next(after: .fetched(newItems: 1, serverHint: nil),
                                              state: PollState(interval: 60), random: 0.5)
        XCTAssertEqual(fromLongInterval.state.interval, 3600)
        XCTAssertEqual(fromShortInterval.state.interval, 600)
    }
}
