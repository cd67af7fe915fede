import Foundation
import PollScheduling
import TOMLKit

/// Typed, validated access to one TOML table; every error names the file and the dotted key.
struct TableReader {
    let table: TOMLTable
    /// Dotted path of this table ("" for the root).
    let path: String
    let file: String

    var keys: [String] { table.keys }

    func error(_ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, key: path.isEmpty ? key : "\(path).\(key)", message: message)
    }

    /// Rejects keys that are not in `allowed`.
    func allowOnly(_ allowed: Set<String>) throws(ConfigurationError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            throw error(key, "unknown key (known here: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func table(_ key: String) throws(ConfigurationError) -> TableReader? {
        guard let value = table[key] else { return nil }
        guard let nested = value.table else { throw error(key, "must be a table") }
        return TableReader(table: nested, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    func string(_ key: String) throws(ConfigurationError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, "must be a string") }
        return text
    }

    /// Longest duration any setting takes: beyond it a value is a typo, and timers would overflow.
    static let longestDuration: TimeInterval = 365 * 86_400

    func duration(_ key: String) throws(ConfigurationError) -> TimeInterval? {
        guard let text = try string(key) else { return nil }
        let seconds: TimeInterval
        do {
            seconds = try parseInterval(text)
        } catch let syntax {
            throw error(key, syntax.description)
        }
        guard seconds <= Self.longestDuration else { throw error(key, "'\(text)' is longer than a year (365d)") }
        return seconds
    }

    func size(_ key: String) throws(ConfigurationError) -> Int? {
        let bytes: Int
        if let number = table[key]?.int {
            bytes = number
        } else {
            guard let text = try string(key) else { return nil }
            guard let parsed = SizeText.bytes(text) else {
                throw error(key, "'\(text)' is not a size (write it like \"10MiB\", \"512KiB\" or a number of bytes)")
            }
            bytes = parsed
        }
        guard bytes > 0 else { throw error(key, "must be more than 0 bytes") }
        return bytes
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, range.contains(number) else {
            throw error(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func url(_ key: String) throws(ConfigurationError) -> URL? {
        guard let text = try string(key) else { return nil }
        guard let url = Self.httpURL(text) else { throw error(key, "'\(text)' is not an http or https URL") }
        return url
    }

    func urls(_ key: String) throws(ConfigurationError) -> [URL]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw error(key, "must be an array of URLs") }
        var result: [URL] = []
        for (index, element) in array.enumerated() {
            guard let text = element.string, let url = Self.httpURL(text) else {
                throw error(
                    "\(key)[\(index)]", "'\(element.string ?? element.debugDescription)' is not an http or https URL")
            }
            result.append(url)
        }
        return result
    }

    private static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return url
    }
}
