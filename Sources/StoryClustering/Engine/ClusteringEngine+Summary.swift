/// Building a story's summary from its exemplars.
extension ClusteringEngine {
    /// The summary of an active story, or `nil` if it is closed or unknown.
    func summary(of id: StoryID) -> StorySummary? {
        guard let slot = slots.slot(of: id) else { return nil }
        let story = slots[slot]
        let brief = BriefWriter(exemplars: story.exemplars) { self.similarity($0, toStoryIn: slot) }
        let headline = brief.headline()
        return StorySummary(id: id, headline: headline.text, outlets: story.outlets.map(\.name),
                            articleCount: story.articleCount, brief: brief.keySentences(excluding: headline))
    }

    /// The size and outlets of an active story, without its text.
    func outline(of id: StoryID) -> (articleCount: Int, outlets: [String])? {
        guard let slot = slots.slot(of: id) else { return nil }
        return (slots[slot].articleCount, slots[slot].outlets.map(\.name))
    }
}
