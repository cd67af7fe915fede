import Foundation

/// Adding articles to stories: centroid counts, posting entries, the cached norm and the exemplars.
extension ClusteringEngine {
    /// Most exemplars kept per story for its headline and brief.
    static let exemplarLimit = 12
    /// Summary sentences of an exemplar considered for the brief (the lead sentences of a summary).
    static let sentencesPerExemplar = 4

    /// Adds an admitted article to the story in `slot`, and returns what each term the story already
    /// had contributed to the article's similarity (for the explanation).
    @discardableResult
    mutating func add(
        _ article: ClusterArticle, _ vector: WeightedTerms, to slot: Int32, centrality: Float,
        now: TimeInterval
    ) -> [(term: TermID, contribution: Float)] {
        var shared: [(term: TermID, contribution: Float)] = []
        shared.reserveCapacity(vector.terms.count)
        let squaredNormChange = Self.accumulate(
            vector, from: slot, into: &slots[slot].terms, index: &index, table: &table, shared: &shared)
        slots[slot].articleCount += 1
        slots[vitals: slot].lastActivity = max(slots[vitals: slot].lastActivity, now)
        slots[slot].count(outlet: article.outlet)
        let count = slots[slot].articleCount
        if count & (count - 1) == 0 {
            refreshNorm(of: slot)  // at sizes 1, 2, 4, 8…: amortised constant time per article
        } else {
            slots[vitals: slot].squaredNorm += squaredNormChange
        }
        if let place = exemplarPlace(centrality: centrality, in: slot) {
            let sentences: [BriefSentence]
            if let lead = article.words?.lead {
                sentences = lead.map {
                    BriefSentence(text: $0.text, terms: extractor.knownTerms(ofWords: $0.words, table: table))
                }
            } else {
                // The title's terms were just found while reading the article (unless it had a wire slug).
                let titleTerms = extractor.termsOfLastTitle() ?? extractor.knownTerms(of: article.title, table: table)
                var read = [BriefSentence(text: article.title, terms: titleTerms)]
                // The summary's sentences are found among the words read with it, not read again.
                let summary = Array(article.summary.utf8)
                for range in SentenceSplitter.ranges(ofSentencesIn: summary).prefix(Self.sentencesPerExemplar) {
                    let text = String(decoding: summary[range], as: UTF8.self)
                    let terms =
                        extractor.knownTermsOfLastSummary(in: range, table: table)
                        ?? extractor.knownTerms(of: text, table: table)
                    read.append(BriefSentence(text: text, terms: terms))
                }
                sentences = read
            }
            let exemplar = Exemplar(
                outlet: article.outlet, terms: vector.terms, centrality: centrality,
                sentences: sentences)
            if place < slots[slot].exemplars.count {
                slots[slot].exemplars[place] = exemplar
            } else {
                slots[slot].exemplars.append(exemplar)
            }
        }
        return shared
    }

    /// Adds the article's weighted terms to the centroid of the story in `slot` and to the posting
    /// index, holding both once for the whole article rather than once per term; records what each term
    /// the story already had contributed to the similarity, and returns the change of `Σ mass²`.
    private static func accumulate(
        _ vector: WeightedTerms, from slot: Int32, into centroid: inout TermMap, index: inout PostingIndex,
        table: inout TermTable, shared: inout [(term: TermID, contribution: Float)]
    ) -> Float {
        var squaredNormChange: Float = 0
        for position in vector.terms.ids.indices {
            let term = vector.terms.ids[position]
            let mass = vector.weighted[position]
            let newPosting = Int32(table.postingCount(of: term))
            if let previous = centroid.accumulate(term, mass: mass, articles: 1, postingIfNew: newPosting) {
                index.add(mass, at: previous.posting, of: term, in: &table)
                squaredNormChange += (2 * previous.mass + mass) * mass
                shared.append((term, vector.values[position] * previous.mass))
            } else {
                _ = index.append(Posting(slot: slot, mass: mass), to: term, in: &table)
                squaredNormChange += mass * mass
            }
        }
        return squaredNormChange
    }

    /// Recomputes the centroid's norm from its masses (in between, joins update it incrementally).
    mutating func refreshNorm(of slot: Int32) {
        slots[vitals: slot].squaredNorm = slots[slot].terms.squaredMassSum
    }

    /// The cosine between an article's vector and the centroid of the story in `slot`.
    func similarity(_ vector: WeightedTerms, toStoryIn slot: Int32) -> Float {
        let squaredNorm = slots[vitals: slot].squaredNorm
        guard squaredNorm > 0 else { return 0 }
        var dot: Float = 0
        for position in vector.terms.ids.indices {
            guard let shared = slots[slot].terms[vector.terms.ids[position]] else { continue }
            dot += vector.values[position] * shared.mass
        }
        return dot / squaredNorm.squareRoot()
    }

    /// Removes a story's entries from the posting lists, telling the stories whose entries moved.
    mutating func removePostings(of story: StoryState) {
        story.terms.forEach { term, entry in
            if let moved = index.remove(at: Int(entry.posting), of: term, in: &table) {
                slots[moved.slot].terms.setPosting(entry.posting, for: term)
            }
        }
    }

    /// The cosine between a stored article's terms and the centroid of the story in `slot`.
    ///
    /// The same as `similarity(WeightedTerms(terms, …), toStoryIn:)`, operation for operation, with the
    /// weights in a buffer on the stack instead of the vector's arrays.
    func similarity(_ terms: ArticleTerms, toStoryIn slot: Int32) -> Float {
        let squaredNorm = slots[vitals: slot].squaredNorm
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: max(terms.count, 1)) { weighted in
            var squaredLength: Float = 0
            for position in terms.ids.indices {
                let value =
                    terms.weights[position]
                    * weighting.weight(of: table[terms.ids[position]], in: table, documents: documents)
                weighted[position] = value
                squaredLength += value * value
            }
            let length = squaredLength.squareRoot()
            guard squaredNorm > 0 else { return 0 }
            var dot: Float = 0
            for position in terms.ids.indices {
                guard let shared = slots[slot].terms[terms.ids[position]] else { continue }
                let value = length > 0 ? weighted[position] / length : weighted[position]
                dot += value * shared.mass
            }
            return dot / squaredNorm.squareRoot()
        }
    }

    /// The similarity of each exemplar of the story in `slot` to its centroid, as it stands now.
    private func exemplarCentralities(in slot: Int32) -> [Float] {
        slots[slot].exemplars.map { similarity($0.terms, toStoryIn: slot) }
    }

    /// Where a new article of the given centrality goes among the story's exemplars: appended while
    /// there is room, else in place of the least central one if it is more central; `nil` if it is not
    /// kept. Centralities are measured again each time the story doubles in size.
    private mutating func exemplarPlace(centrality: Float, in slot: Int32) -> Int? {
        let count = slots[slot].articleCount
        if count >= 4 && count & (count - 1) == 0 {
            // All measured first, then stored: measuring reads the engine, storing writes it. (Measuring
            // one exemplar at a time between writes made the compiler copy the whole engine for each.)
            let centralities = exemplarCentralities(in: slot)
            for position in centralities.indices { slots[slot].exemplars[position].centrality = centralities[position] }
        }
        let exemplars = slots[slot].exemplars
        guard exemplars.count >= Self.exemplarLimit else { return exemplars.count }
        var weakest = 0
        for position in exemplars.indices where exemplars[position].centrality < exemplars[weakest].centrality {
            weakest = position
        }
        return exemplars[weakest].centrality < centrality ? weakest : nil
    }
}
