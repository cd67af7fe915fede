import Foundation
import SourceAdapterKit
import StoryClustering

/// The state of one benchmark run: the two stages and the time each has taken.
struct BenchRun {
    var identity = IdentityStage()
    var clusterer = StoryClusterer()
    private(set) var articles = 0
    private(set) var newStories = 0
    private(set) var identityCPU = 0.0, identityWall = 0.0
    private(set) var clusteringCPU = 0.0, clusteringWall = 0.0
    /// Where every decision is written, when asked (`--trace`).
    var trace: DecisionTrace?

    /// Runs a batch through identity, then clustering; returns the CPU seconds of each stage.
    mutating func process(_ batch: [ArticleCandidate]) -> (identity: Double, clustering: Double) {
        let clock = ContinuousClock()
        var wall = clock.now
        var cpu = ThreadClock.seconds
        var admitted: [ClusterArticle] = []
        admitted.reserveCapacity(batch.count)
        for (offset, candidate) in batch.enumerated() {
            if let article = identity.process(candidate, id: String(articles + offset)) { admitted.append(article) }
            if identity.recordsOutputs { trace?.record(identity: identity.lastOutputs) }
        }
        let identitySeconds = ThreadClock.seconds - cpu
        identityCPU += identitySeconds
        identityWall += (clock.now - wall).seconds
        wall = clock.now
        cpu = ThreadClock.seconds
        for (number, article) in admitted.enumerated() {
            clusterer.expire(now: article.published)
            let assignment = clusterer.assign(article)
            if assignment.isNewStory { newStories += 1 }
            trace?.record(article, assignment, number: articles + number, clusterer: clusterer)
        }
        let clusteringSeconds = ThreadClock.seconds - cpu
        clusteringCPU += clusteringSeconds
        clusteringWall += (clock.now - wall).seconds
        articles += batch.count
        return (identitySeconds, clusteringSeconds)
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
