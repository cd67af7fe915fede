/// Sums partial dot products per story slot while posting lists are scanned, remembering which
/// slots were touched so that resetting costs only what was used.
struct ScoreAccumulator: Sendable {
    private var sums: [Float] = []
    private var touched: [Int32] = []

    /// Adds `value` to the sum of `slot`.
    mutating func add(_ value: Float, to slot: Int32) {
        let index = Int(slot)
        if index >= sums.count { sums.append(contentsOf: repeatElement(0, count: index + 1 - sums.count)) }
        if sums[index] == 0 { touched.append(slot) }
        sums[index] += value
    }

    /// Hands every touched slot and its sum to `body`, then resets.
    mutating func drain(_ body: (Int32, Float) -> Void) {
        for slot in touched {
            body(slot, sums[Int(slot)])
            sums[Int(slot)] = 0
        }
        touched.removeAll(keepingCapacity: true)
    }
}
