/// Remembers the role of each element name during one parse, keyed by the addresses of the
/// interned name and namespace (see `XMLEventHandler`): open addressing on the address bits, no
/// hashing of strings. A hostile document with thousands of distinct names only resets it.
struct RoleCache {
    private struct Slot {
        var localName: UnsafePointer<UInt8>?
        var namespaceURI: UnsafePointer<UInt8>?
        var role: ElementRole = .ignored
    }

    private static let size = 512
    private var slots = [Slot](repeating: Slot(), count: RoleCache.size)
    private var used = 0

    @inline(__always)
    private func start(_ localName: UnsafePointer<UInt8>, _ namespaceURI: UnsafePointer<UInt8>?) -> Int {
        let name = UInt(bitPattern: localName)
        let uri = UInt(bitPattern: namespaceURI)
        let mixed = (name ^ (uri &* 31)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 55) & (Self.size - 1)
    }

    @inline(__always)
    func lookup(_ localName: UnsafePointer<UInt8>, _ namespaceURI: UnsafePointer<UInt8>?) -> ElementRole? {
        var index = start(localName, namespaceURI)
        while let name = slots[index].localName {
            if name == localName, slots[index].namespaceURI == namespaceURI { return slots[index].role }
            index = (index + 1) & (Self.size - 1)
        }
        return nil
    }

    mutating func store(
        _ role: ElementRole, for localName: UnsafePointer<UInt8>,
        _ namespaceURI: UnsafePointer<UInt8>?
    ) {
        if used >= Self.size * 3 / 4 {
            slots = [Slot](repeating: Slot(), count: Self.size)
            used = 0
        }
        var index = start(localName, namespaceURI)
        while slots[index].localName != nil { index = (index + 1) & (Self.size - 1) }
        slots[index] = Slot(localName: localName, namespaceURI: namespaceURI, role: role)
        used += 1
    }
}
