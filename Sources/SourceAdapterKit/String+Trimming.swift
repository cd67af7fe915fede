import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's cost when there is
    /// nothing to trim: a string that starts and ends with a visible ASCII character is returned
    /// as is (links and guids nearly always do; bridging each through NSString was most of the
    /// cost of deriving an article's keys).
    package func trimmingWhitespaceAndNewlines() -> String {
        if let first = utf8.first, let last = utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) {
            return self
        }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
