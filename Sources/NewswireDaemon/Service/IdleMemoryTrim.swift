import CMalloc
import Glibc
import Logging
import ServiceLifecycle
import Synchronization

/// Gives back, when the daemon goes idle, memory it holds but does not need until its next poll.
///
/// Two kinds of pages stay resident after work although nothing reads them until the next poll:
///
/// - free heap pages that malloc keeps after `free`; `malloc_trim(0)` returns them to the system
///   (a few MB after a first poll: most of the heap is then live data, the clustering window);
/// - pages of the executable and of the shared libraries mapped while starting up and polling:
///   the kernel maps code in runs of neighbouring pages (fault-around, large page-cache folios), so
///   start-up alone leaves about 14 MB of the 21 MB of `.text` and the 2.3 MB of relocations of
///   the static build resident. For mappings that are read-only, private and have never been
///   written (no anonymous page in them), `MADV_DONTNEED` only unmaps the pages: they stay in the
///   page cache, and whatever the next poll touches is mapped again by a minor fault, with the
///   same bytes (the kernel drops such pages by itself under memory pressure, too).
enum MemoryTrim {
    /// What a trim is about to unmap.
    struct Report: Sendable, Equatable {
        /// Read-only file mappings whose pages are unmapped.
        var mappings: Int
        /// Their resident size, in bytes.
        var mappedBytes: Int
    }

    /// Buffers from this size up get pages of their own from the kernel, given back when freed.
    ///
    /// glibc starts at 128 KiB, then raises the threshold to the size of each such buffer freed:
    /// after the start-up read of `/proc/self/smaps` (256 KiB) or one large feed, every feed body,
    /// parse buffer and decoded document below that size came from the heap, which the daemon's
    /// long-lived data (the clustering window) then keeps from shrinking. Setting the threshold stops
    /// that. It sits above the 64 KiB scratch buffer SQLite takes and frees at every b-tree page
    /// split, which is better served from the heap. First poll of the 1,000 bench feeds: peak
    /// anonymous RSS 40.6 MiB on average instead of 42.1, about 0.3 s more system time.
    static let mmapThreshold: Int32 = 68 * 1024

    /// Sets `mmapThreshold` (once, at start-up).
    static func configureAllocator() {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
    }

    /// Trims the heap and unmaps the pages of clean read-only file mappings (see `MemoryTrim`).
    ///
    /// `announce` learns what is about to be unmapped before anything is: whatever code it runs
    /// (a log line) would otherwise be mapped again right after the trim.
    static func trimNow(announce: (Report) -> Void = { _ in }) {
        let mappings = readProcFile("/proc/self/smaps").map(CleanFileMappings.parse) ?? []
        announce(Report(mappings: mappings.count, mappedBytes: mappings.reduce(0) { $0 + $1.residentBytes }))
        malloc_trim(0)
        for mapping in mappings {
            guard let start = UnsafeMutableRawPointer(bitPattern: mapping.start) else { continue }
            _ = madvise(start, mapping.length, MADV_DONTNEED)
        }
    }

    /// The whole content of a `/proc` file (their size is not known in advance).
    private static func readProcFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var content: [UInt8] = []
        content.reserveCapacity(256 * 1024)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? content : nil }
            content.append(contentsOf: chunk[0..<count])
        }
    }
}

/// The mappings of `/proc/PID/smaps` whose pages can be unmapped without losing anything.
///
/// Eligible: mapped from a file (path starting with `/`), private, not writable (`r--p` or `r-xp`),
/// resident, and without anonymous pages: never written, so each page still equals the file's.
/// A writable mapping is never eligible, even with no anonymous page yet: it could be written
/// between the reading of smaps and the unmapping. Locked mappings are left alone. (A library
/// with text relocations, loaded by another thread at that very moment, would be the one way for
/// a read-only mapping to gain written pages in between; x86-64 and arm64 builds have none.)
enum CleanFileMappings {
    /// One eligible mapping.
    struct Mapping: Equatable, Sendable {
        var start: UInt
        var length: Int
        var residentBytes: Int
    }

