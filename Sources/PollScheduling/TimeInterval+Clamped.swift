import Foundation

extension TimeInterval {
    /// The value moved into `range` when outside it.
    func clamped(to range: ClosedRange<TimeInterval>) -> TimeInterval {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
