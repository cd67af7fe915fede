/// One story's entry in a term's posting list.
struct Posting: Sendable {
    /// Where the story lives in `StorySlots`.
    var slot: Int32
    /// The term's mass in the story's centroid (mirrors `StoryTerm.mass`).
    var mass: Float
}

/// The inverted index from terms to the active stories that use them, so that an article is
/// compared only with stories sharing at least one of its terms.
///
/// Each story knows the index of its entry in every list (`StoryTerm.posting`), so entries are
/// updated and removed in constant time; removal moves the last entry of the list into the hole.
///
/// Most terms (names, topic words, pairs) are used by one active story, and every term of an article is
/// looked up: a list's length and first entry (`PostingHead`) sit in the term's record in `TermTable`,
/// next to the entry read to weigh the term, so that such a term costs no read of its own; only the
/// entries after the first live here, in a list per term.
struct PostingIndex: Sendable {
    /// The entries after the first, by term.
    private var rest: [[Posting]] = []

    /// Makes room for every term id below `capacity`.
    mutating func reserve(terms capacity: Int) {
        if rest.count < capacity { rest.append(contentsOf: repeatElement([], count: capacity - rest.count)) }
    }

    /// Adds an entry and returns its index in the term's list.
    mutating func append(_ posting: Posting, to term: TermID, in table: inout TermTable) -> Int32 {
        // The head is updated in one access (each write to `table[postings:]` checked the table's
        // storage for uniqueness), and `rest` is touched only when the list already has an entry.
        let index = Self.count(posting, in: &table[postings: term])
        if index > 0 { rest[Int(term)].append(posting) }
        return index
    }

    /// Counts one more entry in a list's head, storing it there if it is the first; returns its index.
    private static func count(_ posting: Posting, in head: inout PostingHead) -> Int32 {
        let index = head.count
        if index == 0 { head.first = posting }
        head.count = index + 1
        return index
    }

    /// Adds `delta` to the mass of the entry at `index` of `term`'s list.
    mutating func add(_ delta: Float, at index: Int32, of term: TermID, in table: inout TermTable) {
        if index == 0 {
            table[postings: term].first.mass += delta
        } else {
            rest[Int(term)][Int(index) - 1].mass += delta
        }
    }

    /// Frees the storage of a released term's list (empty by then; the table resets its head), so that
    /// a recycled id starts small.
    mutating func release(_ term: TermID) {
        rest[Int(term)] = []
    }

    /// Removes the entry at `index` of `term`'s list by moving the last entry into its place, and
    /// returns the moved entry (whose story must learn its new index), if any.
    mutating func remove(at index: Int, of term: TermID, in table: inout TermTable) -> Posting? {
        let last = Int(table[postings: term].count) - 1
        table[postings: term].count = Int32(last)
        guard last > 0 else { return nil }
        let moved = rest[Int(term)].removeLast()
        guard index != last else { return nil }
        if index == 0 {
            table[postings: term].first = moved
        } else {
            rest[Int(term)][index - 1] = moved
        }
        return moved
    }

    /// Calls `body` with every entry of `term`'s list.
    func forEachPosting(of term: TermID, in table: TermTable, _ body: (Posting) -> Void) {
        let head = table[postings: term]
        guard head.count > 0 else { return }
        body(head.first)
        guard head.count > 1 else { return }
        rest[Int(term)].withUnsafeBufferPointer { entries in
            for posting in entries { body(posting) }
        }
    }
}

/// The length of a term's posting list and its first entry.
struct PostingHead: Sendable {
    var count: Int32 = 0
    var first = Posting(slot: -1, mass: 0)
}
