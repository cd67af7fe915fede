import Foundation

/// The state machine behind `StoryClusterer`: the active stories, their centroids, the inverted index
/// and the term statistics of the window. Every decision depends only on the articles given and their
/// `published` times.
///
/// Similarity of an article to a story is the cosine between the article's term vector and the story's
/// centroid (the sum of its articles' vectors), both weighted by `TermWeighting`, and damped by the story's quiet time.
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
    /// Per-slot similarity accumulator, reused between articles; slots touched are listed in `touched`.
    private var accumulator: [Float] = []
    private var touched: [Int32] = []

    /// Stories kept as the best few candidates of an article: the winner and those it may merge with.
    static let candidateLimit = 4
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
        guard let best = candidates.first, best.score >= threshold else {
            let slot = openStory(id: allocateID(), now: now)
            add(article, vector, to: slot, centrality: 1, now: now)
            let explanation = JoinExplanation(score: Double(candidates.first?.score ?? 0), sharedTerms: [],
                                              threshold: configuration.joinThreshold)
            return StoryAssignment(story: slots[slot].id, isNewStory: true, explanation: explanation)
        }
        let explanation = explain(vector, slot: best.slot, score: best.score)
        add(article, vector, to: best.slot, centrality: best.score, now: now)
        let bridged = candidates.dropFirst().filter { $0.score >= threshold }.map(\.slot)
        if let merge = mergeIfBridged(best.slot, with: bridged) {
            return StoryAssignment(story: slots[merge.survivor].id, isNewStory: false, explanation: explanation,
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
        let terms = extractor.terms(title: article.title, summary: article.summary, table: &table)
        documents += 1
        for term in terms.ids { table.adjustDocumentFrequency(of: term, by: 1) }
        index.reserve(terms: table.capacity)
        return WeightedTerms(terms, table: table, weighting: weighting, documents: documents)
    }

    /// The best candidate stories for `vector`, best first, scored by centroid cosine and recency.
    private mutating func rank(_ vector: WeightedTerms, now: TimeInterval) -> [Candidate] {
        if accumulator.count < slots.capacity {
            accumulator.append(contentsOf: repeatElement(0, count: slots.capacity - accumulator.count))
        }
        for position in vector.terms.ids.indices {
            let term = vector.terms.ids[position]
            let contribution = vector.values[position] * vector.termWeights[position]
            guard contribution > 0 else { continue }
            var entry = 0
            while entry < index.count(of: term) {
                let posting = index.posting(at: entry, of: term)
                guard slots.isCurrent(posting) else {
                    dropStalePosting(at: entry, of: term)
                    continue
                }
                if accumulator[Int(posting.slot)] == 0 { touched.append(posting.slot) }
                accumulator[Int(posting.slot)] += contribution * posting.mass
                entry += 1
            }
        }
        var best = CandidateList(limit: Self.candidateLimit)
        for slot in touched {
            let dot = accumulator[Int(slot)]
            accumulator[Int(slot)] = 0
            let story = slots[slot]
            let quiet = max(0, now - story.lastActivity)
            guard quiet <= configuration.quietPeriod, story.squaredNorm > 0 else { continue }
            best.offer(Candidate(slot: slot, score: dot / story.squaredNorm.squareRoot() * recencyFactor(quiet)))
        }
        touched.removeAll(keepingCapacity: true)
        return best.sorted
    }

    private func recencyFactor(_ quiet: TimeInterval) -> Float {
        guard let halfLife = configuration.recencyHalfLife, halfLife > 0 else { return 1 }
        return Float(exp2(-quiet / halfLife))
    }

    /// Removes a stale posting entry, telling the story whose entry moved into its place.
    private mutating func dropStalePosting(at entry: Int, of term: TermID) {
        if let moved = index.remove(at: entry, of: term), slots.isCurrent(moved) {
            slots[moved.slot].terms[term]?.posting = Int32(entry)
        }
    }

    private mutating func allocateID() -> StoryID {
        defer { nextID += 1 }
        return nextID
    }

    private mutating func openStory(id: StoryID, now: TimeInterval) -> Int32 {
        expiry.insert(time: now, story: id)
        return slots.insert(StoryState(id: id, lastActivity: now))
    }

    /// The shared terms that weighed most in the article's similarity to the story.
    private func explain(_ vector: WeightedTerms, slot: Int32, score: Float) -> JoinExplanation {
        let story = slots[slot]
        var contributions: [(term: TermID, weight: Float)] = []
        for position in vector.terms.ids.indices {
            let term = vector.terms.ids[position]
            guard let shared = story.terms[term] else { continue }
            contributions.append((term, vector.values[position] * vector.termWeights[position] * shared.mass))
        }
        contributions.sort { $0.weight > $1.weight }
        let names = contributions.prefix(Self.explainedTerms).map { table[$0.term].display }
        return JoinExplanation(score: Double(score), sharedTerms: names, threshold: configuration.joinThreshold)
    }
}

/// A story considered for an article, with its similarity.
struct Candidate: Sendable {
    var slot: Int32
    var score: Float
}

/// The few best candidates seen, kept sorted best first.
struct CandidateList {
    let limit: Int
    private(set) var sorted: [Candidate] = []

    init(limit: Int) { self.limit = limit }

    mutating func offer(_ candidate: Candidate) {
        guard sorted.count < limit || candidate.score > sorted[sorted.count - 1].score else { return }
        let position = sorted.firstIndex { $0.score < candidate.score } ?? sorted.count
        sorted.insert(candidate, at: position)
        if sorted.count > limit { sorted.removeLast() }
    }
}