    /// The eligible mappings of an smaps text.
    static func parse(_ smaps: [UInt8]) -> [Mapping] {
        var result: [Mapping] = []
        var current: Mapping?
        var eligible = false
        func finish() {
            if eligible, let mapping = current, mapping.residentBytes > 0 { result.append(mapping) }
            current = nil
            eligible = false
        }
        for line in smaps.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard let first = line.first else { continue }
            if isLowerHexDigit(first) {
                finish()
                let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
                guard fields.count >= 6, let range = addressRange(fields[0]) else { continue }
                let permissions = Array(fields[1])
                current = Mapping(
                    start: range.lowerBound, length: Int(range.upperBound - range.lowerBound), residentBytes: 0)
                eligible =
                    (permissions == Array("r--p".utf8) || permissions == Array("r-xp".utf8))
                    && fields[5].first == UInt8(ascii: "/")
            } else if current != nil, eligible {
                if let kilobytes = fieldKilobytes(line, name: "Rss:") {
                    current?.residentBytes = kilobytes * 1024
                } else if let kilobytes = fieldKilobytes(line, name: "Anonymous:"), kilobytes > 0 {
                    eligible = false
                } else if let kilobytes = fieldKilobytes(line, name: "Locked:"), kilobytes > 0 {
                    eligible = false
                } else if line.starts(with: "VmFlags:".utf8) {
                    let flags = line.dropFirst("VmFlags:".utf8.count).split(separator: UInt8(ascii: " "))
                    if flags.contains(where: { $0.elementsEqual("lo".utf8) }) { eligible = false }
                }
            }
        }
        finish()
        return result
    }

    private static func isLowerHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// `start-end` in hexadecimal.
    private static func addressRange(_ text: ArraySlice<UInt8>) -> Range<UInt>? {
        let parts = text.split(separator: UInt8(ascii: "-"))
        guard parts.count == 2,
            let start = UInt(String(decoding: parts[0], as: UTF8.self), radix: 16),
            let end = UInt(String(decoding: parts[1], as: UTF8.self), radix: 16), end > start
        else { return nil }
        return start..<end
    }

    /// The value of a `Name:   123 kB` line, when the line is that field.
    private static func fieldKilobytes(_ line: ArraySlice<UInt8>, name: String) -> Int? {
        guard line.starts(with: name.utf8) else { return nil }
        let value = line.dropFirst(name.utf8.count).split(separator: UInt8(ascii: " ")).first
        return value.flatMap { Int(String(decoding: $0, as: UTF8.self)) }
    }
}

/// When to give memory back: a trim once the daemon has been quiet for `quietPeriod` after some
/// work, and a release of what can be rebuilt once it has been quiet for `releasePeriod`.
///
/// Work (a finished poll, start-up) is noted as activity. A burst of activity is followed by at
/// most one trim and one release, in that order; with nothing noted since, nothing is due, so an
/// idle daemon has no timer at all. When `releasePeriod` is not longer than `quietPeriod`, the
/// release comes alone (it trims too).
struct IdleTrimSchedule: Sendable {
    /// What is due.
    enum Step: Sendable, Equatable {
        /// Give back free heap pages and unmapped code pages (`MemoryTrim`).
        case trim
        /// Also drop state that is rebuilt from the store when next needed, then trim.
        case release
    }

    /// How long without activity counts as idle.
    let quietPeriod: Duration
    /// How long without activity before state that can be rebuilt is released.
    let releasePeriod: Duration
    private var lastActivity: ContinuousClock.Instant?
    private var trimmed = false

    init(quietPeriod: Duration, releasePeriod: Duration) {
        self.quietPeriod = quietPeriod
        self.releasePeriod = releasePeriod
    }

    /// Something happened at `instant`: a trim becomes due `quietPeriod` later, a release
    /// `releasePeriod` later.
    mutating func noteActivity(at instant: ContinuousClock.Instant) {
        lastActivity = max(lastActivity ?? instant, instant)
        trimmed = false
    }

    /// When the next step is due, nil when there was no activity since the last release.
    var dueAt: ContinuousClock.Instant? {
        lastActivity.map { $0 + (trimmed || releasePeriod <= quietPeriod ? releasePeriod : quietPeriod) }
    }

