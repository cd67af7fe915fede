/// From an ordered pair of word ids to the pair's term id: an open-addressing table with linear
/// probing on the packed pair, so that looking up the pairs of a headline hashes two integers, not a
/// `Hashable` key through SipHash. Removal shifts the following entries back (no tombstones), so the
/// table stays as short as the window's pairs. A bucket holds the key next to its value, so that a
/// look-up is one cache miss, not two.
struct PairTable: Sendable {
    /// One bucket: `key` is `first << 32 | second`, plus one so that `0` marks an empty bucket.
    struct Bucket: Sendable {
        var key: UInt64
        var value: TermID
    }

    private var buckets = [Bucket](repeating: Bucket(key: 0, value: -1), count: 1 << 10)
    private var shift: UInt64 = 64 - 10
    private(set) var count = 0

    /// The term of the pair, if present.
    subscript(first: TermID, second: TermID) -> TermID? {
        let key = Self.key(first, second)
        let start = bucket(of: key)
        return buckets.withUnsafeBufferPointer { buckets in
            var bucket = start
            while buckets[bucket].key != 0 {
                if buckets[bucket].key == key { return buckets[bucket].value }
                bucket = (bucket + 1) & (buckets.count - 1)
            }
            return nil
        }
    }

    /// Records the term of a pair that is not in the table.
    mutating func insert(_ first: TermID, _ second: TermID, term: TermID) {
        if (count + 1) * 2 > buckets.count { grow() }
        let key = Self.key(first, second)
        var bucket = bucket(of: key)
        while buckets[bucket].key != 0 { bucket = (bucket + 1) & (buckets.count - 1) }
        buckets[bucket] = Bucket(key: key, value: term)
        count += 1
    }

    /// Removes a pair, if present.
    mutating func remove(_ first: TermID, _ second: TermID) {
        let key = Self.key(first, second)
        let mask = buckets.count - 1
        var hole = bucket(of: key)
        while buckets[hole].key != key {
            guard buckets[hole].key != 0 else { return }
            hole = (hole + 1) & mask
        }
        // Move back every following entry of the run whose home is not between the hole and itself.
        var next = (hole + 1) & mask
        while buckets[next].key != 0 {
            let home = bucket(of: buckets[next].key)
            if (next - home) & mask >= (next - hole) & mask {
                buckets[hole] = buckets[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        buckets[hole] = Bucket(key: 0, value: -1)
        count -= 1
    }

    private static func key(_ first: TermID, _ second: TermID) -> UInt64 {
        (UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))) &+ 1
    }

    private func bucket(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = buckets
        buckets = [Bucket](repeating: Bucket(key: 0, value: -1), count: old.count * 2)
        shift -= 1
        for entry in old where entry.key != 0 {
            var bucket = bucket(of: entry.key)
            while buckets[bucket].key != 0 { bucket = (bucket + 1) & (buckets.count - 1) }
            buckets[bucket] = entry
        }
    }
}
