/// From an ordered pair of word ids to the pair's term id (a `TermHashIndex` keyed by 32 well-mixed
/// bits of the pair's hash). The pair's two words are not stored here: a bucket whose hash matches
/// is checked against the pair's record in `TermTable` (passed to each look-up), which the caller
/// reads next anyway.
///
/// Half the size of a table keeping each key beside its value: most title pairs are new, and a new
/// pair's look-up reads only buckets, of which twice as many now share the cache.
struct PairTable: Sendable {
    private var index = TermHashIndex()

    var count: Int { index.count }

    /// The term of the pair, if present; `records` is `TermTable`'s, indexed by term id.
    func find(_ first: TermID, _ second: TermID, hash: UInt32, records: [TermRecord]) -> TermID? {
        index.find(hash: hash) { term in
            let entry = records[Int(term)].entry
            return entry.first == first && entry.second == second
        }
    }

    /// Records the term of a pair known to be absent.
    mutating func insert(_ term: TermID, hash: UInt32) { index.insert(term, hash: hash) }

    /// Removes `term`, whose pair hashes to `hash`, if present.
    mutating func remove(_ term: TermID, hash: UInt32) { index.remove(term, hash: hash) }

    /// 32 well-mixed bits of a hash of the ordered pair.
    static func hash(_ first: TermID, _ second: TermID) -> UInt32 {
        var hash = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return UInt32(truncatingIfNeeded: hash >> 32)
    }
}
