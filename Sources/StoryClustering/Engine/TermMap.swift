/// A story's centroid: from term id to `StoryTerm`, as an open-addressing table with linear probing
/// and a multiplicative hash. Integer ids need no cryptographic hashing, and a centroid never loses a
/// term while its story lives, so there is no deletion to support.
///
/// A bucket holds the key next to its entry (16 bytes), so that a look-up in a story not read lately,
/// as rescoring a candidate does for each common term, costs one cache miss rather than two.
struct TermMap: Sendable, Sequence {
    /// One bucket: `term` is `-1` when empty.
    struct Bucket: Sendable {
        var term: TermID
        var entry: StoryTerm
    }

    private var buckets: [Bucket]
    private var shift: UInt32
    private(set) var count = 0

    init() {
        buckets = [Bucket](repeating: Self.empty, count: 8)
        shift = 32 - 3
    }

    private static let empty = Bucket(term: -1, entry: StoryTerm(mass: 0, articles: 0, posting: 0))

    /// The entry of `term`, if the story uses it.
    subscript(term: TermID) -> StoryTerm? {
        buckets.withUnsafeBufferPointer { buckets in
            let mask = buckets.count - 1
            var bucket = bucket(of: term)
            while true {
                let key = buckets[bucket].term
                if key == term { return buckets[bucket].entry }
                if key < 0 { return nil }
                bucket = (bucket + 1) & mask
            }
        }
    }

    /// Records where the story's entry for `term` now is in the term's posting list.
    mutating func setPosting(_ posting: Int32, for term: TermID) {
        let start = bucket(of: term)
        buckets.withUnsafeMutableBufferPointer { buckets in
            let mask = buckets.count - 1
            var bucket = start
            while buckets[bucket].term != term {
                guard buckets[bucket].term >= 0 else { return }
                bucket = (bucket + 1) & mask
            }
            buckets[bucket].entry.posting = posting
        }
    }

    /// Adds `mass` and `articles` to `term`; returns the entry as it was, or `nil` if the story did not
    /// use the term (it then records `postingIfNew` as its posting).
    mutating func accumulate(_ term: TermID, mass: Float, articles: Int32, postingIfNew: Int32) -> StoryTerm? {
        let start = bucket(of: term)
        let previous: StoryTerm? = buckets.withUnsafeMutableBufferPointer { buckets in
            let mask = buckets.count - 1
            var bucket = start
            while true {
                let key = buckets[bucket].term
                if key == term {
                    let previous = buckets[bucket].entry
                    buckets[bucket].entry.mass += mass
                    buckets[bucket].entry.articles += articles
                    return previous
                }
                if key < 0 { break }
                bucket = (bucket + 1) & mask
            }
            buckets[bucket] = Bucket(
                term: term, entry: StoryTerm(mass: mass, articles: articles, posting: postingIfNew))
            return nil
        }
        guard previous == nil else { return previous }
        count += 1
        if count * 2 > buckets.count { grow() }
        return nil
    }

    /// Calls `body` with every term and entry, in bucket order (the order of iteration).
    func forEach(_ body: (TermID, StoryTerm) throws -> Void) rethrows {
        try buckets.withUnsafeBufferPointer { buckets in
            for bucket in buckets where bucket.term >= 0 { try body(bucket.term, bucket.entry) }
        }
    }

    /// `Σ mass²` over the entries, added in bucket order.
    var squaredMassSum: Float {
        buckets.withUnsafeBufferPointer { buckets in
            var sum: Float = 0
            for bucket in buckets where bucket.term >= 0 { sum += bucket.entry.mass * bucket.entry.mass }
            return sum
        }
    }

    func makeIterator() -> some IteratorProtocol<(TermID, StoryTerm)> {
        buckets.lazy.filter { $0.term >= 0 }.map { ($0.term, $0.entry) }.makeIterator()
    }

    private func bucket(of term: TermID) -> Int {
        Int((UInt32(bitPattern: term) &* 0x9E37_79B1) >> shift)
    }

    private mutating func grow() {
        let old = buckets
        buckets = [Bucket](repeating: Self.empty, count: old.count * 2)
        shift -= 1
        let mask = buckets.count - 1
        for entry in old where entry.term >= 0 {
            var bucket = bucket(of: entry.term)
            while buckets[bucket].term >= 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = entry
        }
    }
}
