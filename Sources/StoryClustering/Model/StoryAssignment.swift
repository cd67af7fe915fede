/// The outcome of adding one article.
public struct StoryAssignment: Sendable, Equatable {
    /// The story the article belongs to now.
    public var story: StoryID
    /// Whether the article started `story` (a `story.new` event).
    public var isNewStory: Bool
    /// Why the article joined `story` (or, for a new story, how close the nearest one came).
    public var explanation: JoinExplanation
    /// Stories that this article showed to be the same event as `story` and that were merged into it:
    /// their articles now belong to `story`, and their ids are closed.
    public var absorbedStories: [StoryID]

    /// An outcome; `absorbedStories` is empty unless stories were merged.
    public init(story: StoryID, isNewStory: Bool, explanation: JoinExplanation, absorbedStories: [StoryID] = []) {
        self.story = story
        self.isNewStory = isNewStory
        self.explanation = explanation
        self.absorbedStories = absorbedStories
    }
}
