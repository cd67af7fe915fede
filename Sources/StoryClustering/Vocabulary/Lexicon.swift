/// A bounded cache from surface words (`attacks`, as the tokenizer writes them) to what the
/// clusterer makes of them: a stop word, or a stem and its current term id. It saves the stop-word
/// check, the stemmer and the term lookup for words already seen, and is keyed by the word's bytes so
/// that a known word costs no allocation: an open-addressing table whose buckets carry a hash tag, and
/// whose entries hold the first sixteen bytes of the word inline.
///
/// A demonym (`malian`) is folded into the name it derives from (`mali`) once the stream knows that
/// name as a name (mostly capitalised in sentence-case text); until then it is its own term and is
/// looked at again each time it is met.
struct Lexicon: Sendable {
    /// What a surface word means.
    struct Entry: Sendable {
        /// The word's first sixteen bytes, zero-padded.
        var head: UInt64
        var tail: UInt64
        var length: Int32
        /// Where the whole word is in `arena` (compared only for words longer than sixteen bytes).
        var start: Int32
        /// The term id last seen for the word's stem, valid while the table's generation for it is
        /// `generation`; `-1` before the first use.
        var term: TermID = -1
        var generation: UInt32 = 0
        var isStopWord: Bool
        /// The word has a demonym ending and has not been folded into a name yet.
        var mayFold: Bool
    }

    private var entries: [Entry] = []
    /// The stem of each entry.
    private var stems: [String] = []
    private var arena: [UInt8] = []
    /// Open addressing, a power of two long: `tag << 32 | (entry index + 1)`, `0` for empty.
    private var buckets = [UInt64](repeating: 0, count: 1 << 12)

    /// Words kept before the cache is emptied (bounds its memory).
    static let limit = 200_000
    /// Uses in sentence-case text a word needs, mostly capitalised, to count as a known name.
    static let nameEvidence: Float = 2
    /// The share of capitalised uses that makes a word a name.
    static let nameShare: Float = 0.8

    /// The term of the word in `bytes`, or `nil` for a stop word (unless `keepsStopWord`, for acronyms);
    /// creates the term in `table` if needed (the word itself becomes its display form).
    mutating func term(of bytes: UnsafeBufferPointer<UInt8>, keepingStopWord keepsStopWord: Bool,
                       in table: inout TermTable) -> TermID? {
        let position = entryPosition(of: bytes)
        let (term, generation) = (entries[position].term, entries[position].generation)
        if entries[position].isStopWord && !keepsStopWord { return nil }
        let isCurrent = term >= 0 && table.generation(of: term) == generation
        if isCurrent && !entries[position].mayFold { return term }
        let word = String(decoding: bytes, as: UTF8.self)
        let resolved: TermID
        if entries[position].mayFold, let name = Self.knownName(derivedFrom: word, in: table) {
            resolved = name
            entries[position].mayFold = false
        } else if isCurrent {
            return term
        } else {
            resolved = table.word(stems[position], display: word)
        }
        entries[position].term = resolved
        entries[position].generation = table.generation(of: resolved)
        return resolved
    }

    /// The term the word in `bytes` stands for if it exists already; never creates a term.
    mutating func existingTerm(of bytes: UnsafeBufferPointer<UInt8>, keepingStopWord keepsStopWord: Bool,
                               in table: TermTable) -> TermID? {
        let position = entryPosition(of: bytes)
        if entries[position].isStopWord && !keepsStopWord { return nil }
        let term = entries[position].term
        if term >= 0 && table.generation(of: term) == entries[position].generation { return term }
        return table.existingWord(stems[position])
    }

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
        let (head, tail) = Self.inlineKey(bytes)
        let hash = Self.hash(bytes, length: bytes.count, head: head, tail: tail)
        let tag = hash >> 32
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] != 0 {
            if buckets[bucket] >> 32 == tag {
                let position = Int(buckets[bucket] & 0xFFFF_FFFF) - 1
                if matches(position, bytes, head: head, tail: tail) { return position }
            }
            bucket = (bucket + 1) & mask
        }
        if entries.count >= Self.limit {
            removeAll()
            return entryPosition(of: bytes)
        }
        let word = String(decoding: bytes, as: UTF8.self)
        let isStopWord = StopWords.contains(word)
        entries.append(Entry(head: head, tail: tail, length: Int32(bytes.count), start: Int32(arena.count),
                             isStopWord: isStopWord,
                             mayFold: !isStopWord && !Demonyms.candidateBases(of: word).isEmpty))
        stems.append(isStopWord ? word : PorterStemmer.stem(word))
        if bytes.count > 16 { arena.append(contentsOf: bytes) }
        buckets[bucket] = tag << 32 | UInt64(entries.count)
        if entries.count * 2 > buckets.count { grow() }
        return entries.count - 1
    }

    private func matches(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>, head: UInt64, tail: UInt64) -> Bool {
        let entry = entries[position]
        guard entry.head == head, entry.tail == tail, Int(entry.length) == bytes.count else { return false }
        guard bytes.count > 16 else { return true }
        return arena.withUnsafeBufferPointer { stored in
            UnsafeBufferPointer(rebasing: stored[Int(entry.start)..<Int(entry.start) + bytes.count])
                .elementsEqual(bytes)
        }
    }

    private mutating func grow() {
        let old = buckets
        buckets = [UInt64](repeating: 0, count: old.count * 2)
        let mask = buckets.count - 1
        for packed in old where packed != 0 {
            let position = Int(packed & 0xFFFF_FFFF) - 1
            let entry = entries[position]
            let hash = arena.withUnsafeBufferPointer { stored in
                let range = entry.length > 16 ? Int(entry.start)..<Int(entry.start + entry.length) : 0..<0
                return Self.hash(UnsafeBufferPointer(rebasing: stored[range]), length: Int(entry.length),
                                 head: entry.head, tail: entry.tail)
            }
            var bucket = Int(truncatingIfNeeded: hash) & mask
            while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = packed
        }
    }

    private mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        stems.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        for bucket in buckets.indices { buckets[bucket] = 0 }
    }

    /// The first sixteen bytes as two little-endian words, zero-padded.
    static func inlineKey(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var head: UInt64 = 0, tail: UInt64 = 0
        for (offset, byte) in bytes.prefix(16).enumerated() {
            if offset < 8 {
                head |= UInt64(byte) << (8 * offset)
            } else {
                tail |= UInt64(byte) << (8 * (offset - 8))
            }
        }
        return (head, tail)
    }

    /// A hash of the whole word: its inline key, its length and any bytes of `bytes` beyond sixteen
    /// (`bytes` may be empty for a word of sixteen bytes or fewer).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, length: Int, head: UInt64, tail: UInt64) -> UInt64 {
        var hash = mix(mix(head ^ 0x9E37_79B9_7F4A_7C15) ^ tail ^ UInt64(length) << 56)
        for byte in bytes.dropFirst(16) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return mix(hash)
    }

    /// A multiply-xorshift finaliser, so that the low bits used for buckets are well mixed.
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value ^ (value >> 33)
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        return x ^ (x >> 33)
    }
}
