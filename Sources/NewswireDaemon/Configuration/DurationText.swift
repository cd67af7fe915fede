import Foundation

/// Durations as people write them in the configuration: `90s`, `15m`, `2h`, `1h30m`, `1d`.
enum DurationText {
    /// Seconds, or nil when `text` is not such a duration.
    static func seconds(_ text: String) -> TimeInterval? {
        var total: TimeInterval = 0
        var number = ""
        var sawUnit = false
        for character in text.trimmingCharacters(in: .whitespaces) {
            if character.isNumber {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            let unit: TimeInterval
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86400
            default: return nil
            }
            total += value * unit
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }
}

/// Sizes as people write them: `10MiB`, `512KiB`, `1GiB`, or a number of bytes.
enum SizeText {
    static func bytes(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)]
        where trimmed.hasSuffix(suffix) {
            return Int(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)).map { $0 * factor }
        }
        return Int(trimmed)
    }
}
