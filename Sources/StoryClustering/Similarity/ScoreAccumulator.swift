/// Sums partial dot products per story slot while posting lists are scanned, remembering which
/// slots were touched so that resetting costs only what was used.
struct ScoreAccumulator: Sendable {
    private var sums: [Float] = []
    /// The touched slots, in the order first touched: the first `touchedCount` entries (the array
    /// only grows, so that writing an entry needs no uniqueness check of its own).
    private var touched: [Int32] = []
    private var touchedCount = 0

    /// Makes room for every slot below `capacity`.
    mutating func reserve(slots capacity: Int) {
        if sums.count < capacity { sums.append(contentsOf: repeatElement(0, count: capacity - sums.count)) }
    }

    /// Adds `weight × mass` of every entry of `term`'s posting list to its story's sum (the slots
    /// must have been reserved): one pass over the list with no check of the storage per entry.
    ///
    /// A list can touch at most as many new slots as it has entries, so `touched` is first made long
    /// enough for all of them; the pass then writes both arrays through their buffers (an `append` per
    /// newly touched slot checked the array's uniqueness each time).
    mutating func add(postingsOf term: TermID, in index: PostingIndex, table: TermTable, weight: Float) {
        let length = table.postingCount(of: term)
        let needed = touchedCount + length
        if touched.count < needed { touched.append(contentsOf: repeatElement(-1, count: needed - touched.count)) }
        var count = touchedCount
        sums.withUnsafeMutableBufferPointer { sums in
            touched.withUnsafeMutableBufferPointer { touched in
                index.forEachPosting(of: term, in: table) { posting in
                    let slot = Int(posting.slot)
                    if sums[slot] == 0 {
                        touched[count] = posting.slot
                        count += 1
                    }
                    sums[slot] += weight * posting.mass
                }
            }
        }
        touchedCount = count
    }

    /// Hands every touched slot and its sum to `body`, then resets.
    mutating func drain(_ body: (Int32, Float) -> Void) {
        for position in 0..<touchedCount {
            let slot = touched[position]
            body(slot, sums[Int(slot)])
            sums[Int(slot)] = 0
        }
        touchedCount = 0
    }
}
