/// An article's terms with their weights, as the window weighs them when the article arrives.
struct WeightedTerms: Sendable {
    var terms: ArticleTerms
    /// Feature weight × term weight (`TermWeighting`): what the article adds to a story's centroid.
    var weighted: [Float]
    /// `weighted` scaled to unit length: the vector compared with centroids.
    var values: [Float]

    @inline(__always)
    init(_ terms: ArticleTerms, table: TermTable, weighting: TermWeighting, documents: Int) {
        self.terms = terms
        // Plain loops: a closure reading `table` made the caller pass a copy of the whole table (a
        // retain and a release of each of its arrays per article).
        var weighted: [Float] = []
        weighted.reserveCapacity(terms.count)
        for position in terms.ids.indices {
            let entry = table[terms.ids[position]]
            weighted.append(terms.weights[position] * weighting.weight(of: entry, in: table, documents: documents))
        }
        self.weighted = weighted
        let length = weighted.reduce(0) { $0 + $1 * $1 }.squareRoot()
        values = length > 0 ? weighted.map { $0 / length } : weighted
    }
}
