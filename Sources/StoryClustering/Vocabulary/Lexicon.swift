/// A bounded cache from surface words (`attacks`, as the tokenizer writes them) to what the
/// clusterer makes of them: a stop word, or a stem and its current term id. It saves the stop-word
/// check, the stemmer and the term lookup for words already seen, and is keyed by the word's bytes so
/// that a known word costs no allocation.
///
/// It is an open-addressing table whose 32-byte buckets hold everything a known word needs: its first
/// sixteen bytes (the whole of most words), its length, its flags, and the term id last seen for it
/// with that term's generation. A known word of up to sixteen bytes is one hash and one bucket read;
/// longer words are also compared with their bytes in `arena`.
///
/// A demonym (`malian`) is folded into the name it derives from (`mali`) once the stream knows that
/// name as a name (mostly capitalised in sentence-case text); until then it is its own term and is
/// looked at again each time it is met.
struct Lexicon: Sendable {
    /// One known word.
    struct Bucket: Sendable {
        /// The word's first sixteen bytes, zero-padded.
        var head: UInt64 = 0
        var tail: UInt64 = 0
        /// The word's length in bytes; `0` for an empty bucket.
        var length: Int32 = 0
        /// The word's index in `stems` and `starts`, with `stopWord` and `mayFold`.
        var packed: UInt32 = 0
        /// The term id last seen for the word's stem, valid while the table's generation for it is
        /// `generation`; `-1` before the first use.
        var term: TermID = -1
        var generation: UInt32 = 0

        static let stopWord: UInt32 = 1 << 31
        /// The word has a demonym ending and has not been folded into a name yet.
        static let mayFold: UInt32 = 1 << 30

        var index: Int { Int(packed & (Self.mayFold - 1)) }
        var isStopWord: Bool { packed & Self.stopWord != 0 }
        var mayFold: Bool { packed & Self.mayFold != 0 }
    }

    /// Open addressing, a power of two long.
    private var buckets = [Bucket](repeating: Bucket(), count: 1 << 12)
    private var shift: UInt64 = 64 - 12
    /// The stem of each word.
    private var stems: [String] = []
    /// For each word that may be a demonym (`Bucket.mayFold`), by index: the stems of the names it
    /// may derive from, stemmed once rather than each time the word is met until it is folded.
    private var foldStems: [Int: [String]] = [:]
    /// Where each word longer than sixteen bytes is in `arena` (`-1` for shorter words).
    private var starts: [Int32] = []
    private var arena: [UInt8] = []
    /// Bumped each time a known word may stand for another term than before: when the cache is emptied
    /// (at `limit`) and when a demonym is folded into its name. Between two equal values, looking up a
    /// word already looked up gives the same term and changes nothing.
    private(set) var epoch = 0

    /// Words kept before the cache is emptied (bounds its memory).
    static let limit = 200_000
    /// Uses in sentence-case text a word needs, mostly capitalised, to count as a known name.
    static let nameEvidence: Float = 2
    /// The share of capitalised uses that makes a word a name.
    static let nameShare: Float = 0.8

    /// The term of the word in `bytes`, or `nil` for a stop word (unless `keepsStopWord`, for acronyms);
    /// creates the term in `table` if needed (the word itself becomes its display form).
    mutating func term(
        of bytes: UnsafeBufferPointer<UInt8>, keepingStopWord keepsStopWord: Bool,
        in table: inout TermTable
    ) -> TermID? {
        let position = bucketPosition(of: bytes)
        let bucket = buckets[position]
        if bucket.isStopWord && !keepsStopWord { return nil }
        let isCurrent = bucket.term >= 0 && table.generation(of: bucket.term) == bucket.generation
        if isCurrent && !bucket.mayFold { return bucket.term }
        let resolved: TermID
        if bucket.mayFold, let name = Self.knownName(amongStems: foldStems[bucket.index] ?? [], in: table) {
            resolved = name
            buckets[position].packed &= ~Bucket.mayFold
            foldStems[bucket.index] = nil
            epoch += 1
        } else if isCurrent {
            return bucket.term
        } else {
            resolved = table.word(stems[bucket.index], display: String(decoding: bytes, as: UTF8.self))
        }
        buckets[position].term = resolved
        buckets[position].generation = table.generation(of: resolved)
        return resolved
    }

    /// The term the word in `bytes` stands for if it exists already; never creates a term.
    mutating func existingTerm(
        of bytes: UnsafeBufferPointer<UInt8>, keepingStopWord keepsStopWord: Bool,
        in table: TermTable
    ) -> TermID? {
        let bucket = buckets[bucketPosition(of: bytes)]
        if bucket.isStopWord && !keepsStopWord { return nil }
        if bucket.term >= 0 && table.generation(of: bucket.term) == bucket.generation { return bucket.term }
        return table.existingWord(stems[bucket.index])
    }

    /// The term of the name a demonym derives from, if the stream knows it as a name; `stems` are the
    /// stems of the demonym's candidate bases (`Demonyms.candidateBases`).
    private static func knownName(amongStems stems: [String], in table: TermTable) -> TermID? {
        for stem in stems {
            guard let id = table.existingWord(stem) else { continue }
            let entry = table[id]
            let uses = entry.capitalisedUses + entry.lowercaseUses
            if uses >= nameEvidence && entry.capitalisedUses >= nameShare * uses { return id }
        }
        return nil
    }

