/// From an ordered pair of word ids to the pair's term id: an open-addressing table with linear
/// probing on the packed pair, so that looking up the pairs of a headline hashes two integers, not a
/// `Hashable` key through SipHash. Removal shifts the following entries back (no tombstones), so the
/// table stays as short as the window's pairs.
struct PairTable: Sendable {
    /// `first << 32 | second`, plus one so that `0` marks an empty bucket.
    private var keys = [UInt64](repeating: 0, count: 1 << 10)
    private var values = [TermID](repeating: -1, count: 1 << 10)
    private var shift: UInt64 = 64 - 10
    private(set) var count = 0

    /// The term of the pair, if present.
    subscript(first: TermID, second: TermID) -> TermID? {
        let key = Self.key(first, second)
        var bucket = bucket(of: key)
        while keys[bucket] != 0 {
            if keys[bucket] == key { return values[bucket] }
            bucket = (bucket + 1) & (keys.count - 1)
        }
        return nil
    }

    /// Records the term of a pair that is not in the table.
    mutating func insert(_ first: TermID, _ second: TermID, term: TermID) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.key(first, second)
        var bucket = bucket(of: key)
        while keys[bucket] != 0 { bucket = (bucket + 1) & (keys.count - 1) }
        keys[bucket] = key
        values[bucket] = term
        count += 1
    }

    /// Removes a pair, if present.
    mutating func remove(_ first: TermID, _ second: TermID) {
        let key = Self.key(first, second)
        let mask = keys.count - 1
        var hole = bucket(of: key)
        while keys[hole] != key {
            guard keys[hole] != 0 else { return }
            hole = (hole + 1) & mask
        }
        // Move back every following entry of the run whose home is not between the hole and itself.
        var next = (hole + 1) & mask
        while keys[next] != 0 {
            let home = bucket(of: keys[next])
            if (next - home) & mask >= (next - hole) & mask {
                keys[hole] = keys[next]
                values[hole] = values[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        keys[hole] = 0
        values[hole] = -1
        count -= 1
    }

    private static func key(_ first: TermID, _ second: TermID) -> UInt64 {
        (UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))) &+ 1
    }

    private func bucket(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [TermID](repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var bucket = bucket(of: key)
            while keys[bucket] != 0 { bucket = (bucket + 1) & (keys.count - 1) }
            keys[bucket] = key
            values[bucket] = value
        }
    }
}
