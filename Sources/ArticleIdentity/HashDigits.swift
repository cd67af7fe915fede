/// A hash written in base 16 or 36 as `String(value, radix:)` writes it (lowercase digits, no leading
/// zeros), without its generic conversion: two of these are made for every item of every poll.
enum HashDigits {
    private static let digits: StaticString = "0123456789abcdefghijklmnopqrstuvwxyz"

    /// `String(value, radix: radix)` for a radix from 2 to 36.
    static func string(_ value: UInt64, radix: UInt64) -> String {
        precondition((2...36).contains(radix))
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var remaining = value
            var start = 64
            repeat {
                start -= 1
                buffer[start] = digits.utf8Start[Int(remaining % radix)]
                remaining /= radix
            } while remaining > 0
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<64]), as: UTF8.self)
        }
    }
}
