import Logging
import ServiceLifecycle
import Synchronization
import XCTest

@testable import NewswireDaemon

/// When the daemon gives memory back, and which mappings it may unmap.
final class IdleMemoryTrimTests: XCTestCase {
    // MARK: The schedule

    func testNothingIsDueWithoutActivity() {
        var schedule = IdleTrimSchedule(quietPeriod: .seconds(1), releasePeriod: .seconds(60))
        XCTAssertNil(schedule.dueAt)
        XCTAssertNil(schedule.claim(at: .now + .seconds(3600)))
    }

    func testOneTrimThenOneReleasePerBurst() {
        let start = ContinuousClock.now
        var schedule = IdleTrimSchedule(quietPeriod: .seconds(1), releasePeriod: .seconds(60))
        // Polls finishing 0.2 s apart: the trim waits for the last one.
        for step in 0..<5 { schedule.noteActivity(at: start + .milliseconds(200 * step)) }
        XCTAssertEqual(schedule.dueAt, start + .milliseconds(1800))
        XCTAssertNil(schedule.claim(at: start + .milliseconds(1700)), "not quiet for a second yet")
        XCTAssertEqual(schedule.claim(at: start + .milliseconds(1800)), .trim)
        XCTAssertEqual(schedule.dueAt, start + .milliseconds(60_800), "the release comes a quiet minute later")
        XCTAssertNil(schedule.claim(at: start + .seconds(30)))
        XCTAssertEqual(schedule.claim(at: start + .milliseconds(60_800)), .release)
        XCTAssertNil(schedule.dueAt, "done until something happens again")
        XCTAssertNil(schedule.claim(at: start + .seconds(600)))

        schedule.noteActivity(at: start + .seconds(900))
        XCTAssertEqual(schedule.dueAt, start + .seconds(901))
        XCTAssertEqual(schedule.claim(at: start + .seconds(905)), .trim)
    }

    func testActivityBeforeTheReleaseStartsOverWithATrim() {
        let start = ContinuousClock.now
        var schedule = IdleTrimSchedule(quietPeriod: .seconds(1), releasePeriod: .seconds(60))
        schedule.noteActivity(at: start)
        XCTAssertEqual(schedule.claim(at: start + .seconds(1)), .trim)
        // A poll 30 s later: the window is still in use, so no release a minute after the first.
        schedule.noteActivity(at: start + .seconds(30))
        XCTAssertEqual(schedule.dueAt, start + .seconds(31))
        XCTAssertEqual(schedule.claim(at: start + .seconds(31)), .trim)
        XCTAssertNil(schedule.claim(at: start + .seconds(61)))
        XCTAssertEqual(schedule.claim(at: start + .seconds(90)), .release)
    }

    func testAReleaseDueAtTheTrimTimeComesAlone() {
        let start = ContinuousClock.now
        var schedule = IdleTrimSchedule(quietPeriod: .seconds(1), releasePeriod: .seconds(1))
        schedule.noteActivity(at: start)
        XCTAssertEqual(schedule.dueAt, start + .seconds(1))
        XCTAssertEqual(schedule.claim(at: start + .seconds(1)), .release)
        XCTAssertNil(schedule.dueAt)

        // Woken late, past both: one release, no trim before it.
        var longer = IdleTrimSchedule(quietPeriod: .seconds(1), releasePeriod: .seconds(5))
        longer.noteActivity(at: start)
        XCTAssertEqual(longer.claim(at: start + .seconds(7)), .release)
        XCTAssertNil(longer.dueAt)
    }

    func testActivityNotedLateDoesNotMoveTheDueTimeBack() {
        let start = ContinuousClock.now
        var schedule = IdleTrimSchedule(quietPeriod: .seconds(1), releasePeriod: .seconds(60))
        schedule.noteActivity(at: start + .seconds(5))
        schedule.noteActivity(at: start + .seconds(4))
        XCTAssertEqual(schedule.dueAt, start + .seconds(6))
    }

    // MARK: The trimmer service

    func testTrimsOnceAfterABurstAndNotWhileIdle() async throws {
        let trims = Mutex(0)
        let trimmer = IdleMemoryTrimmer(
            quietPeriod: .milliseconds(100), releasePeriod: .seconds(3600), logger: Logger(label: "test")
        ) {
            trims.withLock { $0 += 1 }
        }
        let running = Task { try await trimmer.run() }
        defer { running.cancel() }

        try await Task.sleep(for: .milliseconds(300))
        XCTAssertEqual(trims.withLock { $0 }, 0, "no activity, no trim")
        for _ in 0..<3 { trimmer.noteActivity() }
        try await waitUntil { trims.withLock { $0 } >= 1 }
        try await Task.sleep(for: .milliseconds(400))
        XCTAssertEqual(trims.withLock { $0 }, 1, "one trim for one burst")

        trimmer.noteActivity()
        try await waitUntil { trims.withLock { $0 } >= 2 }
    }

