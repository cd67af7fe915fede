import Foundation
import StoryClustering
import SyntheticNews

/// `newswire-cluster-bench`: articles per second through identity + clustering on one core, and memory,
/// over a long stream (`bench/clustering/run.sh`).
///
/// Items are generated in batches of 10,000 outside the timed sections. Each batch then goes through the
/// identity stage (`IdentityStage`: keys, clean link, fingerprint, near-duplicate hints), timed, and through
/// the clusterer (`expire` + `assign`), timed apart, on the same thread. Rates are reported per second of
/// the thread's CPU time (other processes on a shared machine do not inflate it) and per wall-clock
/// second. Prints a line every 100,000 articles, a summary on stderr and one JSON line on stdout.
@main
struct ClusterBench {
    static func main() {
        let options: BenchOptions
        do {
            options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("\(error)\n\(BenchOptions.usage)\n".utf8))
            exit(2)
        }
        var replay: DevReplay?
        if let path = options.devFile {
            do { replay = try DevReplay(path: path) } catch {
                FileHandle.standardError.write(Data("cannot read \(path): \(error)\n".utf8))
                exit(1)
            }
        }
        var synthetic = SyntheticNews(seed: 2026, articlesPerHour: options.rate, summaries: options.summaries)
        let stream =
            replay == nil
            ? "synthetic, \(Int(options.rate)) articles/hour, summaries: \(options.summaries)"
            : "development set replayed, one copy every 3 days"
        report("stream: \(stream)")
        var run = BenchRun()
        if let path = options.traceFile {
            guard let trace = DecisionTrace(path: path) else {
                FileHandle.standardError.write(Data("cannot write \(path)\n".utf8))
                exit(1)
            }
            run.trace = trace
            run.identity.recordsOutputs = true
        }
        report("articles  identity+clustering/s  clustering/s  RSS MiB  stories  articles-in-window  terms")
        while run.articles < options.articles {
            let size = min(10_000, options.articles - run.articles)
            let batch = (0..<size).map { offset in
                FeedItems.candidate(for: replay?.next() ?? synthetic.next(), number: run.articles + offset)
            }
            let (identity, clustering) = run.process(batch)
            if run.articles % 100_000 == 0 || run.articles == options.articles {
                let window = run.clusterer.statistics
                report(
                    String(
                        format: "%8d  %21.0f  %12.0f  %7.1f  %7d  %18d  %6d", run.articles,
                        Double(size) / (identity + clustering), Double(size) / clustering,
                        ProcessMemory.residentMiB ?? -1, window.activeStories, window.activeArticles,
                        window.activeTerms))
            }
        }
        run.trace?.flush()
        let peak = ProcessMemory.peakResidentMiB ?? -1
        let total = Double(run.articles)
        report(
            String(
                format: "%d articles: identity + clustering %.0f articles/s per CPU-second (%.0f wall), "
                    + "clustering alone %.0f/s (%.0f wall), identity alone %.0f/s; %d stories started; "
                    + "peak RSS %.1f MiB", run.articles, total / (run.identityCPU + run.clusteringCPU),
                total / (run.identityWall + run.clusteringWall), total / run.clusteringCPU,
                total / run.clusteringWall, total / run.identityCPU, run.newStories, peak))
        let json: [String: Any] = [
            "stream": stream, "articles": run.articles,
            "identity_clustering_per_cpu_second": (total / (run.identityCPU + run.clusteringCPU)).rounded(),
            "identity_clustering_per_wall_second": (total / (run.identityWall + run.clusteringWall)).rounded(),
            "clustering_per_cpu_second": (total / run.clusteringCPU).rounded(),
            "identity_per_cpu_second": (total / run.identityCPU).rounded(),
            "stories_started": run.newStories, "peak_rss_mib": (peak * 10).rounded() / 10,
            "checksum": run.identity.checksum,
        ]
        if let line = try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]) {
            print(String(decoding: line, as: UTF8.self))
        }
    }

    static func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
