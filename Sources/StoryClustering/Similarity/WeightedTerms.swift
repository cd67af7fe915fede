/// An article's terms with their weights, as the window weighs them when the article arrives.
struct WeightedTerms: Sendable {
    var terms: ArticleTerms
    /// Feature weight × term weight (`TermWeighting`): what the article adds to a story's centroid.
    var weighted: [Float]
    /// `weighted` scaled to unit length: the vector compared with centroids.
    var values: [Float]

    init(_ terms: ArticleTerms, table: TermTable, weighting: TermWeighting, documents: Int) {
        self.terms = terms
        weighted = terms.ids.indices.map {
            terms.weights[$0] * weighting.weight(of: table[terms.ids[$0]], in: table, documents: documents)
        }
        values = Self.normalised(weighted)
    }

    /// Keeps the `limit` heaviest terms (ties to the smaller id) and scales them to unit length again;
    /// returns the ids left out, ascending.
    mutating func keepHeaviest(_ limit: Int) -> [TermID] {
        guard terms.count > limit else { return [] }
        // Heaviest first, then smaller ids, sorted as integers: complemented weight bits (a non-negative
        // float's bits order like its value) in the high half, the position (ids ascend) in the low half.
        var order = weighted.indices.map { UInt64(~weighted[$0].bitPattern) << 32 | UInt64($0) }
        order.sort()
        var kept = [Bool](repeating: false, count: terms.count)
        for key in order.prefix(limit) { kept[Int(truncatingIfNeeded: key & 0xFFFF_FFFF)] = true }
        var left: [TermID] = []
        left.reserveCapacity(terms.count - limit)
        var narrowed = ArticleTerms()
        var narrowedWeights: [Float] = []
        narrowed.ids.reserveCapacity(limit)
        narrowed.weights.reserveCapacity(limit)
        narrowedWeights.reserveCapacity(limit)
        for position in terms.ids.indices {
            if kept[position] {
                narrowed.ids.append(terms.ids[position])
                narrowed.weights.append(terms.weights[position])
                narrowedWeights.append(weighted[position])
            } else {
                left.append(terms.ids[position])
            }
        }
        terms = narrowed
        weighted = narrowedWeights
        values = Self.normalised(weighted)
        return left
    }

    private static func normalised(_ weighted: [Float]) -> [Float] {
        let length = weighted.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return length > 0 ? weighted.map { $0 / length } : weighted
    }
}
