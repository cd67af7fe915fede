import Foundation

/// How much a term says about which event an article reports: a damped inverse document
/// frequency over the active window, raised for words that behave like names.
///
/// - The inverse document frequency is learnt from the stream itself, so a word that every story
///   uses (`stocks` on a business day) weighs little, and it adapts as the news changes.
///   Its square root keeps frequent-but-topical words (`bitcoin`, `Ukraine`) in play: headlines of
///   one story often share only those.
/// - Names (`Chiquita`, `Mt. Gox`, `Bamako`) identify events better than common words; a word's
///   share of capitalised uses in sentence-case text (`CapitalisationStatistics`) tells them apart
///   without any list of names.
struct TermWeighting: Sendable, Equatable {
    /// Pseudo-count of documents, so that the first articles of a stream get moderate weights.
    var smoothingDocuments: Double = 10
    /// Extra weight for a word always written with a capital letter (0 disables it).
    var nameBoost: Double = 0.5
    /// The share of capitalised uses assumed for a word never seen in sentence-case text.
    var unknownCapitalisation: Double = 0.5

    /// The weight of `term` when `documents` articles are in the window.
    func weight(of term: TermEntry, in table: TermTable, documents: Int) -> Float {
        let idf = inverseDocumentFrequency(Int(term.documentFrequency), documents: documents)
        return Float(idf) * nameFactor(of: term, in: table)
    }

    /// The damped inverse document frequency `sqrt(ln((N + s) / (df + 1)))`.
    func inverseDocumentFrequency(_ documentFrequency: Int, documents: Int) -> Double {
        let ratio = (Double(documents) + smoothingDocuments) / Double(documentFrequency + 1)
        return ratio > 1 ? sqrt(log(ratio)) : 0
    }

    /// `1 + boost × share of capitalised uses`; a pair of words counts as a name only if both words do.
    func nameFactor(of term: TermEntry, in table: TermTable) -> Float {
        guard term.isPair else { return Float(1 + nameBoost * capitalisedShare(of: term)) }
        let share = min(capitalisedShare(of: table[term.first]), capitalisedShare(of: table[term.second]))
        return Float(1 + nameBoost * share)
    }

    private func capitalisedShare(of term: TermEntry) -> Double {
        let uses = Double(term.capitalisedUses + term.lowercaseUses)
        guard uses > 0 else { return unknownCapitalisation }
        return (Double(term.capitalisedUses) + 0.5) / (uses + 1)
    }
}
