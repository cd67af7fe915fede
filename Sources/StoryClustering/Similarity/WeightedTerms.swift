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
        let length = weighted.reduce(0) { $0 + $1 * $1 }.squareRoot()
        values = length > 0 ? weighted.map { $0 / length } : weighted
    }
}
