/// Dense integer id of a term (a stemmed word or a pair of adjacent stemmed words).
typealias TermID = Int32

/// What the clusterer reads about one term of the active window for every article that uses it: a
/// 16-byte struct of numbers, in one dense array, so that weighing a term touches one cache line (four
/// terms share one). The term's spelling lives apart (`TermTable.stem(of:)`, `displayName(of:)`).
///
/// A word keeps its capitalisation counts where a pair keeps its two word ids: a pair has no
/// capitalisation of its own (its name factor is its words'), and a word has no parts. Which one a
/// term is sits in the top bit of the generation word.
struct TermEntry: Sendable {
    /// Articles of the active window that contain the term.
    var documentFrequency: Int32 = 0
    /// The generation (low 31 bits) and, in the top bit, whether the term is a pair.
    private var generationAndKind: UInt32 = 0
    /// A word's capitalised uses, or a pair's first word id (bit pattern).
    private var low: UInt32 = 0
    /// A word's lowercase uses, or a pair's second word id (bit pattern).
    private var high: UInt32 = 0

    private static let pairBit: UInt32 = 1 << 31

    init() {}

    /// An entry of a word with the given generation, and no uses.
    init(generation: UInt32) { generationAndKind = generation & ~Self.pairBit }

    /// An entry of the pair of words `first`, `second`.
    init(first: TermID, second: TermID) {
        generationAndKind = Self.pairBit
        low = UInt32(bitPattern: first)
        high = UInt32(bitPattern: second)
    }

    /// Bumped each time the id is released, so that caches holding ids can tell they are stale
    /// (31 bits, wrapping).
    var generation: UInt32 {
        get { generationAndKind & ~Self.pairBit }
        set { generationAndKind = (generationAndKind & Self.pairBit) | (newValue & ~Self.pairBit) }
    }

    /// Whether the term is a pair of adjacent words.
    var isPair: Bool { generationAndKind & Self.pairBit != 0 }

    /// Uses of the word with a capital letter inside sentence-case text, decayed (see
    /// `CapitalisationStatistics`); always 0 for a pair.
    var capitalisedUses: Float {
        get { isPair ? 0 : Float(bitPattern: low) }
        set { if !isPair { low = newValue.bitPattern } }
    }

    /// Uses of the word in lowercase inside sentence-case text, decayed; always 0 for a pair.
    var lowercaseUses: Float {
        get { isPair ? 0 : Float(bitPattern: high) }
        set { if !isPair { high = newValue.bitPattern } }
    }

    /// The first word id of a pair; `-1` for a word.
    var first: TermID { isPair ? TermID(bitPattern: low) : -1 }
    /// The second word id of a pair; `-1` for a word.
    var second: TermID { isPair ? TermID(bitPattern: high) : -1 }
}

/// Interns terms to dense ids and counts their document frequency over the active window.
///
/// A term lives while at least one article of an active story contains it: when its document
/// frequency drops back to zero its id is recycled, so memory follows the window, not the history.
///
/// Each id's `TermEntry` sits next to the head of the term's posting list (`TermRecord`), which the
/// table keeps for `PostingIndex`: an article reads both for every term, and so does closing a story.
struct TermTable: Sendable {
    private var words = WordIndex()
    private var pairs = PairTable()
    private var records: [TermRecord] = []
    /// The stem of each word (empty for a pair or a free id).
    private var stems: [String] = []
    /// A readable form of each word for explanations: the first surface word seen (`bankruptcy`, not
    /// `bankruptci`); empty for a pair (see `displayName(of:)`).
    private var displays: [String] = []
    private var freeIDs: [TermID] = []

    /// Terms currently alive.
    var count: Int { records.count - freeIDs.count }

    /// Slots allocated (alive or waiting for reuse): the bound of every array indexed by `TermID`.
    var capacity: Int { records.count }

    subscript(id: TermID) -> TermEntry {
        _read { yield records[Int(id)].entry }
        _modify { yield &records[Int(id)].entry }
    }

