/// From a stemmed word to its term id: an open-addressing table with linear probing whose 8-byte
/// buckets hold 32 bits of the stem's hash and the id. The stems themselves stay in `TermTable`'s
/// array (passed to each call), so the table holds no strings and hashes a stem with a few
/// multiplications over its bytes instead of SipHash. Removal shifts the following buckets back, so
/// there are no tombstones and probes stay short as terms come and go with the window.
struct WordIndex: Sendable {
    private struct Bucket: Sendable {
        /// `-1` when empty.
        var term: TermID = -1
        var hash: UInt32 = 0
    }

    private var buckets = [Bucket](repeating: Bucket(), count: 1 << 10)
    private var shift: UInt32 = 32 - 10
    private(set) var count = 0

    /// The id of `stem`, if present; `stems` is indexed by term id.
    func find(_ stem: String, hash: UInt32, stems: [String]) -> TermID? {
        buckets.withUnsafeBufferPointer { buckets in
            let mask = buckets.count - 1
            var position = Int(hash >> shift)
            while true {
                let bucket = buckets[position]
                if bucket.term < 0 { return nil }
                if bucket.hash == hash && stems[Int(bucket.term)] == stem { return bucket.term }
                position = (position + 1) & mask
            }
        }
    }

    /// Adds a stem known to be absent.
    mutating func insert(_ term: TermID, hash: UInt32) {
        let mask = buckets.count - 1
        var position = Int(hash >> shift)
        while buckets[position].term >= 0 { position = (position + 1) & mask }
        buckets[position] = Bucket(term: term, hash: hash)
        count += 1
        if count * 2 > buckets.count { grow() }
    }

    /// Removes `term`, whose stem hashes to `hash`.
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

    /// 32 well-mixed bits of a hash of the stem's bytes.
    static func hash(_ stem: String) -> UInt32 {
        var stem = stem
        return stem.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash ^= hash >> 33
            hash = hash &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            return UInt32(truncatingIfNeeded: hash >> 32)
        }
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
