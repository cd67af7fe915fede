import CLibXML2

/// Named character references of HTML 4 (libxml2's table), plus `&apos;`.
enum HTMLEntities {
    /// The code point `&name;` stands for, or nil when HTML does not define the name.
    static func scalar(named name: UnsafeRawBufferPointer) -> UInt32? {
        guard !name.isEmpty, name.count < 32 else { return nil }
        if name.count == 4, name.elementsEqual("apos".utf8) { return 0x27 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count + 1) { buffer -> UInt32? in
            for (offset, byte) in name.enumerated() { buffer[offset] = byte }
            buffer[name.count] = 0
            guard let entry = htmlEntityLookup(buffer.baseAddress) else { return nil }
            return entry.pointee.value
        }
    }
}