    func testStopsAtOnceWhileWaitingForARelease() async throws {
        let trims = Mutex(0)
        let trimmer = IdleMemoryTrimmer(
            quietPeriod: .milliseconds(50), releasePeriod: .seconds(3600), logger: Logger(label: "test")
        ) {
            trims.withLock { $0 += 1 }
        }
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: trimmer)], logger: Logger(label: "test")))
        let finished = Mutex(false)
        Task {
            try? await group.run()
            finished.withLock { $0 = true }
        }
        trimmer.noteActivity()
        // Trimmed, and now waiting an hour for the release: a stop must not wait for it.
        try await waitUntil { trims.withLock { $0 } >= 1 }
        await group.triggerGracefulShutdown()
        try await waitUntil { finished.withLock { $0 } }
    }

    func testReleasesThenTrimsAfterTheLongerQuietTime() async throws {
        let steps = Mutex<[String]>([])
        let trimmer = IdleMemoryTrimmer(
            quietPeriod: .milliseconds(50), releasePeriod: .milliseconds(300), logger: Logger(label: "test"),
            trim: { steps.withLock { $0.append("trim") } }, release: { steps.withLock { $0.append("release") } })
        let running = Task { try await trimmer.run() }
        defer { running.cancel() }

        trimmer.noteActivity()
        try await waitUntil { steps.withLock { $0.count } >= 3 }
        XCTAssertEqual(steps.withLock { $0 }, ["trim", "release", "trim"])
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else { return XCTFail("timed out") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    // MARK: Which mappings

    func testOnlyCleanReadOnlyFileMappingsAreEligible() {
        let smaps = """
            55d0e0000000-55d0e1e14000 r-xp 00000000 fd:01 1311 /usr/bin/newswired
            Size:              30800 kB
            Rss:               14308 kB
            Anonymous:             0 kB
            Locked:                0 kB
            VmFlags: rd ex mr mw me
            55d0e1e14000-55d0e1ee6000 r--p 01e13000 fd:01 1311 /usr/bin/newswired
            Size:                840 kB
            Rss:                 840 kB
            Anonymous:           840 kB
            VmFlags: rd mr mw me ac
            55d0e1ee6000-55d0e433c000 rw-p 01ee5000 fd:01 1311 /usr/bin/newswired
            Rss:                3348 kB
            Anonymous:           388 kB
            7f45e6a00000-7f45e6ac5000 r--p 00000000 fd:01 2001 /usr/lib/x86_64-linux-gnu/libcrypto.so.3
            Rss:                 788 kB
            Anonymous:             0 kB
            VmFlags: rd mr mw me
            7f45e6b00000-7f45e6b10000 r-xp 00000000 fd:01 2002 /usr/lib/x86_64-linux-gnu/libz.so.1
            Rss:                   0 kB
            Anonymous:             0 kB
            7f45e6c00000-7f45e6c10000 r-xp 00000000 fd:01 2003 /usr/lib/locked.so
            Rss:                  64 kB
            Anonymous:             0 kB
            VmFlags: rd ex mr mw me lo
            7f45dc000000-7f45dc06a000 rw-p 00000000 00:00 0
            Rss:                 424 kB
            Anonymous:           424 kB
            7ffd1c9f0000-7ffd1c9f2000 r-xp 00000000 00:00 0                          [vdso]
            Rss:                   8 kB
            Anonymous:             0 kB
            7f45e6d00000-7f45e6d10000 r--s 00000000 fd:01 2004 /var/cache/shared.db
            Rss:                  64 kB
            Anonymous:             0 kB

            """
        XCTAssertEqual(
            CleanFileMappings.parse(Array(smaps.utf8)),
            [
                .init(start: 0x55d0_e000_0000, length: 0x1e1_4000, residentBytes: 14308 * 1024),
                .init(start: 0x7f45_e6a0_0000, length: 0xc5000, residentBytes: 788 * 1024),
            ])
    }

    func testTrimmingThisProcessKeepsItWorking() {
        let announced = Mutex<MemoryTrim.Report?>(nil)
        MemoryTrim.trimNow { report in announced.withLock { $0 = report } }
        XCTAssertGreaterThan(
            announced.withLock { $0?.mappings ?? 0 }, 0, "the test binary's code is a clean read-only mapping")
        // Code unmapped above is mapped again on use.
        XCTAssertEqual((1...1000).reduce(0, +), 500_500)
        XCTAssertEqual(String(describing: [1, 2, 3].map { $0 * 2 }), "[2, 4, 6]")
    }
}
