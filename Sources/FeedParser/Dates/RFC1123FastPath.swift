import CivilCalendar

/// The shape most RSS dates have, read at fixed offsets without allocating:
/// `Www, DD Mmm YYYY HH:MM:SS GMT` or `… +hhmm` / `… -hhmm` (one-digit days too). Anything else
/// returns nil and goes to the general readers.
enum RFC1123FastPath {
    static func read(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var bytes = text[...]
        while let first = bytes.first, FeedDateParser.isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, FeedDateParser.isSpace(last) { bytes = bytes.dropLast() }
        // "Www, " prefix.
        guard bytes.count >= 28, bytes[bytes.startIndex + 3] == UInt8(ascii: ","),
            bytes[bytes.startIndex + 4] == UInt8(ascii: " ")
        else { return nil }
        var cursor = bytes.startIndex + 5
        func digits(_ count: Int) -> Int? {
            var value = 0
            for offset in 0..<count {
                guard cursor + offset < bytes.endIndex, FeedDateParser.isDigit(bytes[cursor + offset]) else {
                    return nil
                }
                value = value * 10 + Int(bytes[cursor + offset] - UInt8(ascii: "0"))
            }
            cursor += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard cursor < bytes.endIndex, bytes[cursor] == byte else { return false }
            cursor += 1
            return true
        }
        let dayDigits = bytes[cursor + 1] == UInt8(ascii: " ") ? 1 : 2
        guard let day = digits(dayDigits), expect(UInt8(ascii: " ")), cursor + 4 <= bytes.endIndex,
            let month = month(bytes[cursor], bytes[cursor + 1], bytes[cursor + 2])
        else { return nil }
        cursor += 3
        guard expect(UInt8(ascii: " ")), let year = digits(4), expect(UInt8(ascii: " ")), let hour = digits(2),
            expect(UInt8(ascii: ":")), let minute = digits(2), expect(UInt8(ascii: ":")), let second = digits(2),
            expect(UInt8(ascii: " "))
        else { return nil }
        let zone = bytes[cursor...]
        var offset = 0
        if zone.elementsEqual("GMT".utf8) || zone.elementsEqual("UTC".utf8) || zone.elementsEqual("Z".utf8) {
            offset = 0
        } else if zone.count == 5, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-") {
            cursor += 1
            guard let hours = digits(2), let minutes = digits(2), minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (zone.first == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        return CivilTime(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            offset: offset
        ).secondsSince1970
    }

    /// The month of an English three-letter abbreviation in any case.
    private static func month(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        switch (a | 0x20, b | 0x20, c | 0x20) {
        case (0x6A, 0x61, 0x6E): 1  // jan
        case (0x66, 0x65, 0x62): 2  // feb
        case (0x6D, 0x61, 0x72): 3  // mar
        case (0x61, 0x70, 0x72): 4  // apr
        case (0x6D, 0x61, 0x79): 5  // may
        case (0x6A, 0x75, 0x6E): 6  // jun
        case (0x6A, 0x75, 0x6C): 7  // jul
        case (0x61, 0x75, 0x67): 8  // aug
        case (0x73, 0x65, 0x70): 9  // sep
        case (0x6F, 0x63, 0x74): 10  // oct
        case (0x6E, 0x6F, 0x76): 11  // nov
        case (0x64, 0x65, 0x63): 12  // dec
        default: nil
        }
    }
}
