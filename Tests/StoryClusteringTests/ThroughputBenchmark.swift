import Foundation
import StoryClustering
import XCTest

/// Speed and memory over a long generated stream. Not a timed assertion: run it on purpose with
/// `bench/clustering/run.sh` (release build, `NEWSWIRE_BENCH=1`).
///
/// The stream is made of synthetic articles (`SyntheticNews`): a title of about ten words and a
/// summary of about thirty-five, events of a few hours to two days with their own names and words,
/// `NEWSWIRE_BENCH_RATE` articles per hour (default 1,000, a large aggregator); `NEWSWIRE_BENCH_SUMMARIES=0`
/// leaves summaries empty; `NEWSWIRE_BENCH_SOURCE=dev` replays the development set's real headlines
/// instead (a copy every three days, so each copy's stories close before the next). Articles are generated
/// in batches outside the timed section; only `expire` + `assign` are timed.
final class ThroughputBenchmark: XCTestCase {
    func testThroughputAndMemoryOnALongStream() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["NEWSWIRE_BENCH"] == "1" else { throw XCTSkip("set NEWSWIRE_BENCH=1 to run the benchmark") }
        let total = environment["NEWSWIRE_BENCH_ARTICLES"].flatMap(Int.init) ?? 1_000_000
        let rate = environment["NEWSWIRE_BENCH_RATE"].flatMap(Double.init) ?? 1_000
        let withSummaries = environment["NEWSWIRE_BENCH_SUMMARIES"] != "0"
        var synthetic = SyntheticNews(seed: 2026, articlesPerHour: rate, summaries: withSummaries)
        var replay = environment["NEWSWIRE_BENCH_SOURCE"] == "dev" ? try DevReplay() : nil
        print(replay == nil ? "stream: synthetic, \(rate) articles/hour, summaries: \(withSummaries)"
                            : "stream: the development set's headlines replayed, one copy every 3 days")
        var clusterer = StoryClusterer()
        let batchSize = 10_000
        var clustered = 0
        var busy: Duration = .zero
        var cpu = 0.0
        var newStories = 0
        var recentStories: [StoryID] = []
        let clock = ContinuousClock()
        print("articles  rate/s(batch)  RSS MiB  stories  articles-in-window  terms")
        while clustered < total {
            let batch = (0..<min(batchSize, total - clustered)).map { _ in replay?.next() ?? synthetic.next() }
            let started = clock.now
            let cpuStarted = Self.threadCPUSeconds()
            for article in batch {
                clusterer.expire(now: article.published)
                let assignment = clusterer.assign(article)
                if assignment.isNewStory { newStories += 1 }
                recentStories.append(assignment.story)
            }
            let elapsed = clock.now - started
            recentStories = Array(recentStories.suffix(2_000))
            busy += elapsed
            cpu += Self.threadCPUSeconds() - cpuStarted
            clustered += batch.count
            if clustered % 100_000 == 0 || clustered == total {
                let statistics = clusterer.statistics
                print(String(format: "%8d  %13.0f  %7.1f  %7d  %18d  %6d", clustered,
                             Double(batch.count) / elapsed.seconds, ProcessMemory.residentMiB ?? -1,
                             statistics.activeStories, statistics.activeArticles, statistics.activeTerms))
            }
        }
        print(String(format: "clustered %d articles in %.2f s: %.0f articles/s on one core (%.0f per CPU-second of "
                     + "the thread); %d stories started; peak RSS %.1f MiB", total, busy.seconds,
                     Double(total) / busy.seconds, Double(total) / cpu, newStories,
                     ProcessMemory.peakResidentMiB ?? -1))
        let summaryStarted = clock.now
        let summaries = recentStories.compactMap { clusterer.summary(of: $0) }.count
        print(String(format: "summary(of:) of the last 2,000 articles' stories: %.1f µs per call (%d active)",
                     (clock.now - summaryStarted).seconds * 1e6 / Double(recentStories.count), summaries))
    }
}

/// The development set, replayed endlessly with shifted times and ids.
private struct DevReplay {
    let articles: [ClusterArticle]
    var position = 0
    var copy = 0

    init() throws { articles = try DevFixture.load().articles }

    mutating func next() -> ClusterArticle {
        if position == articles.count {
            position = 0
            copy += 1
        }
        var article = articles[position]
        position += 1
        article.id += "-\(copy)"
        article.published = article.published.addingTimeInterval(Double(copy) * 3 * 86_400)
        return article
    }
}

extension ThroughputBenchmark {
    /// CPU time used by the calling thread, which other processes sharing the core do not inflate.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