    /// The head of the term's posting list (see `PostingIndex`); empty for a free id.
    subscript(postings id: TermID) -> PostingHead {
        _read { yield records[Int(id)].postings }
        _modify { yield &records[Int(id)].postings }
    }

    /// Entries in the term's posting list: the active stories that use it.
    func postingCount(of id: TermID) -> Int { Int(records[Int(id)].postings.count) }

    /// The generation of an id: it changes when the id is released and reused for another term.
    func generation(of id: TermID) -> UInt32 { records[Int(id)].entry.generation }

    /// The id of an existing stemmed word, without creating it.
    func existingWord(_ stem: String) -> TermID? { words.find(stem, hash: WordIndex.hash(stem), stems: stems) }

    /// The id of a stemmed word, created if needed.
    mutating func word(_ stem: String, display: @autoclosure () -> String) -> TermID {
        let hash = WordIndex.hash(stem)
        if let id = words.find(stem, hash: hash, stems: stems) { return id }
        let id = allocate(TermEntry(), stem: stem, display: display())
        words.insert(id, hash: hash)
        return id
    }

    /// The id of an ordered pair of adjacent words, created if needed.
    mutating func pair(_ first: TermID, _ second: TermID) -> TermID {
        let hash = PairTable.hash(first, second)
        if let id = pairs.find(first, second, hash: hash, records: records) { return id }
        let id = allocate(TermEntry(first: first, second: second), stem: "", display: "")
        pairs.insert(id, hash: hash)
        return id
    }

    /// The readable form of a term: `mt gox` for a pair.
    func displayName(of id: TermID) -> String {
        let entry = self[id]
        return entry.isPair ? displays[Int(entry.first)] + " " + displays[Int(entry.second)] : displays[Int(id)]
    }

    /// The id of an existing pair, without creating it.
    func existingPair(_ first: TermID, _ second: TermID) -> TermID? {
        pairs.find(first, second, hash: PairTable.hash(first, second), records: records)
    }

    /// Counts `count` more (or, negative, fewer) active articles containing the term; returns `true`
    /// when the term has no article left and its id was released.
    @discardableResult
    mutating func adjustDocumentFrequency(of id: TermID, by count: Int32) -> Bool {
        records[Int(id)].entry.documentFrequency += count
        guard records[Int(id)].entry.documentFrequency <= 0 else { return false }
        release(id)
        return true
    }

    /// Counts one more active article containing each of `ids` (`adjustDocumentFrequency(of:by: 1)` for
    /// each, which never releases a term): one access to the records for the article, rather than a
    /// check of their storage's uniqueness per term.
    mutating func countDocument(containing ids: [TermID]) {
        records.withUnsafeMutableBufferPointer { records in
            for id in ids { records[Int(id)].entry.documentFrequency += 1 }
        }
    }

    private mutating func allocate(_ entry: TermEntry, stem: String, display: String) -> TermID {
        if let id = freeIDs.popLast() {
            let generation = records[Int(id)].entry.generation
            records[Int(id)].entry = entry
            records[Int(id)].entry.generation = generation
            // A free id's stem and display are empty already: a pair (most new terms) writes neither,
            // which spares two cache misses on arrays it never reads.
            if !stem.isEmpty { stems[Int(id)] = stem }
            if !display.isEmpty { displays[Int(id)] = display }
            return id
        }
        records.append(TermRecord(entry: entry))
        stems.append(stem)
        displays.append(display)
        return TermID(records.count - 1)
    }

    private mutating func release(_ id: TermID) {
        let entry = records[Int(id)].entry
        if entry.isPair {
            pairs.remove(id, hash: PairTable.hash(entry.first, entry.second))  // its stem and display are empty
        } else {
            words.remove(id, hash: WordIndex.hash(stems[Int(id)]))
            stems[Int(id)] = ""
            displays[Int(id)] = ""
        }
        // The posting list is empty by now (no active story uses the term): its head is reset too.
        records[Int(id)] = TermRecord(entry: TermEntry(generation: entry.generation &+ 1))
        freeIDs.append(id)
    }
}
