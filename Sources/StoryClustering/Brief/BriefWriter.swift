/// Picks a story's headline and key sentences from its exemplars, by extraction only: the headline is
/// the title most similar to the story's centroid, the brief the most central sentences of titles and
/// summaries that do not repeat each other. Sentences were read when their article was kept, so this
/// costs only a few dot products per sentence.
struct BriefWriter {
    let exemplars: [Exemplar]
    /// Similarity of a sentence's terms to the story's centroid.
    let centrality: (ArticleTerms) -> Float

    /// Sentences in a brief, at most.
    static let sentenceLimit = 3
    /// Two sentences sharing more than this (cosine of their term sets) say the same thing.
    static let redundancyLimit: Float = 0.5

    /// The most central title (the earliest kept one on a tie); empty for a story without articles.
    func headline() -> BriefSentence {
        var best: (title: BriefSentence, score: Float)?
        for exemplar in exemplars {
            let score = centrality(exemplar.title.terms)
            if score > (best?.score ?? -1) { best = (exemplar.title, score) }
        }
        return best?.title ?? BriefSentence(text: "", terms: ArticleTerms())
    }

    /// Up to three central, mutually distinct sentences from titles and summaries, other than `headline`.
    func keySentences(excluding headline: BriefSentence) -> [String] {
        // The same sentence from two feeds has the same terms.
        var seen = Set<SentenceTerms>(
            minimumCapacity: exemplars.count * (ClusteringEngine.sentencesPerExemplar + 1) + 1)
        seen.insert(SentenceTerms(headline.terms.ids))
        var candidates: [(sentence: BriefSentence, score: Float)] = []
        for exemplar in exemplars {
            for sentence in exemplar.sentences where !sentence.terms.isEmpty {
                guard seen.insert(SentenceTerms(sentence.terms.ids)).inserted else { continue }
                candidates.append((sentence, centrality(sentence.terms)))
            }
        }
        candidates.sort { $0.score > $1.score }
        var chosen: [ArticleTerms] = [headline.terms]
        var brief: [String] = []
        for candidate in candidates where brief.count < Self.sentenceLimit {
            let terms = candidate.sentence.terms
            guard chosen.allSatisfy({ Self.overlap($0, terms) <= Self.redundancyLimit }) else { continue }
            chosen.append(terms)
            brief.append(candidate.sentence.text)
        }
        return brief
    }

    /// Cosine between two sets of term ids (both sorted ascending).
    private static func overlap(_ first: ArticleTerms, _ second: ArticleTerms) -> Float {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        var shared = 0, i = 0, j = 0
        while i < first.count && j < second.count {
            if first.ids[i] == second.ids[j] {
                shared += 1
                i += 1
                j += 1
            } else if first.ids[i] < second.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Float(shared) / (Float(first.count) * Float(second.count)).squareRoot()
    }
}

/// A sentence's term ids as a set member, hashed once: hashing the array in the set's every probe and
/// resize was about half the cost of choosing a brief.
private struct SentenceTerms: Hashable {
    let ids: [TermID]
    private let idsHash: UInt64

    init(_ ids: [TermID]) {
        self.ids = ids
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for id in ids { hash = (hash ^ UInt64(UInt32(bitPattern: id))) &* 0x0000_0100_0000_01B3 }
        idsHash = hash
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(idsHash)
    }

    static func == (lhs: SentenceTerms, rhs: SentenceTerms) -> Bool {
        lhs.idsHash == rhs.idsHash && lhs.ids == rhs.ids
    }
}
