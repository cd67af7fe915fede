/// Why a configured interval such as "15m" was rejected; its description says what is accepted.
public struct IntervalSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What exactly is wrong with the text.
    public enum Reason: Sendable, Equatable {
        /// Nothing but white space.
        case empty
        /// A character that is neither a digit nor one of the units s, m, h, d.
        case unexpectedCharacter(Character)
        /// A unit with no number before it, as in "h" or "1hm".
        case missingNumber(unit: Character)
        /// A number with no unit after it, as in "900" or "1h30".
        case missingUnit
        /// A unit repeated or after a smaller one, as in "30m1h" or "1m1m".
        case unitOutOfOrder(Character)
        /// A total of zero seconds, which is no interval.
        case zero
        /// A total too large to represent.
        case tooLarge
    }

    /// The text as it was configured.
    public var text: String
    /// What is wrong with it.
    public var reason: Reason

    /// Creates an error about `text`.
    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// A sentence for the person who wrote the configuration.
    public var description: String {
        "invalid interval \"\(text)\": \(problem); write whole numbers each followed by a unit, s, m, h or d, "
            + "largest unit first, such as 90s, 15m, 2h, 1h30m or 1d"
    }

    private var problem: String {
        switch reason {
        case .empty: "it is empty"
        case .unexpectedCharacter(let character): "unexpected character \"\(character)\""
        case .missingNumber(let unit): "no number before \"\(unit)\""
        case .missingUnit: "a number has no unit"
        case .unitOutOfOrder(let unit): "unit \"\(unit)\" is repeated or follows a smaller unit"
        case .zero: "it is zero"
        case .tooLarge: "it is too large"
        }
    }
}
