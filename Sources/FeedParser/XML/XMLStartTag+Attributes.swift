extension XMLStartTag {
    /// The value of the attribute called `name` (ASCII case-insensitively), in no namespace or,
    /// when `namespace` is given, in that namespace.
    func attributeValue(named name: StaticString, namespace: FeedNamespace? = nil) -> String? {
        for index in 0..<attributeCount {
            guard let attribute = attribute(at: index), Self.equalsIgnoringCase(attribute.localName, name) else {
                continue
            }
            if let namespace {
                guard let uri = attribute.namespaceURI,
                    FeedNamespace(uri: String(cString: uri)) == namespace
                else { continue }
            } else if attribute.namespaceURI != nil {
                continue
            }
            return attribute.string
        }
        return nil
    }

    /// Whether the element carries an attribute called `name` in no namespace.
    func hasAttribute(named name: StaticString) -> Bool { attributeValue(named: name) != nil }

    private static func equalsIgnoringCase(_ pointer: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let pattern = literal.utf8Start
        for offset in 0..<count {
            let byte = pointer[offset]
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            let expected = pattern[offset]
            let expectedLowered =
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(expected) ? expected | 0x20 : expected
            if lowered != expectedLowered { return false }
        }
        return pointer[count] == 0
    }
}
