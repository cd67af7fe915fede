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
struct PostingIndex: Sendable {
    private var lists: [[Posting]] = []
    /// The length of each list, in a dense array of its own: reading it for every term of an article
    /// must not chase each list's storage.
    private var lengths: [Int32] = []

    /// Makes room for every term id below `capacity`.
    mutating func reserve(terms capacity: Int) {
        if lists.count < capacity {
            lists.append(contentsOf: repeatElement([], count: capacity - lists.count))
            lengths.append(contentsOf: repeatElement(0, count: capacity - lengths.count))
        }
    }

    /// Adds an entry and returns its index in the term's list.
    mutating func append(_ posting: Posting, to term: TermID) -> Int32 {
        lists[Int(term)].append(posting)
        lengths[Int(term)] += 1
        return lengths[Int(term)] - 1
    }

    /// Adds `delta` to the mass of the entry at `index` of `term`'s list.
    mutating func add(_ delta: Float, at index: Int32, of term: TermID) {
        lists[Int(term)][Int(index)].mass += delta
    }

    /// Frees the storage of a released term's list (empty by then), so that a recycled id starts small.
    mutating func release(_ term: TermID) {
        lists[Int(term)] = []
    }

    /// Removes the entry at `index` of `term`'s list by moving the last entry into its place, and
    /// returns the moved entry (whose story must learn its new index), if any.
    mutating func remove(at index: Int, of term: TermID) -> Posting? {
        lengths[Int(term)] -= 1
        let last = lists[Int(term)].count - 1
        if index == last {
            lists[Int(term)].removeLast()
            return nil
        }
        lists[Int(term)].swapAt(index, last)
        lists[Int(term)].removeLast()
        return lists[Int(term)][index]
    }

    /// Entries in `term`'s list.
    func count(of term: TermID) -> Int { Int(lengths[Int(term)]) }

    /// Calls `body` with every entry of `term`'s list.
    func forEachPosting(of term: TermID, _ body: (Posting) -> Void) {
        lists[Int(term)].withUnsafeBufferPointer { entries in
            for posting in entries { body(posting) }
        }
    }
}
