public import Foundation

/// Keeps poll fire times apart, as chrony does with its timeouts, so that hundreds of sources never fire in
/// the same instant even when their delays happen to coincide.
///
/// Times are offsets in seconds on any clock the caller chooses (e.g. seconds since the daemon started);
/// the functions only compare and shift them, they read no clock.
public enum PollSpacing {
    /// Fire times for sources that want to fire at `desired`, moved later where needed so that no two are
    /// closer than `separation`. The result is in the order of `desired`; a time is never moved earlier, and
    /// sources keep their order (ties broken by position in `desired`).
    public static func schedule(_ desired: [TimeInterval], separation: TimeInterval) -> [TimeInterval] {
        var scheduled = desired
        let order = desired.indices.sorted { (desired[$0], $0) < (desired[$1], $1) }
        var previous: TimeInterval?
        for index in order {
            if let previous {
                scheduled[index] = max(desired[index], previous + separation)
            }
            previous = scheduled[index]
        }
        return scheduled
    }

    /// The earliest fire time at or after `desired` that is at least `separation` away from every time in
    /// `occupied` (the fire times already scheduled, sorted ascending). Used when one source is rescheduled
    /// while the others keep theirs.
    public static func earliestSlot(for desired: TimeInterval, avoiding occupied: [TimeInterval],
                                    separation: TimeInterval) -> TimeInterval {
        var candidate = desired
        for time in occupied {
            if time <= candidate - separation { continue }
            if time >= candidate + separation { break }
            candidate = time + separation
        }
        return candidate
    }
}
