import CLibXML2

/// Receives the events of one SAX2 parse.
///
/// Every pointer handed to a handler is valid only for the duration of the call. Element and
/// namespace names come from libxml2's name dictionary, so the same name always arrives at the
/// same address during one parse: handlers may cache per-name decisions keyed by address.
protocol XMLEventHandler: AnyObject {
    func startElement(_ tag: XMLStartTag)
    func endElement(localName: UnsafePointer<UInt8>, namespaceURI: UnsafePointer<UInt8>?)
    func characters(_ text: UnsafeBufferPointer<UInt8>)
    /// The content of a CDATA section (possibly in several blocks).
    func cdata(_ text: UnsafeBufferPointer<UInt8>)
    func recordError(_ message: String, line: Int)
}

/// One start tag as libxml2's SAX2 `startElementNs` reports it.
struct XMLStartTag {
    let localName: UnsafePointer<UInt8>
    let prefix: UnsafePointer<UInt8>?
    let namespaceURI: UnsafePointer<UInt8>?
    /// Namespaces declared on this element: `namespaceCount` (prefix, URI) pairs.
    let namespaceCount: Int
    let namespaceSlots: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let attributeCount: Int
    /// libxml2's layout: five pointers per attribute (localname, prefix, URI, value, value end).
    let attributeSlots: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// The URIs of the namespaces this element declares, with their prefixes (nil for the default).
    var declaredNamespaces: [(prefix: String?, uri: String)] {
        guard let slots = namespaceSlots, namespaceCount > 0 else { return [] }
        return (0..<namespaceCount).compactMap { index in
            guard let uri = slots[index * 2 + 1] else { return nil }
            return (slots[index * 2].map { String(cString: $0) }, String(cString: uri))
        }
    }

    /// The attribute at `index`: its local name, namespace URI and value bytes.
    func attribute(at index: Int) -> XMLAttribute? {
        guard let slots = attributeSlots, index < attributeCount else { return nil }
        let base = slots + index * 5
        guard let name = base[0], let start = base[3], let end = base[4] else { return nil }
        return XMLAttribute(
            localName: name, namespaceURI: base[2],
            value: UnsafeBufferPointer(start: start, count: max(0, end - start)))
    }
}

/// One attribute of an `XMLStartTag`; `&` arrives as the character reference `&#38;` (a libxml2
/// quirk), which `XMLAttribute.string` undoes.
struct XMLAttribute {
    let localName: UnsafePointer<UInt8>
    let namespaceURI: UnsafePointer<UInt8>?
    let value: UnsafeBufferPointer<UInt8>

    /// The value as a Swift string, with libxml2's `&#38;` turned back into `&`: the text between
    /// two of them is copied in one piece (URLs with query strings have many).
    var string: String {
        let raw = UnsafeRawBufferPointer(value)
        guard var found = ByteSearch.index(of: "&#38;", in: raw, from: 0) else {
            return String(decoding: value, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.count)
        var copied = 0
        while true {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[copied..<found]))
            bytes.append(UInt8(ascii: "&"))
            copied = found + 5
            guard let next = ByteSearch.index(of: "&#38;", in: raw, from: copied) else { break }
            found = next
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[copied...]))
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// libxml2's SAX2 push parser, fed in chunks of up to 4 MiB, with recovery on, network off and
/// the document's own encoding declaration ignored (callers hand over UTF-8 only).
///
/// Most documents go in as one chunk that is also the last. Every chunk costs libxml2 a copy
/// into its buffer and a compaction of it, and in a chunk that is not the last it checks that
/// what it reads is complete before reading it: small chunks (64 KiB) made that a few percent of
/// a parse. Chunks stay well below the 10 MB libxml2 keeps in its buffer without HUGE.
///
/// Entity expansion (NOENT), DTD loading and HUGE are deliberately never enabled.
enum SAXPushParser {
    static let chunkSize = 4 << 20

