public import Foundation

/// Parses a configured interval: whole numbers each followed by a unit, `s`, `m`, `h` or `d`, largest unit
/// first and each at most once: "90s", "15m", "2h", "1h30m", "1d". White space around it is ignored.
///
/// Rejected, with the reason in the error: bare numbers ("900", since their unit would be a guess),
/// fractions ("1.5h"), other units or upper case ("15M"), units out of order ("30m1h") and zero ("0s").
public func parseInterval(_ text: String) throws(IntervalSyntaxError) -> TimeInterval {
    func failure(_ reason: IntervalSyntaxError.Reason) -> IntervalSyntaxError {
        IntervalSyntaxError(text: text, reason: reason)
    }
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
          let last = text.lastIndex(where: { !$0.isWhitespace })
    else { throw failure(.empty) }

    var totalSeconds = 0
    var number: Int?
    var smallestUnitSoFar = Int.max
    for character in text[first...last] {
        if character.isASCII, let digit = character.wholeNumberValue {
            let (shifted, overflowA) = (number ?? 0).multipliedReportingOverflow(by: 10)
            let (value, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { throw failure(.tooLarge) }
            number = value
        } else if let unitSeconds = secondsPerUnit(character) {
            guard let count = number else { throw failure(.missingNumber(unit: character)) }
            guard unitSeconds < smallestUnitSoFar else { throw failure(.unitOutOfOrder(character)) }
            let (seconds, overflowA) = count.multipliedReportingOverflow(by: unitSeconds)
            let (total, overflowB) = totalSeconds.addingReportingOverflow(seconds)
            guard !overflowA, !overflowB else { throw failure(.tooLarge) }
            totalSeconds = total
            smallestUnitSoFar = unitSeconds
            number = nil
        } else {
            throw failure(.unexpectedCharacter(character))
        }
    }
    guard number == nil else { throw failure(.missingUnit) }
    guard totalSeconds > 0 else { throw failure(.zero) }
    return TimeInterval(totalSeconds)
}

/// The length in seconds of an interval unit, or `nil` for a character that is none.
private func secondsPerUnit(_ unit: Character) -> Int? {
    switch unit {
    case "s": 1
    case "m": 60
    case "h": 3600
    case "d": 86400
    default: nil
    }
}
