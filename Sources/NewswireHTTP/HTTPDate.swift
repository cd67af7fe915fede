import CivilCalendar
public import Foundation

/// Parses the three date formats HTTP allows (RFC 9110 §5.6.7): IMF-fixdate
/// ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime
/// ("Sun Nov  6 08:49:37 1994"). Pure arithmetic: no locale, no formatter, any thread.
public enum HTTPDate {
    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun",
        "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// The instant `text` names, or `nil` when it is not an HTTP date.
    public static func parse(_ text: String) -> Date? {
        let tokens = text.split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() }
        guard let monthIndex = tokens.firstIndex(where: { months.contains($0) }),
            let month = months.firstIndex(of: tokens[monthIndex])
        else { return nil }
        let numbers = tokens.enumerated().compactMap { index, token in Int(token).map { (index, $0) } }
        guard numbers.count == 5, let firstNumber = numbers.first?.0 else { return nil }
        let values = numbers.map(\.1)
        let (day, year, hour, minute, second) =
            monthIndex < firstNumber
            ? (values[0], values[4], values[1], values[2], values[3])  // asctime
            : (values[0], values[1], values[2], values[3], values[4])
        let fullYear = year < 100 ? (year < 70 ? 2000 + year : 1900 + year) : year
        guard (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        let days = CivilTime.daysSince1970(year: fullYear, month: month + 1, day: day)
        return Date(timeIntervalSince1970: TimeInterval(((days * 24 + hour) * 60 + minute) * 60 + second))
    }
}
