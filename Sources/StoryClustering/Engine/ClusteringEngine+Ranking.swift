import Foundation

/// Finding the stories an article may belong to, through the inverted index.
extension ClusteringEngine {
    /// Stories kept as the best few candidates of an article: the winner and those it may merge with.
    static let candidateLimit = 4
    /// Posting entries scanned per article, at most, to find candidates. The article's rarest terms are
    /// scanned first; terms used by many active stories (like `said`) that would exceed the budget do
    /// not bring in candidates (they say little about which story), but still count in the score of
    /// the candidates found through the other terms. The three rarest terms are always scanned.
    /// (512 gave the same stories on the development set and on the synthetic stream, and spent a
    /// fifth of clustering's time adding up a few everyday words' long lists.)
    static let scanBudget = 128
    static let alwaysScanned = 3
    /// Candidates, found through selective terms, that are scored with all terms.
    static let rescoredCandidates = 4

    /// The best candidate stories for `vector`, best first, scored by centroid cosine and recency.
    mutating func rank(_ vector: WeightedTerms, now: TimeInterval) -> CandidateList {
        var sums = ScoreAccumulator()
        swap(&sums, &accumulator)  // borrowed for this call, so that scanning can read `self`
        defer { swap(&sums, &accumulator) }
        sums.reserve(slots: slots.capacity)
        var commonTerms: [Int] = [], rarestFirst: [UInt64] = []
        swap(&commonTerms, &rankCommonTerms)
        swap(&rarestFirst, &rankOrder)
        defer {
            swap(&commonTerms, &rankCommonTerms)
            swap(&rarestFirst, &rankOrder)
        }
        commonTerms.removeAll(keepingCapacity: true)
        rarestFirst.removeAll(keepingCapacity: true)
        var scanned = 0, scannedTerms = 0
        // Shortest posting list first (ties in term order), sorted as integers: length, then position.
        // Written through the buffer, sized once: an `append` per term checked the array's uniqueness each time.
        var listed = 0  // entries in all the lists: what the scan may add at most
        rarestFirst.append(contentsOf: repeatElement(0, count: vector.terms.count))
        rarestFirst.withUnsafeMutableBufferPointer { keys in
            for position in vector.terms.ids.indices {
                let length = table.postingCount(of: vector.terms.ids[position])
                listed += length
                keys[position] = UInt64(length) << 32 | UInt64(position)
            }
        }
        rarestFirst.sort()
        sums.scan(entries: listed) { scanner in
            for key in rarestFirst {
                let length = Int(key >> 32), position = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
                let term = vector.terms.ids[position]
                let contribution = vector.values[position]
                guard contribution > 0, length > 0 else { continue }
                guard scanned + length <= Self.scanBudget || scannedTerms < Self.alwaysScanned else {
                    commonTerms.append(position)
                    continue
                }
                scanned += length
                scannedTerms += 1
                scanner.add(postingsOf: term, in: index, table: table, weight: contribution)
            }
        }
        var found = CandidateList(limit: commonTerms.isEmpty ? Self.candidateLimit : Self.rescoredCandidates)
        sums.drain { slot, dot in
            let vitals = slots[vitals: slot]
            // Time apart either way: an article dated long before a story's latest one (a late or
            // archived item, which the daemon may read after newer ones) is as far from it as one
            // dated long after. (In `published` order, as `newswire cluster` runs, it is never before.)
            let quiet = abs(now - vitals.lastActivity)
            guard quiet <= configuration.quietPeriod, vitals.squaredNorm > 0 else { return }
            let inverseNorm = 1 / vitals.squaredNorm.squareRoot()
            guard dot * inverseNorm > found.admissionScore else { return }  // recency only lowers a score
            let scale = recencyFactor(quiet) * inverseNorm
            found.offer(Candidate(slot: slot, score: dot * scale, dot: dot, scale: scale))
        }
        guard !commonTerms.isEmpty else { return found }
        var best = CandidateList(limit: Self.candidateLimit)
        for var candidate in found {
            for position in commonTerms {
                guard let shared = slots[candidate.slot].terms[vector.terms.ids[position]] else { continue }
                candidate.dot += vector.values[position] * shared.mass
            }
            candidate.score = candidate.dot * candidate.scale
            best.offer(candidate)
        }
        return best
    }

    private func recencyFactor(_ quiet: TimeInterval) -> Float {
        guard let halfLife = configuration.recencyHalfLife, halfLife > 0, quiet > 0 else { return 1 }
        return Float(exp2(-quiet / halfLife))
    }
}

/// A story considered for an article.
struct Candidate: Sendable {
    var slot: Int32
    /// Similarity to the article: `dot × scale`.
    var score: Float
    /// Dot product of the article's vector with the story's weighted centroid.
    var dot: Float = 0
    /// `recency / ‖centroid‖`.
    var scale: Float = 0
}

/// The few best candidates seen, kept sorted best first, in storage of its own (no array is allocated
/// for each article's few candidates).
struct CandidateList: RandomAccessCollection {
    /// Most candidates a list can keep.
    static let capacity = 4

    let limit: Int
    private(set) var count = 0
    private var storage: (Candidate, Candidate, Candidate, Candidate)

    init(limit: Int) {
        precondition(limit <= Self.capacity, "candidate list too long")
        self.limit = limit
        let empty = Candidate(slot: -1, score: 0)
        storage = (empty, empty, empty, empty)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Candidate {
        get {
            precondition(position >= 0 && position < count, "candidate index out of range")
            return withUnsafeBytes(of: storage) {
                $0.load(fromByteOffset: position * MemoryLayout<Candidate>.stride, as: Candidate.self)
            }
        }
        set {
            precondition(position >= 0 && position < Self.capacity, "candidate index out of range")
            withUnsafeMutableBytes(of: &storage) {
                $0.storeBytes(of: newValue, toByteOffset: position * MemoryLayout<Candidate>.stride, as: Candidate.self)
            }
        }
    }

    /// The score a candidate must beat to enter the list.
    var admissionScore: Float { count < limit ? -.infinity : self[count - 1].score }

    mutating func offer(_ candidate: Candidate) {
        guard count < limit || candidate.score > self[count - 1].score else { return }
        if count == limit { count -= 1 }
        // Insertion from the end: after every candidate scoring at least as much (so ties keep their order).
        var position = count
        count += 1
        while position > 0, self[position - 1].score < candidate.score {
            self[position] = self[position - 1]
            position -= 1
        }
        self[position] = candidate
    }
}
