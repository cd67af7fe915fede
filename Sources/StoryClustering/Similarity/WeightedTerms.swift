/// An article's terms with their weights: `values` is the unit-length vector used for cosines.
struct WeightedTerms: Sendable {
    var terms: ArticleTerms
    /// The current weight of each term in the window (`TermWeighting`), without the feature weight.
    var termWeights: [Float]
    /// Feature weight × term weight, scaled to unit length.
    var values: [Float]

    init(_ terms: ArticleTerms, table: TermTable, weighting: TermWeighting, documents: Int) {
        self.terms = terms
        termWeights = terms.ids.map { weighting.weight(of: table[$0], in: table, documents: documents) }
        var values = zip(terms.weights, termWeights).map { $0 * $1 }
        let length = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if length > 0 { values = values.map { $0 / length } }
        self.values = values
    }
}
