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

    /// Scores a clustering of (a subset of) the fixture against the gold labels of the same articles.
    func score(_ result: [(id: String, story: StoryID)]) -> ClusteringScore {
        let predicted = Dictionary(result.map { ($0.id, $0.story) }, uniquingKeysWith: { _, last in last })
        return ClusteringScore(predicted: predicted, gold: gold.filter { predicted[$0.key] != nil })
    }

    struct FixtureMissing: Error {}
}
