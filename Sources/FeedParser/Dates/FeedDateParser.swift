/// Reads the dates feeds publish, by hand and without Foundation's formatters: RFC 822/1123
/// (with or without weekday, seconds or zone; named zones; two-digit years; day and month in
/// either order; months in several languages), asctime, and ISO 8601 / W3C-DTF (partial dates,
/// fractions, `Z`, `±hh:mm`, `±hhmm`, a space for the `T`).
public enum FeedDateParser {
    /// Seconds since 1970 (UTC) of `text`, or nil when it is not a date or not a possible one.
    public static func secondsSince1970(_ text: String) -> Int? {
        let lowered = text.trimmingWhitespace().lowercased()
        guard !lowered.isEmpty, lowered.utf8.count < 100 else { return nil }
        let bytes = Array(lowered.utf8)
        if bytes.count >= 4, bytes[0..<4].allSatisfy(isDigit) {
            var reader = ISODateReader(bytes: bytes)
            if let seconds = reader.read() { return seconds }
        }
        return RFC822DateReader(text: lowered).read()
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// ISO 8601 / W3C-DTF: `YYYY[-MM[-DD]][(T| )hh[:mm[:ss[.f]]]][Z|±hh[:mm]|±hhmm| zone]`, and the
/// compact `YYYYMMDD[Thhmmss]` form.
private struct ISODateReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func read() -> Int? {
        guard let year = number(digits: 4) else { return nil }
        var month = 1, day = 1
        if skip("-") {
            guard let value = number(maxDigits: 2) else { return nil }
            month = value
            if skip("-") {
                guard let value = number(maxDigits: 2) else { return nil }
                day = value
            }
        } else if let value = number(digits: 2) {
            month = value
            guard let value = number(digits: 2) else { return nil }
            day = value
        }
        var time = CivilTime(year: year, month: month, day: day)
        if index < bytes.count, bytes[index] == UInt8(ascii: "t") || bytes[index] == UInt8(ascii: " ") {
            let save = index
            index += 1
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            if let hour = number(maxDigits: 2) {
                time.hour = hour
                if skip(":") {
                    guard let minute = number(maxDigits: 2) else { return nil }
                    time.minute = minute
                    if skip(":") {
                        guard let second = number(maxDigits: 2) else { return nil }
                        time.second = second
                    }
                } else if let minute = number(digits: 2) {
                    time.minute = minute
                    if let second = number(digits: 2) { time.second = second }
                }
                if skip(".") || skip(",") { while index < bytes.count, FeedDateParser.isDigit(bytes[index]) { index += 1 } }
            } else {
                index = save
            }
        }
        guard let offset = zone() else { return nil }
        time.offset = offset
        return time.secondsSince1970
    }

    private mutating func zone() -> Int? {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte == UInt8(ascii: "z") {
            index += 1
            return index == bytes.count ? 0 : nil
        }
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
            index += 1
            guard let hours = number(maxDigits: 2) else { return nil }
            var minutes = 0
            if skip(":") {
                guard let value = number(maxDigits: 2) else { return nil }
                minutes = value
            } else if let value = number(digits: 2) {
                minutes = value
            }
            guard index == bytes.count, minutes < 60 else { return nil }
            let seconds = hours * 3600 + minutes * 60
            return byte == UInt8(ascii: "-") ? -seconds : seconds
        }
        let name = String(decoding: bytes[index...], as: UTF8.self)
        return DateVocabulary.zoneOffset(name)
    }

    private mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    private mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count, bytes[index..<index + digits].allSatisfy(FeedDateParser.isDigit) else {
            return nil
        }
        return number(maxDigits: digits)
    }

    private mutating func number(maxDigits: Int) -> Int? {
        var value = 0
        let start = index
        while index < bytes.count, index - start < maxDigits, FeedDateParser.isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        return index > start ? value : nil
    }
}

/// RFC 822 and its relatives, read as whitespace-separated words in any reasonable order:
/// `[weekday,] day month year [time] [zone]`, `month day[,] year time`, asctime's
/// `weekday month day time year`.
private struct RFC822DateReader {
    let words: [Substring]

    init(text: String) {
        words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    }

    func read() -> Int? {
        var day: Int?, month: Int?, year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        for word in words {
            if let first = word.first, first == "+" || first == "-", time != nil || year != nil {
                guard offset == nil, let value = numericZone(word.dropFirst()) else { return nil }
                offset = first == "-" ? -value : value
            } else if word.contains(":") {
                guard time == nil, let value = clock(word) else { return nil }
                time = value
            } else if word.allSatisfy(\.isNumber) {
                guard let value = Int(word) else { return nil }
                if day == nil, word.count <= 2, year == nil || month == nil {
                    day = value
                } else if year == nil {
                    year = word.count <= 2 ? value + (value < 90 ? 2000 : 1900) : value
                } else {
                    return nil
                }
            } else if let value = splitDate(word) {
                (day, month, year) = value
            } else if month == nil, let value = DateVocabulary.month(String(word.trimmingCharacters("."))) {
                month = value
            } else if DateVocabulary.isWeekday(String(word)), day == nil, month == nil {
                continue
            } else if offset == nil, time != nil || year != nil {
                var name = String(word)
                if name.hasPrefix("etc/") { name.removeFirst(4) }
                if name.hasPrefix("gmt") || name.hasPrefix("utc"), name.count > 3,
                   let sign = name.dropFirst(3).first, sign == "+" || sign == "-",
                   let value = numericZone(name.dropFirst(4)) {
                    offset = sign == "-" ? -value : value
                } else if let value = DateVocabulary.zoneOffset(name) {
                    offset = value
                } else if name.hasPrefix("(") {
                    continue
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        let clock = time ?? (0, 0, 0)
        let civil = CivilTime(year: year, month: month, day: day, hour: clock.0, minute: clock.1,
                              second: clock.2, offset: offset ?? 0)
        return civil.secondsSince1970
    }

    /// `hh:mm[:ss[.fff]]`, possibly glued to a zone such as `Z`.
    private func clock(_ word: Substring) -> (Int, Int, Int)? {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        var second = 0
        if parts.count == 3 {
            let digits = parts[2].prefix(while: \.isNumber)
            guard !digits.isEmpty, let value = Int(digits) else { return nil }
            second = value
        }
        return (hour, minute, second)
    }

    /// `hhmm` or `hh:mm` or `hh` after a sign, as seconds.
    private func numericZone(_ text: Substring) -> Int? {
        let digits = text.filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isNumber), let value = Int(digits) else {
            return nil
        }
        let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        guard hours <= 18, minutes < 60 else { return nil }
        return hours * 3600 + minutes * 60
    }

    /// `06-nov-1994` or `06/11/1994` written as one word.
    private func splitDate(_ word: Substring) -> (Int, Int, Int)? {
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]) else { return nil }
        let month = Int(parts[1]) ?? DateVocabulary.month(String(parts[1]))
        guard let month else { return nil }
        return (day, month, parts[2].count <= 2 ? year + (year < 90 ? 2000 : 1900) : year)
    }
}

private extension Substring {
    func trimmingCharacters(_ characters: Character) -> Substring {
        var text = self
        while text.last == characters { text.removeLast() }
        return text
    }
}