    /// The position in `buckets` of the word, added if new.
    private mutating func bucketPosition(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let (head, tail) = Self.inlineKey(bytes)
        let start = bucket(of: Self.hash(bytes, length: bytes.count, head: head, tail: tail))
        // A known word (most lookups): probe without a bounds check per read. `~position` is the empty
        // bucket that ends the probe, where a new word goes.
        let probe = buckets.withUnsafeBufferPointer { buckets in
            let mask = buckets.count - 1
            var position = start
            while true {
                let candidate = buckets[position]
                if candidate.length == 0 { return ~position }
                if candidate.head == head, candidate.tail == tail, Int(candidate.length) == bytes.count,
                    matchesLongWord(candidate.index, bytes)
                {
                    return position
                }
                position = (position + 1) & mask
            }
        }
        if probe >= 0 { return probe }
        let position = ~probe
        if stems.count >= Self.limit {
            removeAll()
            return bucketPosition(of: bytes)
        }
        let word = String(decoding: bytes, as: UTF8.self)
        let isStopWord = StopWords.contains(word)
        var packed = UInt32(stems.count)
        if isStopWord { packed |= Bucket.stopWord }
        let bases = isStopWord ? [] : Demonyms.candidateBases(of: word)
        if !bases.isEmpty {
            packed |= Bucket.mayFold
            foldStems[stems.count] = bases.map(PorterStemmer.stem)
        }
        stems.append(isStopWord ? word : PorterStemmer.stem(word))
        starts.append(bytes.count > 16 ? Int32(arena.count) : -1)
        if bytes.count > 16 { arena.append(contentsOf: bytes) }
        buckets[position] = Bucket(head: head, tail: tail, length: Int32(bytes.count), packed: packed)
        guard stems.count * 2 > buckets.count else { return position }
        grow()
        return bucketPosition(of: bytes)
    }

    /// For a word longer than sixteen bytes, whether the rest of it matches too.
    private func matchesLongWord(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 16 else { return true }
        let start = Int(starts[index])
        return arena.withUnsafeBufferPointer { stored in
            UnsafeBufferPointer(rebasing: stored[start..<start + bytes.count]).elementsEqual(bytes)
        }
    }

    private func bucket(of hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> shift) }

    private mutating func grow() {
        let old = buckets
        buckets = [Bucket](repeating: Bucket(), count: old.count * 2)
        shift -= 1
        let mask = buckets.count - 1
        for entry in old where entry.length != 0 {
            let hash = arena.withUnsafeBufferPointer { stored in
                let start = Int(starts[entry.index])
                let range = start >= 0 ? start..<start + Int(entry.length) : 0..<0
                return Self.hash(
                    UnsafeBufferPointer(rebasing: stored[range]), length: Int(entry.length),
                    head: entry.head, tail: entry.tail)
            }
            var position = bucket(of: hash)
            while buckets[position].length != 0 { position = (position + 1) & mask }
            buckets[position] = entry
        }
    }

    private mutating func removeAll() {
        epoch += 1
        stems.removeAll(keepingCapacity: true)
        foldStems.removeAll()
        starts.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        for position in buckets.indices { buckets[position] = Bucket() }
    }

    /// The first sixteen bytes as two little-endian words, zero-padded.
    ///
    /// Read with a few loads inside the word (overlapping ones for lengths that are not a power of two)
    /// rather than a copy of a variable length, which cost a call to `memcpy` for every word looked up.
    static func inlineKey(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        let source = UnsafeRawPointer(base)
        let count = bytes.count
        guard count >= 8 else { return (littleEndianWord(source, count: count), 0) }
        let head = UInt64(littleEndian: source.loadUnaligned(as: UInt64.self))
        guard count < 16 else {
            return (head, UInt64(littleEndian: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        return (head, littleEndianWord(source + 8, count: count - 8))
    }

    /// The `count` bytes (fewer than eight) at `source` as a little-endian word, zero-padded: two loads
    /// of four bytes, or of two, that overlap in the middle (the bytes they share are equal, so the
    /// shifted halves agree on them), or one byte.
    @inline(__always)
    private static func littleEndianWord(_ source: UnsafeRawPointer, count: Int) -> UInt64 {
        switch count {
        case 4...:
            let low = UInt64(UInt32(littleEndian: source.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | high << (8 * (count - 4))
        case 2...:
            let low = UInt64(UInt16(littleEndian: source.loadUnaligned(as: UInt16.self)))
            let high = UInt64(UInt16(littleEndian: source.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
            return low | high << (8 * (count - 2))
        case 1: return UInt64(source.load(as: UInt8.self))
        default: return 0
        }
    }

    /// A hash of the whole word: its inline key, its length and any bytes of `bytes` beyond sixteen
    /// (`bytes` may be empty for a word of sixteen bytes or fewer).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, length: Int, head: UInt64, tail: UInt64) -> UInt64 {
        var hash = mix(mix(head ^ 0x9E37_79B9_7F4A_7C15) ^ tail ^ UInt64(length) << 56)
        if bytes.count > 16 {
            for index in 16..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3 }
        }
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
