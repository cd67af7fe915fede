import Foundation

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
