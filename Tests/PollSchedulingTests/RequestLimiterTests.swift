import PollScheduling
import XCTest

/// Concurrent requests: per host, overall, FIFO among those that have room.
final class RequestLimiterTests: XCTestCase {
    func testDefaultsAreTwoPerHostAndEightOverall() {
        XCTAssertEqual(RequestLimits(), RequestLimits(perHost: 2, overall: 8))
    }

    func testThirdRequestToOneHostWaits() {
        var limiter = RequestLimiter<String>()
        XCTAssertEqual(limiter.request("a1", host: "a.example"), .start)
        XCTAssertEqual(limiter.request("a2", host: "a.example"), .start)
        XCTAssertEqual(limiter.request("a3", host: "a.example"), .queued)
        XCTAssertEqual(limiter.request("b1", host: "b.example"), .start, "another host is not held back")
        XCTAssertEqual(limiter.runningCount(host: "a.example"), 2)
        XCTAssertEqual(limiter.runningCount, 3)
        XCTAssertEqual(limiter.waitingCount, 1)
    }

    func testOverallLimitHoldsAcrossHosts() {
        var limiter = RequestLimiter<Int>()
        let decisions = (0..<10).map { limiter.request($0, host: "host\($0).example") }
        XCTAssertEqual(decisions.filter { $0 == .start }.count, 8)
        XCTAssertEqual(Array(decisions.suffix(2)), [.queued, .queued])
        XCTAssertEqual(limiter.finished(host: "host0.example"), [8])
        XCTAssertEqual(limiter.finished(host: "host8.example"), [9])
        XCTAssertEqual(limiter.finished(host: "host9.example"), [])
        XCTAssertEqual(limiter.runningCount, 7)
    }

    func testWaitingRequestsStartInTheOrderTheyCame() {
        var limiter = RequestLimiter<String>()
        _ = limiter.request("a1", host: "a.example")
        _ = limiter.request("a2", host: "a.example")
        _ = limiter.request("a3", host: "a.example")
        _ = limiter.request("a4", host: "a.example")
        XCTAssertEqual(limiter.finished(host: "a.example"), ["a3"])
        XCTAssertEqual(limiter.finished(host: "a.example"), ["a4"])
        XCTAssertEqual(limiter.finished(host: "a.example"), [])
        XCTAssertEqual(limiter.runningCount(host: "a.example"), 1)
    }

    func testBusyHostAtTheHeadDoesNotBlockOthers() {
        var limiter = RequestLimiter<String>(limits: RequestLimits(perHost: 2, overall: 3))
        _ = limiter.request("a1", host: "a.example")
        _ = limiter.request("a2", host: "a.example")
        _ = limiter.request("b1", host: "b.example")
        XCTAssertEqual(limiter.request("a3", host: "a.example"), .queued)
        XCTAssertEqual(limiter.request("b2", host: "b.example"), .queued)
        XCTAssertEqual(limiter.request("c1", host: "c.example"), .queued)
        // b1 ends: a3 is first but host a is full, so b2 (next in line) takes the free slot.
        XCTAssertEqual(limiter.finished(host: "b.example"), ["b2"])
        // An a-request ends: a3, waiting longest, goes before c1.
        XCTAssertEqual(limiter.finished(host: "a.example"), ["a3"])
        XCTAssertEqual(limiter.finished(host: "b.example"), ["c1"])
        XCTAssertEqual(limiter.waitingCount, 0)
    }

    func testHostsCompareCaseInsensitively() {
        var limiter = RequestLimiter<Int>()
        _ = limiter.request(1, host: "WWW.France24.com")
        _ = limiter.request(2, host: "www.france24.com")
        XCTAssertEqual(limiter.request(3, host: "www.FRANCE24.com"), .queued)
        XCTAssertEqual(limiter.finished(host: "Www.France24.Com"), [3])
    }

    func testCancelledRequestNeverStarts() {
        var limiter = RequestLimiter<String>(limits: RequestLimits(perHost: 1, overall: 8))
        _ = limiter.request("a1", host: "a.example")
        _ = limiter.request("a2", host: "a.example")
        _ = limiter.request("a3", host: "a.example")
        XCTAssertTrue(limiter.cancel("a2"))
        XCTAssertFalse(limiter.cancel("a2"))
        XCTAssertFalse(limiter.cancel("a1"), "running, not waiting")
        XCTAssertEqual(limiter.finished(host: "a.example"), ["a3"])
    }

    func testFinishedForAnIdleHostIsIgnored() {
        var limiter = RequestLimiter<String>(limits: RequestLimits(perHost: 1, overall: 1))
        _ = limiter.request("a1", host: "a.example")
        _ = limiter.request("b1", host: "b.example")
        XCTAssertEqual(limiter.finished(host: "b.example"), [], "b1 never started")
        XCTAssertEqual(limiter.runningCount, 1)
    }

    func testLimitsBelowOneCountAsOne() {
        XCTAssertEqual(RequestLimits(perHost: 0, overall: -2), RequestLimits(perHost: 1, overall: 1))
    }
}