    /// The step due at `now`, if any; it then counts as done.
    mutating func claim(at now: ContinuousClock.Instant) -> Step? {
        guard let last = lastActivity, let due = dueAt, now >= due else { return nil }
        if now < last + releasePeriod {
            trimmed = true
            return .trim
        }
        lastActivity = nil
        trimmed = false
        return .release
    }
}

/// Gives memory back when the daemon goes idle (see `IdleTrimSchedule`): `MemoryTrim` shortly
/// after each burst of polls, and, after a longer quiet time, state that is rebuilt on demand
/// (`release`: the clustering window, the database's page caches) before trimming.
///
/// Sleeps only while a step is pending; between bursts it waits for activity without any timer.
final class IdleMemoryTrimmer: Service, Sendable {
    /// The schedule, and the sleep waiting for its next step (cancelled by new activity, which
    /// can bring the next step closer: a trim a second away instead of a release a minute away).
    private struct State {
        var schedule: IdleTrimSchedule
        var nap: Task<Void, Never>?
    }

    private let state: Mutex<State>
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let trim: @Sendable () -> Void
    private let release: @Sendable () async -> Void

    /// Five times the 0.2 s between the first polls' fire times, far below any poll interval:
    /// during the first polls it waits for their end; afterwards it trims once after each poll
    /// (a few milliseconds of work).
    static let defaultQuietPeriod: Duration = .seconds(1)

    /// A minute without any poll. Rebuilding the clustering window costs about 12 µs of CPU per
    /// article of the last quiet period (0.55 s for 45,000 articles), paid at the next new article: at
    /// most once per idle minute, and never for a daemon whose feeds keep it busy (many feeds, or
    /// short intervals), which keeps its window in memory.
    static let defaultReleasePeriod: Duration = .seconds(60)

    /// `trim` defaults to `MemoryTrim.trimNow`, logging what it gives back at debug level;
    /// `release` drops what can be rebuilt (it runs before the trim that follows it).
    init(
        quietPeriod: Duration = defaultQuietPeriod, releasePeriod: Duration = defaultReleasePeriod,
        logger: Logger, trim: (@Sendable () -> Void)? = nil, release: @escaping @Sendable () async -> Void = {}
    ) {
        state = Mutex(State(schedule: IdleTrimSchedule(quietPeriod: quietPeriod, releasePeriod: releasePeriod)))
        (wakeups, wake) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.release = release
        self.trim =
            trim ?? {
                MemoryTrim.trimNow { report in
                    logger.debug(
                        "idle: giving memory back",
                        metadata: ["mappings": "\(report.mappings)", "mapped_kib": "\(report.mappedBytes / 1024)"])
                }
            }
    }

    /// Trims at once, whatever the schedule: after start-up, whose code and data pages no poll
    /// needs (the command line, the configuration, the migrations: about 13 MB of file-backed pages
    /// before a first poll of 1,000 feeds).
    func trimNow() {
        trim()
    }

    /// Work happened now (a poll finished).
    func noteActivity() {
        state.withLock { state in
            state.schedule.noteActivity(at: .now)
            state.nap?.cancel()
        }
        wake.yield()
    }

    func run() async throws {
        for await _ in wakeups.cancelOnGracefulShutdown() {
            while let nap = startNap() {
                // The nap is not a child task: cancelling the wait (shutdown) must end it too.
                await cancelWhenGracefulShutdown {
                    await withTaskCancellationHandler {
                        await nap.value
                    } onCancel: {
                        nap.cancel()
                    }
                }
                if Task.isCancelled || Task.isShuttingDownGracefully { return }
                switch state.withLock({ $0.schedule.claim(at: .now) }) {
                case .trim: trim()
                case .release:
                    await release()
                    trim()
                case nil: break  // woken early by new activity: sleep again until the new due time
                }
            }
        }
    }

    /// A sleep until the next step, nil when none is due. Started under the same lock as
    /// `noteActivity`, so activity noted after the due time was read always cuts it short.
    private func startNap() -> Task<Void, Never>? {
        state.withLock { state in
            guard let due = state.schedule.dueAt else { return nil }
            let nap = Task { _ = try? await Task.sleep(until: due, clock: .continuous) }
            state.nap = nap
            return nap
        }
    }
}
