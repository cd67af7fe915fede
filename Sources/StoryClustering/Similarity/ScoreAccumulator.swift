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

    /// Adds up posting lists through `Scanner`.
    struct Scanner {
        fileprivate let sums: UnsafeMutableBufferPointer<Float>
        fileprivate let touched: UnsafeMutableBufferPointer<Int32>
        fileprivate var touchedCount: Int

        /// Adds `weight × mass` of every entry of `term`'s posting list to its story's sum: one pass over
        /// the list with no check of the storage per entry.
        mutating func add(postingsOf term: TermID, in index: PostingIndex, table: TermTable, weight: Float) {
            index.forEachPosting(of: term, in: table) { posting in
                let slot = Int(posting.slot)
                if sums[slot] == 0 {
                    touched[touchedCount] = posting.slot
                    touchedCount += 1
                }
                sums[slot] += weight * posting.mass
            }
        }
    }

    /// Calls `body` with a scanner that adds posting lists of at most `entries` entries in all to the
    /// sums (whose slots must have been reserved).
    ///
    /// Each entry touches at most one new slot, so `touched` is first made long enough for all of them;
    /// the scanner then writes both arrays through buffers held once for the whole article (an `append`
    /// per newly touched slot, or holding the buffers per list, checked the arrays' uniqueness each time).
    mutating func scan(entries: Int, _ body: (inout Scanner) -> Void) {
        let needed = touchedCount + entries
        if touched.count < needed { touched.append(contentsOf: repeatElement(-1, count: needed - touched.count)) }
        let start = touchedCount
        touchedCount = sums.withUnsafeMutableBufferPointer { sums in
            touched.withUnsafeMutableBufferPointer { touched in
                var scanner = Scanner(sums: sums, touched: touched, touchedCount: start)
                body(&scanner)
                return scanner.touchedCount
            }
        }
    }

    /// Hands every touched slot and its sum to `body`, then resets.
    ///
    /// The sums are reset through their buffer, held once (a write per slot checked the array's
    /// uniqueness each time).
    mutating func drain(_ body: (Int32, Float) -> Void) {
        let count = touchedCount
        sums.withUnsafeMutableBufferPointer { sums in
            touched.withUnsafeBufferPointer { touched in
                for position in 0..<count {
                    let slot = touched[position]
                    body(slot, sums[Int(slot)])
                    sums[Int(slot)] = 0
                }
            }
        }
        touchedCount = 0
    }
}
