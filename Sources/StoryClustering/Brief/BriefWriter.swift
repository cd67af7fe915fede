import Foundation

/// Picks a story's headline and key sentences from its exemplars, by extraction only: the headline is
/// the title most similar to the story's centroid, the brief the most central sentences of titles and
/// summaries that do not repeat each other.
struct BriefWriter {
    let story: StoryState
    /// Similarity of a text's terms to the story's centroid.
    let centrality: (ArticleTerms) -> Float
    /// The known terms of a text.
    let termsOf: (String) -> ArticleTerms

    /// Sentences in a brief, at most.
    static let sentenceLimit = 3
    /// Two sentences sharing more than this (cosine of their term sets) say the same thing.
    static let redundancyLimit: Float = 0.5

    /// The most central title (the earliest kept one on a tie); empty for a story without articles.
    func headline() -> String {
        var best: (title: String, score: Float)?
        for exemplar in story.exemplars {
            let score = centrality(termsOf(exemplar.title))
            if score > (best?.score ?? -1) { best = (exemplar.title, score) }
        }
        return best?.title ?? ""
    }

    /// Up to three central, mutually distinct sentences from titles and summaries, other than `headline`.
    func keySentences(excluding headline: String) -> [String] {
        var seen: Set<String> = [Self.normalised(headline)]
        var candidates: [(text: String, terms: ArticleTerms, score: Float)] = []
        for exemplar in story.exemplars {
            for text in [exemplar.title] + SentenceSplitter.sentences(of: exemplar.summary)
            where seen.insert(Self.normalised(text)).inserted {
                let terms = termsOf(text)
                guard !terms.isEmpty else { continue }
                candidates.append((text, terms, centrality(terms)))
            }
        }
        candidates.sort { $0.score > $1.score }
        var chosen: [ArticleTerms] = [termsOf(headline)]
        var brief: [String] = []
        for candidate in candidates where brief.count < Self.sentenceLimit {
            guard chosen.allSatisfy({ Self.overlap($0, candidate.terms) <= Self.redundancyLimit }) else { continue }
            chosen.append(candidate.terms)
            brief.append(candidate.text)
        }
        return brief
    }

    /// Lowercased letters and digits only, to spot the same sentence from two feeds.
    private static func normalised(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Cosine between two sets of term ids.
    private static func overlap(_ first: ArticleTerms, _ second: ArticleTerms) -> Float {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        let shared = Set(first.ids).intersection(second.ids).count
        return Float(shared) / (Float(first.count) * Float(second.count)).squareRoot()
    }
}
