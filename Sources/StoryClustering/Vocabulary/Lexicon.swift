/// A bounded cache from surface words (`attacks`, as the tokenizer writes them) to what the
/// clusterer makes of them: a stop word, or a stem and its current term id. It saves the stop-word
/// check, the stemmer and the term lookup for words already seen, and is keyed by the word's bytes so
/// that a known word costs no allocation.
///
/// A demonym (`malian`) is folded into the name it derives from (`mali`) once the stream knows that
/// name as a name (mostly capitalised in sentence-case text); until then it is its own term and is
/// looked at again each time it is met.
struct Lexicon: Sendable {
    /// What a surface word means.
    struct Entry: Sendable {
        var hash: UInt64
        /// The word's bytes in `arena`.
        var start: Int32
        var length: Int32
        var isStopWord: Bool
        var stem: String
        /// The word has a demonym ending and has not been folded into a name yet.
        var mayFold: Bool
        /// The term id last seen for `stem`, valid while the table's generation for it is `generation`.
        var term: TermID = -1
        var generation: UInt32 = 0
    }

    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    /// Open addressing: indices into `entries` (`-1` for empty), a power of two long.
    private var buckets = [Int32](repeating: -1, count: 1 << 12)

    /// Words kept before the cache is emptied (bounds its memory).
    static let limit = 200_000

    /// The term of the word in `bytes`, or `nil` for a stop word (unless `keepsStopWord`, for acronyms);
    /// creates the term in `table` if needed (the word itself becomes its display form).
    mutating func term(of bytes: UnsafeBufferPointer<UInt8>, keepingStopWord keepsStopWord: Bool,
                       in table: inout TermTable) -> TermID? {
        let position = entryPosition(of: bytes)
        let entry = entries[position]
        if entry.isStopWord && !keepsStopWord { return nil }
        let isCurrent = entry.term >= 0 && table.generation(of: entry.term) == entry.generation
        if isCurrent && !entry.mayFold { return entry.term }
        let word = String(decoding: bytes, as: UTF8.self)
        let term: TermID
        if entry.mayFold, let name = Self.knownName(derivedFrom: word, in: table) {
            term = name
            entries[position].mayFold = false
        } else if isCurrent {
            return entry.term
        } else {
            term = table.word(entry.stem, display: word)
        }
        entries[position].term = term
        entries[position].generation = table.generation(of: term)
        return term
    }

    /// Uses in sentence-case text a word needs, mostly capitalised, to count as a known name.
    static let nameEvidence: Float = 2
    /// The share of capitalised uses that makes a word a name.
    static let nameShare: Float = 0.8

    /// The term of the name `word` is a demonym of, if the stream knows it as a name.
    private static func knownName(derivedFrom word: String, in table: TermTable) -> TermID? {
        for base in Demonyms.candidateBases(of: word) {
            guard let id = table.existingWord(PorterStemmer.stem(base)) else { continue }
            let entry = table[id]
            let uses = entry.capitalisedUses + entry.lowercaseUses
            if uses >= nameEvidence && entry.capitalisedUses >= nameShare * uses { return id }
        }
        return nil
    }

    /// The position in `entries` of the word, added if new.
    private mutating func entryPosition(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(bytes)
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] >= 0 {
            let position = Int(buckets[bucket])
            if entries[position].hash == hash && matches(entries[position], bytes) { return position }
            bucket = (bucket + 1) & mask
        }
        if entries.count >= Self.limit {
            removeAll()
            return entryPosition(of: bytes)
        }
        let word = String(decoding: bytes, as: UTF8.self)
        let isStopWord = StopWords.contains(word)
        entries.append(Entry(hash: hash, start: Int32(arena.count), length: Int32(bytes.count),
                             isStopWord: isStopWord, stem: isStopWord ? word : PorterStemmer.stem(word),
                             mayFold: !isStopWord && !Demonyms.candidateBases(of: word).isEmpty))
        arena.append(contentsOf: bytes)
        buckets[bucket] = Int32(entries.count - 1)
        if entries.count * 2 > buckets.count { grow() }
        return entries.count - 1
    }

    private func matches(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(entry.length) == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            let start = Int(entry.start)
            for offset in 0..<bytes.count where stored[start + offset] != bytes[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        buckets = [Int32](repeating: -1, count: buckets.count * 2)
        let mask = buckets.count - 1
        for (position, entry) in entries.enumerated() {
            var bucket = Int(truncatingIfNeeded: entry.hash) & mask
            while buckets[bucket] >= 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = Int32(position)
        }
    }

    private mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        for bucket in buckets.indices { buckets[bucket] = -1 }
    }

    /// FNV-1a, then a multiply-xorshift finaliser so that the low bits used for buckets are well mixed.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        return hash ^ (hash >> 33)
    }
}
