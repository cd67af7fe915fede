/// The distinct terms of one article with their feature weights (before term weighting).
struct ArticleTerms: Sendable, Equatable {
    /// Term ids, ascending, without duplicates.
    var ids: [TermID] = []
    /// The weight of each term in `ids`: 1 for a word of the title, less for the summary and for pairs.
    var weights: [Float] = []

    var isEmpty: Bool { ids.isEmpty }
    var count: Int { ids.count }

    /// Builds the list from unordered `(term, weight)` pairs, keeping the largest weight of a repeated term.
    init(unordered pairs: [(TermID, Float)]) {
        let sorted = pairs.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }
        ids.reserveCapacity(sorted.count)
        weights.reserveCapacity(sorted.count)
        for (id, weight) in sorted where ids.last != id {
            ids.append(id)
            weights.append(weight)
        }
    }

    init() {}
}
