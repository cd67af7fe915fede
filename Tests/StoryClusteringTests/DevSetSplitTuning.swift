import Foundation
@testable import StoryClustering
import XCTest

/// The split check behind the default settings: tune on one half of the development set, check on
/// the other. Run with `NEWSWIRE_TUNING=1 swift test --filter DevSetSplitTuning` (prints a table; it
/// asserts nothing). Set `NEWSWIRE_PREDICTIONS=DIR` to also write the predictions of the default
/// settings as JSON Lines, for `score_clusters.py`.
final class DevSetSplitTuning: XCTestCase {
    func testSweepOnBothHalves() throws {
        guard ProcessInfo.processInfo.environment["NEWSWIRE_TUNING"] == "1" else {
            throw XCTSkip("set NEWSWIRE_TUNING=1 to run the parameter sweep")
        }
        let fixture = try DevFixture.load()
        let halves = Self.halves(of: fixture)
        print("join  merge  halfLife  boost | H1 order  H1 shuffled | H2 order  H2 shuffled | all order  all shuffled")
        for configuration in Self.grid() {
            var cells: [String] = []
            for articles in [halves.first, halves.second, fixture.articles] {
                let subset = DevFixture(data: Data(), articles: articles, gold: fixture.gold)
                let ordered = subset.score(ClusterRunner.run(articles: articles, configuration: configuration))
                let shuffled = (1...8).map { seed in
                    subset.score(ClusterRunner.run(articles: subset.shuffledAtOneInstant(seed: UInt64(seed)),
                                                   configuration: configuration)).bCubedF1
                }
                cells.append(String(format: "%.3f     %.3f", ordered.bCubedF1, shuffled.reduce(0, +) / 8))
            }
            let halfLife = configuration.recencyHalfLife.map { String(format: "%5.0fh", $0 / 3600) } ?? "  none"
            print(String(format: "%.3f  %.3f  %@  %.1f  | ", configuration.joinThreshold,
                         configuration.mergeThreshold ?? 0, halfLife, configuration.nameBoost)
                  + cells.joined(separator: " | "))
        }
    }

    func testWritePredictions() throws {
        guard let directory = ProcessInfo.processInfo.environment["NEWSWIRE_PREDICTIONS"] else {
            throw XCTSkip("set NEWSWIRE_PREDICTIONS=DIR to write predictions")
        }
        let fixture = try DevFixture.load()
        try Self.write(try ClusterRunner.run(jsonLines: fixture.data), to: "\(directory)/pred-ordered.jsonl")
        try Self.write(ClusterRunner.run(articles: fixture.shuffledAtOneInstant(seed: 2026)),
                       to: "\(directory)/pred-shuffled.jsonl")
    }

    /// The articles of the stories that start in the first half of the file, and the others.
    static func halves(of fixture: DevFixture) -> (first: [ClusterArticle], second: [ClusterArticle]) {
        var firstAppearance: [String: Int] = [:]
        for (position, article) in fixture.articles.enumerated() {
            firstAppearance[fixture.gold[article.id]!] = firstAppearance[fixture.gold[article.id]!] ?? position
        }
        let middle = fixture.articles.count / 2
        let first = fixture.articles.filter { firstAppearance[fixture.gold[$0.id]!]! < middle }
        let second = fixture.articles.filter { firstAppearance[fixture.gold[$0.id]!]! >= middle }
        return (first, second)
    }

    /// Settings to compare, from `NEWSWIRE_GRID` (`join,merge,halfLifeHours,boost;…`, 0 = none) or a default grid.
    static func grid() -> [StoryClusteringConfiguration] {
        if let text = ProcessInfo.processInfo.environment["NEWSWIRE_GRID"] {
            return text.split(separator: ";").map { item in
                let values = item.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) ?? 0 }
                return StoryClusteringConfiguration(joinThreshold: values[0],
                                                    mergeThreshold: values[1] > 0 ? values[1] : nil,
                                                    recencyHalfLife: values[2] > 0 ? values[2] * 3600 : nil,
                                                    nameBoost: values[3])
            }
        }
        var grid: [StoryClusteringConfiguration] = []
        for join in [0.12, 0.14, 0.16] {
            for merge in [0.15, 0.2, 0.25] {
                grid.append(StoryClusteringConfiguration(joinThreshold: join, mergeThreshold: merge))
            }
        }
        for boost in [0.0, 1.0] { grid.append(StoryClusteringConfiguration(nameBoost: boost)) }
        grid.append(StoryClusteringConfiguration(mergeThreshold: nil))
        grid.append(StoryClusteringConfiguration(recencyHalfLife: nil))
        return grid
    }

    private static func write(_ result: [(id: String, story: StoryID)], to path: String) throws {
        let lines = result.map { "{\"id\": \"\($0.id)\", \"story\": \($0.story)}" }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
