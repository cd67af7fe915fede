import Foundation

/// Exponential backoff after failed polls, before jitter: `base × 2^(failures - 1)`, capped.
enum FailureBackoff {
    /// The delay after `failures` consecutive failures (1 for the first). It reaches `cap` and stays there,
    /// however many failures follow: the policy never gives up on a source.
    static func delay(afterFailures failures: Int, base: TimeInterval, cap: TimeInterval) -> TimeInterval {
        // 2^62 seconds is beyond any cap; limiting the exponent keeps the arithmetic finite.
        let exponent = Double(min(max(failures - 1, 0), 62))
        return min(cap, max(0, base) * pow(2, exponent))
    }
}
