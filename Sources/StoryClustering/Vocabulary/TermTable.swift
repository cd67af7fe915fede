/// Dense integer id of a term (a stemmed word or a pair of adjacent stemmed words).
typealias TermID = Int32

/// What the clusterer reads about one term of the active window for every article that uses it: a
/// small struct of numbers, in one dense array, so that weighing a term touches one cache line. The
/// term's spelling lives apart (`TermTable.stem(of:)`, `displayName(of:)`).
struct TermEntry: Sendable {
    /// Articles of the active window that contain the term.
    var documentFrequency: Int32 = 0
    /// Uses of the word with a capital letter inside sentence-case text, decayed (see `CapitalisationStatistics`).
    var capitalisedUses: Float = 0
    /// Uses of the word in lowercase inside sentence-case text, decayed.
    var lowercaseUses: Float = 0
    /// Bumped each time the id is released, so that caches holding ids can tell they are stale.
    var generation: UInt32 = 0
    /// The two word ids of a pair; `-1` for a word.
    var first: TermID = -1
    var second: TermID = -1

    /// Whether the term is a pair of adjacent words.
    var isPair: Bool { first >= 0 }
}

/// Interns terms to dense ids and counts their document frequency over the active window.
///
/// A term lives while at least one article of an active story contains it: when its document
/// frequency drops back to zero its id is recycled, so memory follows the window, not the history.
struct TermTable: Sendable {
    private var words: [String: TermID] = [:]
    private var pairs = PairTable()
    private(set) var entries: [TermEntry] = []
    /// The stem of each word (empty for a pair or a free id).
    private var stems: [String] = []
    /// A readable form of each word for explanations: the first surface word seen (`bankruptcy`, not
    /// `bankruptci`); empty for a pair (see `displayName(of:)`).
    private var displays: [String] = []
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
        let id = allocate(TermEntry(), stem: stem, display: display())
        words[stem] = id
        return id
    }

    /// The id of an ordered pair of adjacent words, created if needed.
    mutating func pair(_ first: TermID, _ second: TermID) -> TermID {
        if let id = pairs[first, second] { return id }
        let id = allocate(TermEntry(first: first, second: second), stem: "", display: "")
        pairs.insert(first, second, term: id)
        return id
    }

    /// The readable form of a term: `mt gox` for a pair.
    func displayName(of id: TermID) -> String {
        let entry = self[id]
        return entry.isPair ? displays[Int(entry.first)] + " " + displays[Int(entry.second)] : displays[Int(id)]
    }

    /// The id of an existing pair, without creating it.
    func existingPair(_ first: TermID, _ second: TermID) -> TermID? { pairs[first, second] }

    /// Counts `count` more (or, negative, fewer) active articles containing the term; returns `true`
    /// when the term has no article left and its id was released.
    @discardableResult
    mutating func adjustDocumentFrequency(of id: TermID, by count: Int32) -> Bool {
        entries[Int(id)].documentFrequency += count
        guard entries[Int(id)].documentFrequency <= 0 else { return false }
        release(id)
        return true
    }

    private mutating func allocate(_ entry: TermEntry, stem: String, display: String) -> TermID {
        if let id = freeIDs.popLast() {
            let generation = entries[Int(id)].generation
            entries[Int(id)] = entry
            entries[Int(id)].generation = generation
            stems[Int(id)] = stem
            displays[Int(id)] = display
            return id
        }
        entries.append(entry)
        stems.append(stem)
        displays.append(display)
        return TermID(entries.count - 1)
    }

    private mutating func release(_ id: TermID) {
        let entry = entries[Int(id)]
        if entry.isPair {
            pairs.remove(entry.first, entry.second)
        } else {
            words[stems[Int(id)]] = nil
        }
        entries[Int(id)] = TermEntry(generation: entry.generation &+ 1)
        stems[Int(id)] = ""
        displays[Int(id)] = ""
        freeIDs.append(id)
    }
}
