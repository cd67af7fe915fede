import Foundation

/// The state machine behind `StoryClusterer`: the active stories, their centroids, the inverted index
/// and the term statistics of the window. Every decision depends only on the articles given and their
/// `published` times.
///
/// Similarity of an article to a story is the cosine between the article's vector and the story's
/// centroid (the sum of its articles' vectors), both weighted by `TermWeighting` as the window stood
/// when each article arrived, damped by the story's quiet time.
struct ClusteringEngine: Sendable {
    let configuration: StoryClusteringConfiguration
    var table = TermTable()
    var extractor = FeatureExtractor(summaryWeight: 0.5, pairWeight: 0.7)
    let weighting: TermWeighting
    var index = PostingIndex()
    var slots = StorySlots()
    var expiry = ExpiryQueue()
    /// Articles of the active stories: the N of the inverse document frequency.
    var documents = 0
    var nextID: StoryID
    /// Scratch space of `rank`, kept between articles to avoid allocations.
    var accumulator = ScoreAccumulator()
    /// Scratch space of `rank`: the article's terms by posting-list length, and its common terms.
    var rankOrder: [UInt64] = []
    var rankCommonTerms: [Int] = []
    /// Scratch space of `explain`: the heaviest shared terms.
    var explainedScratch: [(term: TermID, contribution: Float)] = []

    /// Shared terms reported in an explanation.
    static let explainedTerms = 6

    init(configuration: StoryClusteringConfiguration, firstStoryID: StoryID) {
        self.configuration = configuration
        self.nextID = firstStoryID
        self.weighting = TermWeighting(nameBoost: configuration.nameBoost)
    }

    /// Adds a new article: it joins the best-matching active story or starts one, and may merge two
    /// stories it shows to be one.
    mutating func assign(_ article: ClusterArticle) -> StoryAssignment {
        let now = article.published.timeIntervalSinceReferenceDate
        let vector = admit(article)
        let candidates = rank(vector, now: now)
        let threshold = Float(configuration.joinThreshold(windowArticles: documents - 1))
        guard let best = candidates.first, best.score >= threshold,
            best.score >= Float(configuration.joinThreshold) || sharesTwoTerms(vector, withStoryIn: best.slot)
        else {
            let slot = openStory(id: allocateID(), now: now)
            add(article, vector, to: slot, centrality: 1, now: now)
            let explanation = JoinExplanation(
                score: Double(candidates.first?.score ?? 0), sharedTerms: [],
                threshold: Double(threshold))
            return StoryAssignment(story: slots[slot].id, isNewStory: true, explanation: explanation)
        }
        let shared = add(article, vector, to: best.slot, centrality: best.score, now: now)
        let explanation = explain(shared, score: best.score, threshold: threshold)
        let bridged = candidates.dropFirst().filter { $0.score >= threshold }.map(\.slot)
        if let merge = mergeIfBridged(best.slot, with: bridged) {
            return StoryAssignment(
                story: slots[merge.survivor].id, isNewStory: false, explanation: explanation,
                absorbedStories: [merge.absorbed])
        }
        return StoryAssignment(story: slots[best.slot].id, isNewStory: false, explanation: explanation)
    }

    /// Puts back an article already stored in `story`, with no decision made.
    mutating func restore(_ article: ClusterArticle, into story: StoryID) {
        let now = article.published.timeIntervalSinceReferenceDate
        let vector = admit(article)
        let slot = slots.slot(of: story) ?? openStory(id: story, now: now)
        let centrality = slots[slot].articleCount == 0 ? 1 : similarity(vector, toStoryIn: slot)
        add(article, vector, to: slot, centrality: centrality, now: now)
        nextID = max(nextID, story + 1)
    }

    /// The current size of the window.
    var statistics: StoryClusteringStatistics {
        StoryClusteringStatistics(activeStories: slots.count, activeArticles: documents, activeTerms: table.count)
    }

    // MARK: - Steps of a decision

    /// Reads the article's terms, counts it in the window and returns its weighted, normalised vector.
    private mutating func admit(_ article: ClusterArticle) -> WeightedTerms {
        let terms =
            article.words.map { extractor.terms(words: $0, table: &table) }
            ?? extractor.terms(title: article.title, summary: article.summary, table: &table)
        documents += 1
        table.countDocument(containing: terms.ids)
        index.reserve(terms: table.capacity)
        return WeightedTerms(terms, table: table, weighting: weighting, documents: documents)
    }

    /// Whether the article shares at least two terms with the story: what a join needs while the
    /// window is warming up and the threshold is lowered, when the stream cannot yet tell a common
    /// word from a telling one ("Can I get a free flu jab?" joined a quake rescue on "free").
    private func sharesTwoTerms(_ vector: WeightedTerms, withStoryIn slot: Int32) -> Bool {
        var shared = 0
        for term in vector.terms.ids where slots[slot].terms[term] != nil {
            shared += 1
            if shared == 2 { return true }
        }
        return false
    }

    private mutating func allocateID() -> StoryID {
        defer { nextID += 1 }
        return nextID
    }

    private mutating func openStory(id: StoryID, now: TimeInterval) -> Int32 {
        expiry.insert(time: now, story: id)
        return slots.insert(StoryState(id: id), vitals: StoryVitals(lastActivity: now))
    }

    /// The shared terms that weighed most in the article's similarity to the story.
    private mutating func explain(
        _ shared: [(term: TermID, contribution: Float)], score: Float,
        threshold: Float
    ) -> JoinExplanation {
        // The first few of a stable sort by contribution, heaviest first, without sorting the rest
        // (in an array kept between articles).
        var heaviest: [(term: TermID, contribution: Float)] = []
        swap(&heaviest, &explainedScratch)
        defer { swap(&heaviest, &explainedScratch) }
        heaviest.removeAll(keepingCapacity: true)
        heaviest.reserveCapacity(Self.explainedTerms + 1)
        for entry in shared {
            guard heaviest.count < Self.explainedTerms || entry.contribution > heaviest[heaviest.count - 1].contribution
            else { continue }
            // Insertion by hand (`insert(_:at:)` went through the general `replaceSubrange` per entry): a
            // full list gives up its last place, then lighter entries move down one place from the end;
            // the entry lands after every one at least as heavy, so ties keep their order.
            if heaviest.count < Self.explainedTerms {
                heaviest.append(entry)
            } else {
                heaviest[heaviest.count - 1] = entry
            }
            var place = heaviest.count - 1
            while place > 0, heaviest[place - 1].contribution < entry.contribution {
                heaviest[place] = heaviest[place - 1]
                place -= 1
            }
            heaviest[place] = entry
        }
        return JoinExplanation(
            score: Double(score), sharedTerms: heaviest.map { table.displayName(of: $0.term) },
            threshold: Double(threshold))
    }
}
