/// A short ASCII name (an HTML tag or attribute name) packed into two words, lowercased, so that
/// looking it up in a set costs no allocation. Names longer than 16 bytes or with non-ASCII
/// bytes have no key (no HTML element or attribute the parser knows is that long).
struct NameKey: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The key of `input[range]`, lowercased; nil when it cannot be one.
    init?(_ input: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard range.count <= 16, !range.isEmpty else { return nil }
        for (offset, position) in range.enumerated() {
            var byte = input[position]
            guard byte < 0x80 else { return nil }
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if offset < 8 {
                low |= UInt64(byte) << (offset * 8)
            } else {
                high |= UInt64(byte) << ((offset - 8) * 8)
            }
        }
    }

    /// The key of a lowercase ASCII literal.
    init(_ name: StaticString) {
        let bytes = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        self = NameKey(bytes, 0..<bytes.count)!
    }

    /// A set of keys from names.
    static func set(_ names: [StaticString]) -> NameSet { NameSet(names.map(NameKey.init)) }

    /// A cheap hash for `NameSet` (a multiply-shift of both words).
    @inline(__always)
    fileprivate var mixed: Int {
        Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) >> 40)
    }

    /// The name back as lowercase bytes.
    var bytes: [UInt8] {
        var result: [UInt8] = []
        for word in [low, high] {
            for shift in stride(from: 0, to: 64, by: 8) {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(shift))
                if byte == 0 { return result }
                result.append(byte)
            }
        }
        return result
    }
}

/// An immutable set of names with allocation-free, hash-free membership tests (open addressing
/// on a multiply-shift of the packed name).
struct NameSet: Sendable {
    private let slots: [NameKey?]
    private let mask: Int

    init(_ keys: [NameKey]) {
        var size = 16
        while size < keys.count * 4 { size *= 2 }
        var slots = [NameKey?](repeating: nil, count: size)
        for key in keys {
            var index = key.mixed & (size - 1)
            while let occupant = slots[index], occupant != key { index = (index + 1) & (size - 1) }
            slots[index] = key
        }
        self.slots = slots
        mask = size - 1
    }

    @inline(__always)
    func contains(_ key: NameKey) -> Bool {
        var index = key.mixed & mask
        while let occupant = slots[index] {
            if occupant == key { return true }
            index = (index + 1) & mask
        }
        return false
    }

    /// The names of `self` that `other` lacks.
    func subtracting(_ other: NameSet) -> NameSet { NameSet(keys.filter { !other.contains($0) }) }

    /// The names of both.
    func union(_ other: NameSet) -> NameSet { NameSet(keys + other.keys.filter { !contains($0) }) }

    private var keys: [NameKey] { slots.compactMap { $0 } }
}
