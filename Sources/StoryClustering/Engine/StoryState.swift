import Foundation

/// How much one story uses one term, and where the story sits in that term's posting list.
struct StoryTerm: Sendable {
    /// The term's mass in the centroid: the sum over the story's articles of feature weight × term
    /// weight, each as weighed when its article arrived.
    var mass: Float
    /// Articles of the story that contain the term (their share of the document frequency).
    var articles: Int32
    /// Index of the story's entry in the term's posting list.
    var posting: Int32
}

/// The two numbers read for every candidate story, kept in a small dense array of their own.
struct StoryVitals: Sendable {
    /// The latest `published` of the story's articles: its clock for recency and expiry.
    var lastActivity: TimeInterval
    /// `Σ mass²` of the centroid, kept up to date as articles join.
    var squaredNorm: Float = 0
}

/// A sentence that may go into a story's brief, with its terms (read once, when it is kept).
struct BriefSentence: Sendable {
    var text: String
    var terms: ArticleTerms
}

/// One article kept to write the story's headline and brief.
struct Exemplar: Sendable {
    var outlet: String
    var terms: ArticleTerms
    /// Similarity to the story when last measured.
    var centrality: Float
    /// The title, then the sentences of the summary.
    var sentences: [BriefSentence]

    var title: BriefSentence { sentences[0] }
}

/// An active story: the centroid of its articles, its size, its outlets and exemplars. (Its clock and
/// norm, read for every candidate, live apart in `StoryVitals`.)
struct StoryState: Sendable {
    let id: StoryID
    /// The centroid: the sum of the articles' weighted vectors (`WeightedTerms.weighted`).
    var terms = TermMap()
    var articleCount = 0
    /// Outlets in order of first coverage, with their article counts.
    var outlets: [(name: String, articles: Int)] = []
    /// A bounded sample of the most central articles, for the headline and the brief.
    var exemplars: [Exemplar] = []

    /// What a free slot holds.
    static let vacant = StoryState(id: -1)

    init(id: StoryID) {
        self.id = id
    }

    /// Adds `mass` and `articles` to a term of the centroid; returns the entry as it was, or `nil` if
    /// the story did not use the term (it then records `postingIfNew` as its posting).
    mutating func accumulate(_ term: TermID, mass: Float, articles: Int32, postingIfNew: Int32) -> StoryTerm? {
        terms.accumulate(term, mass: mass, articles: articles, postingIfNew: postingIfNew)
    }

    mutating func count(outlet: String, articles: Int = 1) {
        if let index = outlets.firstIndex(where: { $0.name == outlet }) {
            outlets[index].articles += articles
        } else {
            outlets.append((outlet, articles))
        }
    }
}
