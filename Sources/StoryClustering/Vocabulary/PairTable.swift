/// From an ordered pair of word ids to the pair's term id: an open-addressing table with linear
/// probing whose 8-byte buckets hold 32 well-mixed bits of the pair's hash and its term id. The pair's
/// two words are not stored here: a bucket whose hash matches is checked against the pair's record in
/// `TermTable` (passed to each look-up), which the caller reads next anyway. Removal shifts the
/// following buckets back (no tombstones), so the table stays as short as the window's pairs.
///
/// Half the size of a table keeping each key beside its value: most title pairs are new, and a new
/// pair's look-up reads only buckets, of which twice as many now share the cache.
struct PairTable: Sendable {
    private struct Bucket: Sendable {
        /// `-1` when empty.
        var term: TermID = -1
        var hash: UInt32 = 0
    }

    private var buckets = [Bucket](repeating: Bucket(), count: 1 << 10)
    private var shift: UInt32 = 32 - 10
    private(set) var count = 0

    /// The term of the pair, if present; `records` is `TermTable`'s, indexed by term id.
    func find(_ first: TermID, _ second: TermID, hash: UInt32, records: [TermRecord]) -> TermID? {
        buckets.withUnsafeBufferPointer { buckets in
            let mask = buckets.count - 1
            var position = Int(hash >> shift)
            while true {
                let bucket = buckets[position]
                if bucket.term < 0 { return nil }
                if bucket.hash == hash {
                    let entry = records[Int(bucket.term)].entry
                    if entry.first == first && entry.second == second { return bucket.term }
                }
                position = (position + 1) & mask
            }
        }
    }

    /// Records the term of a pair known to be absent.
    mutating func insert(_ term: TermID, hash: UInt32) {
        let mask = buckets.count - 1
        var position = Int(hash >> shift)
        while buckets[position].term >= 0 { position = (position + 1) & mask }
        buckets[position] = Bucket(term: term, hash: hash)
        count += 1
        if count * 2 > buckets.count { grow() }
    }

    /// Removes `term`, whose pair hashes to `hash`, if present.
    mutating func remove(_ term: TermID, hash: UInt32) {
        let mask = buckets.count - 1
        var hole = Int(hash >> shift)
        while buckets[hole].term != term {
            guard buckets[hole].term >= 0 else { return }
            hole = (hole + 1) & mask
        }
        count -= 1
        // Shift back each following bucket whose home is not between the hole and itself.
        var next = (hole + 1) & mask
        while buckets[next].term >= 0 {
            let home = Int(buckets[next].hash >> shift)
            let stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if !stays {
                buckets[hole] = buckets[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        buckets[hole] = Bucket()
    }

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

    private mutating func grow() {
        let old = buckets
        buckets = [Bucket](repeating: Bucket(), count: old.count * 2)
        shift -= 1
        let mask = buckets.count - 1
        for bucket in old where bucket.term >= 0 {
            var position = Int(bucket.hash >> shift)
            while buckets[position].term >= 0 { position = (position + 1) & mask }
            buckets[position] = bucket
        }
    }
}