    /// libxml2 2.9 must be initialized once before threads use it concurrently; a static
    /// initializer runs exactly once, whichever thread parses first.
    private static let libxml2Initialized: Void = xmlInitParser()

    /// Parses UTF-8 `bytes`, reporting events to `handler`. Returns false when libxml2 could not
    /// even create a parser context.
    static func parse(_ bytes: UnsafeRawBufferPointer, handler: any XMLEventHandler) -> Bool {
        _ = libxml2Initialized
        let session = SAXSession(handler: handler)
        let unmanaged = Unmanaged.passRetained(session)
        defer {
            unmanaged.release()
            // The session holds the handler unowned: it must live until libxml2 is done.
            withExtendedLifetime(handler) {}
        }
        var sax = makeHandlerTable()
        guard let context = xmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, nil) else {
            return false
        }
        defer { xmlFreeParserCtxt(context) }
        session.context = context
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue
        _ = xmlCtxtUseOptions(context, Int32(options))
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        var offset = 0
        repeat {
            let length = min(chunkSize, bytes.count - offset)
            let chunk = bytes.baseAddress.map { $0.advanced(by: offset).assumingMemoryBound(to: CChar.self) }
            offset += length
            _ = xmlParseChunk(context, chunk, Int32(length), offset == bytes.count ? 1 : 0)
        } while offset < bytes.count && context.pointee.disableSAX == 0
        if offset < bytes.count { _ = xmlParseChunk(context, nil, 0, 1) }
        return true
    }

    private static func makeHandlerTable() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = {
            context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            guard let context, let localName else { return }
            SAXSession.with(context) { session in
                session.keepEntitiesFlowing()
                session.handler.startElement(
                    XMLStartTag(
                        localName: localName, prefix: prefix, namespaceURI: uri,
                        namespaceCount: Int(namespaceCount), namespaceSlots: namespaces,
                        attributeCount: Int(attributeCount), attributeSlots: attributes))
            }
        }
        sax.endElementNs = { context, localName, _, uri in
            guard let context, let localName else { return }
            SAXSession.with(context) { session in
                session.keepEntitiesFlowing()
                session.handler.endElement(localName: localName, namespaceURI: uri)
            }
        }
        let text: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            SAXSession.with(context) { session in
                session.keepEntitiesFlowing()
                session.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
            }
        }
        sax.characters = text
        sax.ignorableWhitespace = text
        sax.cdataBlock = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            SAXSession.with(context) { session in
                session.keepEntitiesFlowing()
                session.handler.cdata(UnsafeBufferPointer(start: bytes, count: Int(length)))
            }
        }
        sax.serror = { context, error in
            guard let context, let error else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
            SAXSession.with(context) { session in
                session.handler.recordError(message.trimmingWhitespace(), line: Int(error.pointee.line))
            }
        }
        return sax
    }
}

/// What the C callbacks reach through libxml2's user-data pointer.
///
/// Callbacks come once per element and text run: reaching the session and its handler without
/// retaining them (both outlive the parse, which holds them) saves two retain/release pairs each.
private final class SAXSession {
    unowned(unsafe) let handler: any XMLEventHandler
    var context: xmlParserCtxtPtr?

    /// `handler` must outlive the session (`SAXPushParser.parse` holds both for the whole parse).
    init(handler: any XMLEventHandler) { self.handler = handler }

    /// Runs `body` on the session behind libxml2's user-data pointer, which the parse keeps
    /// retained while libxml2 calls back.
    @inline(__always) static func with(_ pointer: UnsafeMutableRawPointer, _ body: (SAXSession) -> Void) {
        Unmanaged<SAXSession>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
    }

    /// In recovery mode libxml2 stops reporting entity references (even `&amp;`) once it has
    /// seen any well-formedness error; the damage is already recorded, so let text flow again.
    @inline(__always) func keepEntitiesFlowing() {
        if let context, context.pointee.wellFormed == 0 { context.pointee.wellFormed = 1 }
    }
}
