/// The distinct terms of one article with their feature weights (before term weighting).
struct ArticleTerms: Sendable, Equatable {
    /// Term ids, ascending, without duplicates.
    var ids: [TermID] = []
    /// The weight of each term in `ids`: 1 for a word of the title, less for the summary and for pairs.
    var weights: [Float] = []

    var isEmpty: Bool { ids.isEmpty }
    var count: Int { ids.count }

    /// Builds the list from unordered `(term, weight)` pairs, keeping the largest weight of a repeated term.
    init(unordered pairs: [(TermID, Float)]) {
        var keys: [UInt64] = []
        self.init(unordered: pairs, scratch: &keys)
    }

    /// The same, sorting in `scratch` (its contents are replaced; its storage is reused).
    init(unordered pairs: some Collection<(TermID, Float)>, scratch keys: inout [UInt64]) {
        // Sorted as integers: the id in the high half, the weight's complemented bits in the low half
        // (a positive float's bits order like its value), so the largest weight of an id comes first.
        // Written through the buffer, sized once: an `append` per pair checked the array's uniqueness each time.
        keys.removeAll(keepingCapacity: true)
        keys.append(contentsOf: repeatElement(0, count: pairs.count))
        keys.withUnsafeMutableBufferPointer { keys in
            for (position, pair) in zip(keys.indices, pairs) {
                keys[position] = UInt64(UInt32(bitPattern: pair.0)) << 32 | UInt64(~pair.1.bitPattern)
            }
        }
        keys.sort()
        ids.reserveCapacity(keys.count)
        weights.reserveCapacity(keys.count)
        for key in keys {
            let id = TermID(bitPattern: UInt32(truncatingIfNeeded: key >> 32))
            guard ids.last != id else { continue }
            ids.append(id)
            weights.append(Float(bitPattern: ~UInt32(truncatingIfNeeded: key)))
        }
    }

    init() {}
}
