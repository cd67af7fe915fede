import CivilCalendar

/// RFC 822 and its relatives, read as words in any reasonable order:
/// `[weekday,] day month year [time] [zone]`, `month day[,] year time`, asctime's
/// `weekday month day time year`. Works on lowercased bytes.
struct RFC822DateReader {
    let bytes: [UInt8]

    func read() -> Int? {
        var day: Int?, month: Int?, year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        var monthFromFirstWord = false
        var position = 0
        var index = 0
        while index < bytes.count {
            while index < bytes.count, isSeparator(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count, !isSeparator(bytes[index]) { index += 1 }
            let word = start..<index
            defer { position += 1 }
            let first = bytes[start]
            if first == UInt8(ascii: "+") || first == UInt8(ascii: "-"), time != nil || year != nil {
                guard offset == nil, let value = numericZone((start + 1)..<index) else { return nil }
                offset = first == UInt8(ascii: "-") ? -value : value
            } else if FeedDateParser.isDigit(first), bytes[word].contains(UInt8(ascii: ":")) {
                guard time == nil, let value = clock(word) else { return nil }
                time = value
            } else if bytes[word].allSatisfy(FeedDateParser.isDigit) {
                guard word.count <= 4, let value = number(word) else { return nil }
                if day == nil, word.count <= 2, year == nil || month == nil {
                    day = value
                } else if year == nil {
                    year = word.count <= 2 ? value + (value < 90 ? 2000 : 1900) : value
                } else {
                    return nil
                }
            } else if let value = splitDate(word) {
                (day, month, year) = value
            } else {
                let name = self.name(word)
                var monthName = name
                while monthName.hasSuffix(".") { monthName.removeLast() }
                if let value = DateVocabulary.month(monthName), month == nil || monthFromFirstWord {
                    // A first word that reads as a month ("mar." for mardi) was a weekday if
                    // another month follows.
                    monthFromFirstWord = month == nil && position == 0
                    month = value
                } else if DateVocabulary.isWeekday(name), day == nil, month == nil {
                    continue
                } else if offset == nil, time != nil || year != nil {
                    guard let value = zone(name) else {
                        if name.hasPrefix("(") { continue }
                        return nil
                    }
                    offset = value
                } else {
                    return nil
                }
            }
        }
        guard let day, let month, let year else { return nil }
        let clock = time ?? (0, 0, 0)
        let civil = CivilTime(
            year: year, month: month, day: day, hour: clock.0, minute: clock.1,
            second: clock.2, offset: offset ?? 0)
        return civil.secondsSince1970
    }

    private func isSeparator(_ byte: UInt8) -> Bool { FeedDateParser.isSpace(byte) || byte == UInt8(ascii: ",") }

    /// A word that is not a number, lowercased (ASCII was lowercased already).
    private func name(_ word: Range<Int>) -> String {
        let text = String(decoding: bytes[word], as: UTF8.self)
        return bytes[word].allSatisfy({ $0 < 0x80 }) ? text : text.lowercased()
    }

    private func number(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var value = 0
        for index in range {
            guard FeedDateParser.isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        return value
    }

    /// `hh:mm[:ss[.fff]]`, possibly glued to a zone such as `z`.
    private func clock(_ word: Range<Int>) -> (Int, Int, Int)? {
        var parts: [Range<Int>] = []
        var start = word.lowerBound
        for index in word where bytes[index] == UInt8(ascii: ":") {
            parts.append(start..<index)
            start = index + 1
        }
        parts.append(start..<word.upperBound)
        guard (2...3).contains(parts.count), let hour = number(parts[0]), let minute = number(parts[1]) else {
            return nil
        }
        var second = 0
        if parts.count == 3 {
            let digits = parts[2].prefix { FeedDateParser.isDigit(bytes[$0]) }
            guard let value = number(digits.startIndex..<digits.endIndex) else { return nil }
            second = value
        }
        return (hour, minute, second)
    }

    /// `hhmm`, `hh:mm` or `hh` after a sign, as seconds.
    private func numericZone(_ range: Range<Int>) -> Int? {
        let digits = range.filter { bytes[$0] != UInt8(ascii: ":") }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ FeedDateParser.isDigit(bytes[$0]) }) else {
            return nil
        }
        let value = digits.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
        let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        guard hours <= 18, minutes < 60 else { return nil }
        return hours * 3600 + minutes * 60
    }

    /// A zone name (`gmt`, `cest`, `etc/gmt`, `gmt+01:00`), as seconds east of UTC.
    private func zone(_ text: String) -> Int? {
        var name = Substring(text)
        if name.hasPrefix("etc/") { name = name.dropFirst(4) }
        if name.hasPrefix("gmt") || name.hasPrefix("utc"), name.count > 3 {
            let rest = Array(name.dropFirst(3).utf8)
            guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            let reader = RFC822DateReader(bytes: rest)
            guard let value = reader.numericZone(1..<rest.count) else { return nil }
            return sign == UInt8(ascii: "-") ? -value : value
        }
        return DateVocabulary.zoneOffset(String(name))
    }

    /// `06-nov-1994` or `06/11/1994` written as one word.
    private func splitDate(_ word: Range<Int>) -> (Int, Int, Int)? {
        var parts: [Range<Int>] = []
        var start = word.lowerBound
        for index in word
        where bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "/")
            || bytes[index] == UInt8(ascii: ".")
        {
            parts.append(start..<index)
            start = index + 1
        }
        parts.append(start..<word.upperBound)
        guard parts.count == 3, let day = number(parts[0]), let year = number(parts[2]) else { return nil }
        guard let month = number(parts[1]) ?? DateVocabulary.month(name(parts[1])) else { return nil }
        return (day, month, parts[2].count <= 2 ? year + (year < 90 ? 2000 : 1900) : year)
    }
}
