import Foundation

/// Spreads a delay around its target without leaving its bounds, so that sources which once fired together
/// drift apart instead of staying in lockstep.
enum BoundedJitter {
    /// A delay drawn uniformly from `target ± fraction`, kept within `floor...ceiling`.
    ///
    /// When the floor (a server hint or the minimum interval) is above the low end of that window, the window
    /// starts at the floor and reaches `floor × (1 + fraction)`: a lower bound is never undercut, yet sources
    /// that share one still do not fire in the same second. `random` is uniform in 0..<1.
    static func delay(around target: TimeInterval, fraction: Double, floor: TimeInterval, ceiling: TimeInterval,
                      random: Double) -> TimeInterval {
        var low = target * (1 - fraction)
        var high = target * (1 + fraction)
        if low < floor {
            low = floor
            high = max(high, floor * (1 + fraction))
        }
        high = min(high, max(ceiling, floor))
        low = min(low, high)
        let unit = min(max(random, 0), 1)
        return low + unit * (high - low)
    }
}
