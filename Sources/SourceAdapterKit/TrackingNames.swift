/// `LinkRules.isTracking` on the bytes of a parameter name, with no string made: the rules' names
/// and prefixes as bytes, compared with the name lowercased on the fly (ASCII).
struct TrackingNames: Sendable {
    /// The exact names by length: `namesByLength[n]` holds those of `n` bytes, so that a parameter
    /// is compared with a few names instead of all of them (twice per parameter of every item).
    private let namesByLength: [[[UInt8]]]
    private let prefixes: [[UInt8]]

    init(_ rules: LinkRules) {
        let names = rules.trackingParameters.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var namesByLength = [[[UInt8]]](repeating: [], count: (names.map(\.count).max() ?? 0) + 1)
        for name in names { namesByLength[name.count].append(name) }
        self.namesByLength = namesByLength
        prefixes = rules.trackingPrefixes.map { Array($0.utf8) }
    }

    /// Whether the ASCII name in `name` (no percent-escapes) is tracking noise.
    func contains(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if name.count < namesByLength.count {
            for candidate in namesByLength[name.count] where Self.equalsLowercased(name, candidate) { return true }
        }
        for prefix in prefixes where prefix.count <= name.count {
            if Self.equalsLowercased(UnsafeBufferPointer(rebasing: name[0..<prefix.count]), prefix) { return true }
        }
        return false
    }

    /// `bytes`, lowercased, equals `expected` (of the same length).
    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: [UInt8]) -> Bool {
        for (byte, other) in zip(bytes, expected) where lowercased(byte) != other { return false }
        return true
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
