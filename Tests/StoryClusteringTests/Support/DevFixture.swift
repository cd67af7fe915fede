import Foundation
import StoryClustering
import SyntheticNews

/// The labelled development set (`Fixtures/dev.jsonl`, see `Fixtures/README.md`).
struct DevFixture {
    /// The raw JSON Lines.
    let data: Data
    /// The articles, in file order.
    let articles: [ClusterArticle]
    /// Gold story label of each article id.
    let gold: [String: String]

    static func load() throws -> DevFixture {
        guard let url = Bundle.module.url(forResource: "dev", withExtension: "jsonl", subdirectory: "Fixtures") else {
            throw FixtureMissing()
        }
        let data = try Data(contentsOf: url)
        let articles = try JSONLinesArticles.parse(data)
        var gold: [String: String] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            if let id = object?["id"] as? String, let story = object?["story"] as? String { gold[id] = story }
        }
        return DevFixture(data: data, articles: articles, gold: gold)
    }

    /// The articles in a reproducible random order, all published at the same instant.
    func shuffledAtOneInstant(seed: UInt64) -> [ClusterArticle] {
        var generator = SeededGenerator(seed: seed)
        let instant = articles[0].published
        return articles.shuffled(using: &generator).map {
            var article = $0
            article.published = instant
            return article
        }
    }

    /// The articles as the daemon would read them when polling every feed every `pollInterval`: at each
    /// poll, the articles published since the last one, feed by feed (outlets in a reproducible random
    /// order), each feed newest first, as feeds list their items; every article keeps its `published`
    /// time, so a feed's items reach the clusterer out of time order and interleaved with other stories.
    func feedByFeed(pollInterval: TimeInterval, seed: UInt64) -> [ClusterArticle] {
        var generator = SeededGenerator(seed: seed)
        let start = articles.map(\.published).min() ?? Date()
        let polls = Dictionary(grouping: articles) {
            Int(($0.published.timeIntervalSince(start) / pollInterval).rounded(.down))
        }
        return polls.keys.sorted().flatMap { poll in
            let feeds = Dictionary(grouping: polls[poll] ?? [], by: \.outlet)
            return feeds.keys.sorted().shuffled(using: &generator).flatMap { outlet in
                (feeds[outlet] ?? []).sorted { $0.published > $1.published }
            }
        }
    }

    /// Scores a clustering of (a subset of) the fixture against the gold labels of the same articles.
    func score(_ result: [(id: String, story: StoryID)]) -> ClusteringScore {
        let predicted = Dictionary(result.map { ($0.id, $0.story) }, uniquingKeysWith: { _, last in last })
        return ClusteringScore(predicted: predicted, gold: gold.filter { predicted[$0.key] != nil })
    }

    struct FixtureMissing: Error {}
}
