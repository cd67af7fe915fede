import PollScheduling
import XCTest

/// Failures: exponential backoff with jitter, capped, never giving up; recovery; 410 Gone.
final class PollFailureTests: XCTestCase {
    private let policy = PollPolicy(configuration: PollPolicyConfiguration())

    /// The delays after `count` failures in a row from a healthy source.
    private func failureDelays(_ count: Int, random: Double, jitterFraction: Double = 0.1) -> [TimeInterval] {
        let policy = PollPolicy(configuration: PollPolicyConfiguration(jitterFraction: jitterFraction))
        var state = policy.initialState()
        var delays: [TimeInterval] = []
        for _ in 0..<count {
            let result = policy.next(after: .failed(retryAfter: nil), state: state, random: random)
            state = result.state
            delays.append(result.delay ?? .nan)
        }
        return delays
    }

    func testBackoffDoublesFromOneMinuteUpToSixHours() {
        XCTAssertEqual(failureDelays(11, random: 0.5, jitterFraction: 0),
                       [60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600])
    }

    func testBackoffIsJitteredTenPercentAndNeverAboveTheCap() {
        XCTAssertEqual(failureDelays(3, random: 0), [54, 108, 216])
        XCTAssertEqual(failureDelays(3, random: 0.5), [60, 120, 240])
        let high = failureDelays(12, random: 0.999_999)
        XCTAssertEqual(high[0], 66, accuracy: 1e-3)
        XCTAssertEqual(high[8], 16896, accuracy: 1e-1)
        XCTAssertTrue(high.allSatisfy { $0 <= 21600 })
        XCTAssertEqual(failureDelays(12, random: 0).last, 19440, "6 h minus 10 %")
        XCTAssertEqual(failureDelays(12, random: 0.5).last, 20520, "at the cap, jitter can only shorten")
    }

    func testNeverGivesUpAfterAHundredFailures() {
        let delays = failureDelays(100, random: 0.5)
        XCTAssertEqual(delays.count, 100)
        XCTAssertTrue(delays.allSatisfy { $0.isFinite && $0 > 0 })
        XCTAssertEqual(delays.last, 20520, "the capped delay, jittered")
        var state = policy.initialState()
        for _ in 0..<100 { state = policy.next(after: .failed(retryAfter: nil), state: state, random: 0.5).state }
        XCTAssertEqual(state.consecutiveFailures, 100)
        XCTAssertFalse(state.disabled)
    }

    func testFailureCountSaturatesInsteadOfOverflowing() {
        let result = policy.next(after: .failed(retryAfter: nil), state: PollState(interval: 900,
                                 consecutiveFailures: .max), random: 0.5)
        XCTAssertEqual(result.state.consecutiveFailures, .max)
        XCTAssertEqual(result.delay, 20520, "the capped delay, jittered")
    }

    func testRecoveryResumesTheLearntIntervalAndResetsTheBackoff() {
        var state = policy.next(after: .fetched(newItems: 0, serverHint: nil), state: policy.initialState(),
                                random: 0.5).state
        XCTAssertEqual(state.interval, 1125)
        for _ in 0..<5 { state = policy.next(after: .failed(retryAfter: nil), state: state, random: 0.5).state }
        XCTAssertEqual(state.interval, 1125, "failures do not touch the interval")

        // Items piled up during the outage: the first poll after it does not read them as a rate.
        let recovered = policy.next(after: .fetched(newItems: 12, serverHint: nil), state: state, random: 0.5)
        XCTAssertEqual(recovered.state, PollState(interval: 1125, consecutiveFailures: 0, disabled: false))
        XCTAssertEqual(recovered.delay ?? 0, 1125, accuracy: 1e-9)

        let nextFailure = policy.next(after: .failed(retryAfter: nil), state: recovered.state, random: 0.5)
        XCTAssertEqual(nextFailure.delay, 60, "backoff starts over")
    }

    func testGoneDisablesTheSource() {
        let result = policy.next(after: .gone, state: policy.initialState(), random: 0.5)
        XCTAssertNil(result.delay)
        XCTAssertTrue(result.state.disabled)
    }

    func testGoneAfterFailuresDisablesToo() {
        let failing = PollState(interval: 900, consecutiveFailures: 7)
        XCTAssertNil(policy.next(after: .gone, state: failing, random: 0.5).delay)
    }

    func testDisabledSourceStaysDisabledUntilItsStateIsReplaced() {
        let disabled = policy.next(after: .gone, state: policy.initialState(), random: 0.5).state
        for outcome in [PollOutcome.fetched(newItems: 3, serverHint: nil), .failed(retryAfter: nil), .gone] {
            let result = policy.next(after: outcome, state: disabled, random: 0.5)
            XCTAssertNil(result.delay, "\(outcome)")
            XCTAssertEqual(result.state, disabled, "\(outcome)")
        }
        // Re-enabling (configuration reload, operator command) hands out a fresh state.
        let reenabled = policy.next(after: .fetched(newItems: 1, serverHint: nil), state: policy.initialState(),
                                    random: 0.5)
        XCTAssertEqual(reenabled.delay ?? 0, 900, accuracy: 1e-9)
    }
}
