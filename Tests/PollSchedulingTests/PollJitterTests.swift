import PollScheduling
import XCTest

/// Jitter: ±10 % around the target, never below a lower bound, never above the maximum interval.
final class PollJitterTests: XCTestCase {
    private let policy = PollPolicy(configuration: PollPolicyConfiguration())

    private func delay(interval: TimeInterval, newItems: Int = 1, random: Double) -> TimeInterval {
        policy.next(after: .fetched(newItems: newItems, serverHint: nil), state: PollState(interval: interval),
                    random: random).delay ?? .nan
    }

    func testDelaySpansTenPercentEitherSide() {
        XCTAssertEqual(delay(interval: 900, random: 0), 810, accuracy: 1e-9)
        XCTAssertEqual(delay(interval: 900, random: 0.5), 900, accuracy: 1e-9)
        XCTAssertEqual(delay(interval: 900, random: 0.75), 945, accuracy: 1e-9)
        XCTAssertEqual(delay(interval: 900, random: 0.999_999), 990, accuracy: 1e-3)
    }

    func testEveryDrawStaysInTheWindow() {
        let delays = (0..<1000).map { delay(interval: 1800, random: Double($0) / 1000) }
        XCTAssertTrue(delays.allSatisfy { (1620...1980).contains($0) })
        XCTAssertEqual(Set(delays).count, 1000, "distinct draws give distinct delays")
    }

    func testAtTheMinimumJitterOnlyLengthens() {
        XCTAssertEqual(delay(interval: 300, random: 0), 300)
        XCTAssertEqual(delay(interval: 300, random: 0.5), 315, accuracy: 1e-9)
        XCTAssertLessThan(delay(interval: 300, random: 0.999), 330)
    }

    func testAtTheMaximumJitterOnlyShortens() {
        XCTAssertEqual(delay(interval: 7200, newItems: 0, random: 0), 6480, accuracy: 1e-9)
        XCTAssertEqual(delay(interval: 7200, newItems: 0, random: 0.5), 6840, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(delay(interval: 7200, newItems: 0, random: 0.999_999), 7200)
    }

    func testRandomOutsideTheUnitRangeIsClamped() {
        XCTAssertEqual(delay(interval: 900, random: -3), 810, accuracy: 1e-9)
        XCTAssertEqual(delay(interval: 900, random: 7), 990, accuracy: 1e-9)
    }

    func testJitterFractionIsConfigurable() {
        let calm = PollPolicy(configuration: PollPolicyConfiguration(jitterFraction: 0))
        let result = calm.next(after: .fetched(newItems: 1, serverHint: nil), state: calm.initialState(), random: 0)
        XCTAssertEqual(result.delay, 900)
    }
}
