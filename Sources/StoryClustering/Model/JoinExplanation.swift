/// Why an article joined (or started) a story.
public struct JoinExplanation: Sendable, Equatable, Codable {
    /// The similarity to the story joined; for a new story, the best similarity found (below the threshold).
    public var score: Double
    /// The terms shared with the story that weighed most in `score`, heaviest first (readable forms,
    /// such as `mali`, `armed groups`).
    public var sharedTerms: [String]
    /// The join threshold in force when the decision was made (lower while the window warms up; absent
    /// in explanations stored before it existed).
    public var threshold: Double?

    /// An explanation; `threshold` is optional for compatibility with stored ones.
    public init(score: Double, sharedTerms: [String], threshold: Double? = nil) {
        self.score = score
        self.sharedTerms = sharedTerms
        self.threshold = threshold
    }
}
