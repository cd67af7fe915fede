/// How many requests may run at once, per host and in all.
public struct RequestLimits: Sendable, Equatable {
    /// Requests running at once to one host (default 2), so that no outlet sees us as a crowd.
    public var perHost: Int
    /// Requests running at once in all (default 8), so that the daemon stays light on its machine.
    public var overall: Int

    /// Creates limits; a value below 1 counts as 1, since a limit of 0 would stall every request.
    public init(perHost: Int = 2, overall: Int = 8) {
        self.perHost = max(1, perHost)
        self.overall = max(1, overall)
    }
}
