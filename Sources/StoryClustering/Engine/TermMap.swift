/// A story's centroid: from term id to `StoryTerm`, as an open-addressing table with linear probing
/// and a multiplicative hash. Integer ids need no cryptographic hashing, and a centroid never loses a
/// term while its story lives, so there is no deletion to support.
struct TermMap: Sendable, Sequence {
    private var keys: [TermID]
    private var values: [StoryTerm]
    private var shift: UInt32
    private(set) var count = 0

    init() {
        keys = [TermID](repeating: -1, count: 8)
        values = [StoryTerm](repeating: StoryTerm(mass: 0, articles: 0, posting: 0), count: 8)
        shift = 32 - 3
    }

    /// The entry of `term`, if the story uses it.
    subscript(term: TermID) -> StoryTerm? {
        var bucket = bucket(of: term)
        while true {
            let key = keys[bucket]
            if key == term { return values[bucket] }
            if key < 0 { return nil }
            bucket = (bucket + 1) & (keys.count - 1)
        }
    }

    /// Records where the story's entry for `term` now is in the term's posting list.
    mutating func setPosting(_ posting: Int32, for term: TermID) {
        var bucket = bucket(of: term)
        while keys[bucket] != term {
            guard keys[bucket] >= 0 else { return }
            bucket = (bucket + 1) & (keys.count - 1)
        }
        values[bucket].posting = posting
    }

    /// Adds `mass` and `articles` to `term`; returns the entry as it was, or `nil` if the story did not
    /// use the term (it then records `postingIfNew` as its posting).
    mutating func accumulate(_ term: TermID, mass: Float, articles: Int32, postingIfNew: Int32) -> StoryTerm? {
        var bucket = bucket(of: term)
        while true {
            let key = keys[bucket]
            if key == term {
                let previous = values[bucket]
                values[bucket].mass += mass
                values[bucket].articles += articles
                return previous
            }
            if key < 0 { break }
            bucket = (bucket + 1) & (keys.count - 1)
        }
        keys[bucket] = term
        values[bucket] = StoryTerm(mass: mass, articles: articles, posting: postingIfNew)
        count += 1
        if count * 2 > keys.count { grow() }
        return nil
    }

    func makeIterator() -> some IteratorProtocol<(TermID, StoryTerm)> {
        zip(keys, values).lazy.filter { $0.0 >= 0 }.makeIterator()
    }

    private func bucket(of term: TermID) -> Int {
        Int((UInt32(bitPattern: term) &* 0x9E37_79B1) >> shift)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [TermID](repeating: -1, count: oldKeys.count * 2)
        values = [StoryTerm](repeating: StoryTerm(mass: 0, articles: 0, posting: 0), count: oldKeys.count * 2)
        shift -= 1
        for (key, value) in zip(oldKeys, oldValues) where key >= 0 {
            var bucket = bucket(of: key)
            while keys[bucket] >= 0 { bucket = (bucket + 1) & (keys.count - 1) }
            keys[bucket] = key
            values[bucket] = value
        }
    }
}
