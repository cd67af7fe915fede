import CivilCalendar

/// ISO 8601 / W3C-DTF: `YYYY[-MM[-DD]][(T| )hh[:mm[:ss[.f]]]][Z|±hh[:mm]|±hhmm| zone]`, and the
/// compact `YYYYMMDD[Thhmmss]` form.
struct ISODateReader {
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
                if skip(".") || skip(",") {
                    while index < bytes.count, FeedDateParser.isDigit(bytes[index]) { index += 1 }
                }
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
