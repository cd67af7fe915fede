import NewswireHTTP
import Testing

/// The pure limiter that keeps the fetcher within its overall and per-host limits.
@Suite struct ConcurrencyLimiterTests {
    @Test func startsAtMostThePerHostLimitForOneHost() {
        var limiter = ConcurrencyLimiter<Int>(maxTotal: 8, maxPerHost: 2)
        #expect(limiter.enqueue(1, host: "a:80") == [1])
        #expect(limiter.enqueue(2, host: "a:80") == [2])
        #expect(limiter.enqueue(3, host: "a:80") == [])
        #expect(limiter.waitingCount == 1)
        #expect(limiter.finish(1) == [3])
        #expect(limiter.runningCount == 2)
    }

    @Test func aSaturatedHostDoesNotHoldBackAnother() {
        var limiter = ConcurrencyLimiter<Int>(maxTotal: 8, maxPerHost: 1)
        #expect(limiter.enqueue(1, host: "a:80") == [1])
        #expect(limiter.enqueue(2, host: "a:80") == [])
        #expect(limiter.enqueue(3, host: "b:443") == [3])
    }

    @Test func theOverallLimitQueuesInArrivalOrder() {
        var limiter = ConcurrencyLimiter<Int>(maxTotal: 2, maxPerHost: 2)
        #expect(limiter.enqueue(1, host: "a") == [1])
        #expect(limiter.enqueue(2, host: "b") == [2])
        #expect(limiter.enqueue(3, host: "c") == [])
        #expect(limiter.enqueue(4, host: "d") == [])
        #expect(limiter.finish(2) == [3])
        #expect(limiter.finish(1) == [4])
    }

    @Test func abandoningAQueuedTransferFreesNothingAndStartsNothing() {
        var limiter = ConcurrencyLimiter<Int>(maxTotal: 1, maxPerHost: 1)
        #expect(limiter.enqueue(1, host: "a") == [1])
        #expect(limiter.enqueue(2, host: "a") == [])
        #expect(limiter.enqueue(3, host: "a") == [])
        #expect(limiter.finish(2) == [])
        #expect(limiter.finish(1) == [3])
        #expect(limiter.finish(99) == [])
        #expect(limiter.waitingCount == 0)
    }

    @Test func limitsBelowOneCountAsOne() {
        var limiter = ConcurrencyLimiter<Int>(maxTotal: 0, maxPerHost: -3)
        #expect(limiter.enqueue(1, host: "a") == [1])
        #expect(limiter.enqueue(2, host: "b") == [])
    }
}
