/// What `TermTable` keeps for one term id: the term's entry and the head of its posting list side by
/// side (28 bytes), so that the cache line read to weigh a term also tells how many active stories use
/// it and which one first: ranking an article, joining a story and closing one each read both, per term.
struct TermRecord: Sendable {
    var entry: TermEntry
    /// Kept for `PostingIndex`, which holds the rest of the list.
    var postings = PostingHead()
}
