/// Sums partial dot products per story slot while posting lists are scanned, remembering which
/// slots were touched so that resetting costs only what was used.
struct ScoreAccumulator: Sendable {
    private var sums: [Float] = []
    private var touched: [Int32] = []

    /// Makes room for every slot below `capacity`.
    mutating func reserve(slots capacity: Int) {
        if sums.count < capacity { sums.append(contentsOf: repeatElement(0, count: capacity - sums.count)) }
    }

    /// Adds `weight × mass` of every entry of `term`'s posting list to its story's sum (the slots
    /// must have been reserved): one pass over the list with no check of the storage per entry.
    mutating func add(postingsOf term: TermID, in index: PostingIndex, table: TermTable, weight: Float) {
        sums.withUnsafeMutableBufferPointer { sums in
            index.forEachPosting(of: term, in: table) { posting in
                let slot = Int(posting.slot)
                if sums[slot] == 0 { touched.append(posting.slot) }
                sums[slot] += weight * posting.mass
            }
        }
    }

    /// Hands every touched slot and its sum to `body`, then resets.
    mutating func drain(_ body: (Int32, Float) -> Void) {
        for slot in touched {
            body(slot, sums[Int(slot)])
            sums[Int(slot)] = 0
        }
        touched.removeAll(keepingCapacity: true)
    }
}
