import PollScheduling
import XCTest

/// First polls of many sources: spread over the start-up window, then kept a minimum separation apart.
final class PollSpacingTests: XCTestCase {
    /// A deterministic stand-in for the daemon's random numbers: a 64-bit linear congruential generator.
    private struct TestRandom {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    func testFirstDelayIsSpreadOverTheStartupWindow() {
        let policy = PollPolicy(configuration: PollPolicyConfiguration())
        XCTAssertEqual(policy.firstDelay(random: 0), 0)
        XCTAssertEqual(policy.firstDelay(random: 0.5), 150)
        XCTAssertEqual(policy.firstDelay(random: 1), 300)
    }

    func testFirstDelayUsesTheBaseIntervalWhenShorterThanTheWindow() {
        let policy = PollPolicy(configuration: PollPolicyConfiguration(baseInterval: 120, minInterval: 60))
        XCTAssertEqual(policy.firstDelay(random: 0.5), 60)
    }

    func testFiveHundredSourcesNeverFireWithinTheSeparation() {
        let policy = PollPolicy(configuration: PollPolicyConfiguration())
        var random = TestRandom(state: 42)
        let desired = (0..<500).map { _ in policy.firstDelay(random: random.next()) }
        let separation: TimeInterval = 0.5

        let rawGaps = zip(desired.sorted(), desired.sorted().dropFirst()).map { $1 - $0 }
        XCTAssertGreaterThan(rawGaps.filter { $0 < separation }.count, 50, "random times alone do collide")

        let scheduled = PollSpacing.schedule(desired, separation: separation)
        let sorted = scheduled.sorted()
        let gaps = zip(sorted, sorted.dropFirst()).map { $1 - $0 }
        XCTAssertEqual(gaps.min() ?? 0, separation, accuracy: 1e-9)
        XCTAssertTrue(gaps.allSatisfy { $0 >= separation - 1e-9 })
        XCTAssertTrue(zip(desired, scheduled).allSatisfy { $1 >= $0 }, "never earlier than desired")
        XCTAssertLessThan(sorted.last ?? .infinity, 300 + 30, "the push stays small")
    }

    func testScheduleKeepsOrderAndBreaksTiesByPosition() {
        XCTAssertEqual(PollSpacing.schedule([10, 10, 10], separation: 1), [10, 11, 12])
        XCTAssertEqual(PollSpacing.schedule([5, 0, 5.2, 20], separation: 1), [5, 0, 6, 20])
        XCTAssertEqual(PollSpacing.schedule([], separation: 1), [])
    }

    func testEarliestSlotAvoidsTheTimesAlreadyTaken() {
        let occupied: [TimeInterval] = [10, 11, 20]
        XCTAssertEqual(PollSpacing.earliestSlot(for: 10.5, avoiding: occupied, separation: 1), 12)
        XCTAssertEqual(PollSpacing.earliestSlot(for: 15, avoiding: occupied, separation: 1), 15)
        XCTAssertEqual(PollSpacing.earliestSlot(for: 19.5, avoiding: occupied, separation: 1), 21)
        XCTAssertEqual(PollSpacing.earliestSlot(for: 9, avoiding: occupied, separation: 1), 9, "exactly apart")
        XCTAssertEqual(PollSpacing.earliestSlot(for: 3, avoiding: [], separation: 1), 3)
    }
}
