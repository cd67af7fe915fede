/// When a story's headline and brief are worth choosing again.
///
/// Picking them is a pass over the story's central articles; doing it on every join made it most of
/// the cost of a large poll. They are picked again when the story is new, small, merged, reaches a
/// new outlet or doubles in size, so the text follows the story while the work stays logarithmic.
enum StoryTextRefresh {
    /// - Parameters:
    ///   - storedOutlets: the outlets the stored story had, nil for a story not stored yet.
    ///   - articleCount: the story's size now.
    ///   - outlets: its outlets now.
    ///   - merged: whether other stories were just folded into it.
    static func isDue(storedOutlets: [String]?, articleCount: Int, outlets: [String], merged: Bool) -> Bool {
        guard let storedOutlets else { return true }
        if merged || Set(storedOutlets) != Set(outlets) || articleCount <= 4 { return true }
        return articleCount & (articleCount - 1) == 0
    }
}
