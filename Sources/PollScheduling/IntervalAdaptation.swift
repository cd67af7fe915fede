import Foundation

/// How the interval follows the publishing rate of a source, in the manner of systemd-timesyncd: it lengthens
/// gently while polls bring nothing new and shortens quickly when they bring several items.
enum IntervalAdaptation {
    /// The interval after a poll that found `newItems` new articles.
    ///
    /// - none new: longer by `lengthenFactor`;
    /// - exactly one: unchanged, since one new item per poll is the pace aimed at;
    /// - two or more: shorter by `shortenFactor`, since items waited for us.
    ///
    /// The result stays within `configuration.intervalRange`.
    static func interval(after newItems: Int, from interval: TimeInterval,
                         configuration: PollPolicyConfiguration) -> TimeInterval {
        let adapted: TimeInterval
        switch newItems {
        case ...0: adapted = interval * max(1, configuration.lengthenFactor)
        case 1: adapted = interval
        default: adapted = interval / max(1, configuration.shortenFactor)
        }
        return adapted.clamped(to: configuration.intervalRange)
    }
}
