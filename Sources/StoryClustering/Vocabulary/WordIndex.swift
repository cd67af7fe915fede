/// From a stemmed word to its term id (a `TermHashIndex` keyed by 32 bits of the stem's hash). The
/// stems themselves stay in `TermTable`'s array (passed to each call), so the table holds no strings
/// and hashes a stem with a few multiplications over its bytes instead of SipHash.
struct WordIndex: Sendable {
    private var index = TermHashIndex()

    var count: Int { index.count }

    /// The id of `stem`, if present; `stems` is indexed by term id.
    func find(_ stem: String, hash: UInt32, stems: [String]) -> TermID? {
        index.find(hash: hash) { stems[Int($0)] == stem }
    }

    /// Adds a stem known to be absent.
    mutating func insert(_ term: TermID, hash: UInt32) { index.insert(term, hash: hash) }

    /// Removes `term`, whose stem hashes to `hash`.
    mutating func remove(_ term: TermID, hash: UInt32) { index.remove(term, hash: hash) }

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
}
