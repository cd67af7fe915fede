import Foundation

/// B-cubed and pairwise precision, recall and F1 of a clustering against gold labels
/// (Bagga & Baldwin 1998, averaged over items), as `score_clusters.py` computes them.
struct ClusteringScore: CustomStringConvertible {
    var bCubedPrecision: Double
    var bCubedRecall: Double
    var pairwisePrecision: Double
    var pairwiseRecall: Double
    var predictedClusters: Int
    var goldClusters: Int

    var bCubedF1: Double { Self.harmonicMean(bCubedPrecision, bCubedRecall) }
    var pairwiseF1: Double { Self.harmonicMean(pairwisePrecision, pairwiseRecall) }

    /// Scores `predicted` (article id → any label) against `gold`; articles missing from `predicted`
    /// count as singletons.
    init<Label: Hashable>(predicted: [String: Label], gold: [String: String]) {
        var predictedSizes: [String: Int] = [:]
        var goldSizes: [String: Int] = [:]
        var cells: [Pair: Int] = [:]
        for (id, goldLabel) in gold {
            let predictedLabel = predicted[id].map { "P:\($0)" } ?? "MISSING:\(id)"
            predictedSizes[predictedLabel, default: 0] += 1
            goldSizes[goldLabel, default: 0] += 1
            cells[Pair(predicted: predictedLabel, gold: goldLabel), default: 0] += 1
        }
        let n = Double(gold.count)
        var precisionSum = 0.0, recallSum = 0.0
        for (cell, size) in cells {
            let m = Double(size)
            precisionSum += m * m / Double(predictedSizes[cell.predicted]!)
            recallSum += m * m / Double(goldSizes[cell.gold]!)
        }
        bCubedPrecision = n > 0 ? precisionSum / n : 0
        bCubedRecall = n > 0 ? recallSum / n : 0
        let truePairs = cells.values.reduce(0) { $0 + Self.pairs($1) }
        let predictedPairs = predictedSizes.values.reduce(0) { $0 + Self.pairs($1) }
        let goldPairs = goldSizes.values.reduce(0) { $0 + Self.pairs($1) }
        pairwisePrecision = predictedPairs > 0 ? Double(truePairs) / Double(predictedPairs) : (goldPairs == 0 ? 1 : 0)
        pairwiseRecall = goldPairs > 0 ? Double(truePairs) / Double(goldPairs) : 1
        predictedClusters = predictedSizes.count
        goldClusters = goldSizes.count
    }

    var description: String {
        func f(_ value: Double) -> String { String(format: "%.4f", value) }
        return "B³ P \(f(bCubedPrecision)) R \(f(bCubedRecall)) F1 \(f(bCubedF1)); pairwise P \(f(pairwisePrecision)) "
            + "R \(f(pairwiseRecall)) F1 \(f(pairwiseF1)); clusters \(predictedClusters)/\(goldClusters)"
    }

    private struct Pair: Hashable {
        var predicted: String
        var gold: String
    }

    private static func pairs(_ size: Int) -> Int { size * (size - 1) / 2 }

    private static func harmonicMean(_ a: Double, _ b: Double) -> Double { a + b > 0 ? 2 * a * b / (a + b) : 0 }
}
