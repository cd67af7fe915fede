/// Dense integer id of a term (a stemmed word or a pair of adjacent stemmed words).
typealias TermID = Int32

/// What the clusterer knows about one term of the active window.
struct TermEntry: Sendable {
    /// The stem, or the two word ids of a pair.
    enum Key: Hashable, Sendable {
        case word(String)
        case pair(TermID, TermID)
    }

    var key: Key
    /// A readable form of a word for explanations: the first surface word seen (`bankruptcy`, not
    /// `bankruptci`); empty for a pair (see `TermTable.displayName(of:)`).
    var display: String
    /// Articles of the active window that contain the term.
    var documentFrequency: Int32 = 0
    /// Uses of the word with a capital letter inside sentence-case text, decayed (see `CapitalisationStatistics`).
    var capitalisedUses: Float = 0
    /// Uses of the word in lowercase inside sentence-case text, decayed.
    var lowercaseUses: Float = 0
    /// Bumped each time the id is released, so that caches holding ids can tell they are stale.
    var generation: UInt32 = 0
}

/// Interns terms to dense ids and counts their document frequency over the active window.
///
/// A term lives while at least one article of an active story contains it: when its document
/// frequency drops back to zero its id is recycled, so memory follows the window, not the history.
struct TermTable: Sendable {
    private var words: [String: TermID] = [:]
    private var pairs: [UInt64: TermID] = [:]
    private(set) var entries: [TermEntry] = []
    private var freeIDs: [TermID] = []

    /// Terms currently alive.
    var count: Int { entries.count - freeIDs.count }

    /// Slots allocated (alive or waiting for reuse): the bound of every array indexed by `TermID`.
    var capacity: Int { entries.count }

    subscript(id: TermID) -> TermEntry {
        get { entries[Int(id)] }
        _modify { yield &entries[Int(id)] }
    }

    /// The generation of an id: it changes when the id is released and reused for another term.
    func generation(of id: TermID) -> UInt32 { entries[Int(id)].generation }

    /// The id of an existing stemmed word, without creating it.
    func existingWord(_ stem: String) -> TermID? { words[stem] }

    /// The id of a stemmed word, created if needed.
    mutating func word(_ stem: String, display: @autoclosure () -> String) -> TermID {
        if let id = words[stem] { return id }
        let id = allocate(TermEntry(key: .word(stem), display: display()))
        words[stem] = id
        return id
    }

    /// The id of an ordered pair of adjacent words, created if needed.
    mutating func pair(_ first: TermID, _ second: TermID) -> TermID {
        let key = Self.pairKey(first, second)
        if let id = pairs[key] { return id }
        let id = allocate(TermEntry(key: .pair(first, second), display: ""))
        pairs[key] = id
        return id
    }

    /// The readable form of a term: `mt gox` for a pair.
    func displayName(of id: TermID) -> String {
        switch self[id].key {
        case .word: return self[id].display
        case .pair(let first, let second): return self[first].display + " " + self[second].display
        }
    }

    /// The id of an existing pair, without creating it.
    func existingPair(_ first: TermID, _ second: TermID) -> TermID? { pairs[Self.pairKey(first, second)] }

    private static func pairKey(_ first: TermID, _ second: TermID) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// Counts `count` more (or, negative, fewer) active articles containing the term; returns `true`
    /// when the term has no article left and its id was released.
    @discardableResult
    mutating func adjustDocumentFrequency(of id: TermID, by count: Int32) -> Bool {
        entries[Int(id)].documentFrequency += count
        guard entries[Int(id)].documentFrequency <= 0 else { return false }
        release(id)
        return true
    }

    private mutating func allocate(_ entry: TermEntry) -> TermID {
        if let id = freeIDs.popLast() {
            let generation = entries[Int(id)].generation
            entries[Int(id)] = entry
            entries[Int(id)].generation = generation
            return id
        }
        entries.append(entry)
        return TermID(entries.count - 1)
    }

    private mutating func release(_ id: TermID) {
        switch entries[Int(id)].key {
        case .word(let stem): words[stem] = nil
        case .pair(let first, let second): pairs[Self.pairKey(first, second)] = nil
        }
        let generation = entries[Int(id)].generation &+ 1
        entries[Int(id)] = TermEntry(key: .word(""), display: "", generation: generation)
        freeIDs.append(id)
    }
}
