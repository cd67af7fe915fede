import NewswireStore

/// The story rows a feed's batch touches: each read from the store at most once, and written once
/// when the batch ends instead of read and rewritten for every article that joins.
///
/// Lives for one transaction. Reads go through it, so that an article sees what an earlier article
/// of the same batch made of its story, exactly as if every change had been written at once. A
/// story not stored yet is written at once: the rows of its articles refer to it.
struct StoryRows {
    private var rows: [Int64: StoredStory] = [:]
    /// Stories changed in this batch and not written yet, in the order they were first changed.
    private var dirty: [Int64] = []
    private var isDirty: Set<Int64> = []

    /// The story as it stands in this batch.
    mutating func story(id: Int64, tx: some StoreAccess) throws -> StoredStory? {
        if let row = rows[id] { return row }
        let stored = try tx.story(id: id)
        if let stored { rows[id] = stored }
        return stored
    }

    /// Records the story's new state: written now when the story is not stored yet, otherwise by
    /// `flush(tx:)`.
    mutating func save(_ story: StoredStory, tx: some StoreAccess) throws {
        guard rows.updateValue(story, forKey: story.id) != nil else {
            try tx.saveStory(story)
            return
        }
        if isDirty.insert(story.id).inserted { dirty.append(story.id) }
    }

    /// Writes the rows of `ids` now, if they are waiting (before a statement that needs them stored).
    mutating func flush(_ ids: [Int64], tx: some StoreAccess) throws {
        for id in ids where isDirty.remove(id) != nil {
            if let row = rows[id] { try tx.saveStory(row) }
            dirty.removeAll { $0 == id }
        }
    }

    /// Writes every row changed in this batch.
    mutating func flush(tx: some StoreAccess) throws {
        for id in dirty {
            if let row = rows[id] { try tx.saveStory(row) }
        }
        dirty.removeAll()
        isDirty.removeAll()
    }
}
