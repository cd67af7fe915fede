/// From a key's 32-bit hash to a term id: an open-addressing table with linear probing whose 8-byte
/// buckets hold the hash and the id, and nothing of the key itself. A look-up compares the hash, then
/// asks its caller whether the term is the key (the caller keeps the keys, in `TermTable`). Removal
/// shifts the following buckets back (no tombstones), so probes stay short as terms come and go
/// with the window. `WordIndex` (stems) and `PairTable` (word pairs) are this table with their key.
struct TermHashIndex: Sendable {
    private struct Bucket: Sendable {
        /// `-1` when empty.
        var term: TermID = -1
        var hash: UInt32 = 0
    }

    private var buckets = [Bucket](repeating: Bucket(), count: 1 << 10)
    private var shift: UInt32 = 32 - 10
    private(set) var count = 0

    /// The first term whose hash is `hash` and for which `isKey` holds, if any.
    @inline(__always)
    func find(hash: UInt32, isKey: (TermID) -> Bool) -> TermID? {
        buckets.withUnsafeBufferPointer { buckets in
            let mask = buckets.count - 1
            var position = Int(hash >> shift)
            while true {
                let bucket = buckets[position]
                if bucket.term < 0 { return nil }
                if bucket.hash == hash && isKey(bucket.term) { return bucket.term }
                position = (position + 1) & mask
            }
        }
    }

    /// Adds a term whose key is known to be absent.
    mutating func insert(_ term: TermID, hash: UInt32) {
        let mask = buckets.count - 1
        var position = Int(hash >> shift)
        while buckets[position].term >= 0 { position = (position + 1) & mask }
        buckets[position] = Bucket(term: term, hash: hash)
        count += 1
        if count * 2 > buckets.count { grow() }
    }

    /// Removes `term`, whose key hashes to `hash`, if present.
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
