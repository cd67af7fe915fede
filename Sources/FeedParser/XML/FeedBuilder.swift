/// Turns SAX events into feed drafts: a state machine over the element stack.
///
/// It follows the conventions of the long-standing feed readers (feedparser in particular) so that
/// ids, links, titles and summaries come out the way readers have always shown them: a permalink
/// guid doubles as the link, the first title at the shallowest depth wins, the description wins
/// over the content for the summary, markup nested inside text elements is kept as markup.
///
/// One builder serves one parse on one thread, so its hot state opts out of dynamic exclusivity
/// checking (`@exclusivity(unchecked)`), which otherwise costs as much as the callbacks' work.
final class FeedBuilder: XMLEventHandler {
    private(set) var version = FeedVersion()
    @exclusivity(unchecked) private(set) var feed = FeedDraft()
    @exclusivity(unchecked) private(set) var entries: [EntryDraft] = []
    private(set) var errors: [String] = []
    private(set) var errorCount = 0
    private(set) var rootElement: String?
    private(set) var sawMarkupInPlainFields = false

    @exclusivity(unchecked) private var depth = 0
    /// Whether a feed-level container (channel, Atom feed) was ever opened.
    private(set) var sawFeedElement = false
    @exclusivity(unchecked) private var roles = RoleCache()
    @exclusivity(unchecked) private var captures: [TextCapture] = []
    @exclusivity(unchecked) private var scopes: [Scope] = []
    @exclusivity(unchecked) private var bases: [(depth: Int, uri: String)] = []
    private let documentBase: String?

    /// - Parameter documentBase: the document's URL, against which relative links resolve.
    init(documentBase: String?) { self.documentBase = documentBase }

    // MARK: - XMLEventHandler

    func startElement(_ tag: XMLStartTag) {
        depth += 1
        if rootElement == nil { rootElement = String(cString: tag.localName) }
        if let index = captures.indices.last, captures[index].absorbsMarkup {
            captures[index].appendStartTag(tag)
            return
        }
        for declaration in tag.declaredNamespaces {
            version.noteNamespace(declaration.uri, prefix: declaration.prefix)
        }
        if tag.attributeCount > 0 { trackBase(tag) }
        let role = role(of: tag.localName, namespaceURI: tag.namespaceURI)
        if role != .ignored { start(role, tag: tag) }
    }

    func endElement(localName: UnsafePointer<UInt8>, namespaceURI: UnsafePointer<UInt8>?) {
        defer {
            if let last = bases.last, last.depth == depth { bases.removeLast() }
            depth -= 1
        }
        if let index = captures.indices.last {
            if captures[index].depth == depth {
                finish(captures.removeLast())
            } else if captures[index].absorbsMarkup {
                captures[index].appendEndTag(localName)
                return
            }
        }
        if let last = scopes.last, last.depth == depth { close(scopes.removeLast()) }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard let index = captures.indices.last else { return }
        if captures[index].absorbsMarkup || captures[index].depth == depth {
            captures[index].appendText(text)
        }
    }

    func recordError(_ message: String, line: Int) {
        errorCount += 1
        if errors.count < 20 { errors.append("XML error at line \(line): \(message)") }
    }

    /// Ends what a truncated document left open: the last item is kept, not lost.
    func finishDocument() {
        while depth > 0 {
            if let index = captures.indices.last, captures[index].depth == depth {
                let capture = captures.removeLast()
                if !capture.isEmpty { finish(capture) }
            }
            if let last = scopes.last, last.depth == depth { close(scopes.removeLast()) }
            depth -= 1
        }
        captures.removeAll()
        scopes.removeAll()
    }

    // MARK: - Element roles

    private func role(of localName: UnsafePointer<UInt8>, namespaceURI: UnsafePointer<UInt8>?) -> ElementRole {
        if let known = roles.lookup(localName, namespaceURI) { return known }
        let namespace = FeedNamespace(uri: namespaceURI.map { String(cString: $0) } ?? "")
        let role = ElementRole(namespace: namespace, localName: String(cString: localName).lowercased())
        roles.store(role, for: localName, namespaceURI)
        return role
    }

    private func start(_ role: ElementRole, tag: XMLStartTag) {
        switch role {
        case .rssRoot:
            version.noteRSSRoot(versionAttribute: tag.attributeValue(named: "version"))
        case .atomRoot:
            version.noteAtomRoot(versionAttribute: tag.attributeValue(named: "version"))
            scopes.append(Scope(kind: .feed, depth: depth))
            sawFeedElement = true
        case .rdfRoot:
            version.noteRDFRoot()
        case .channel:
            scopes.append(Scope(kind: .feed, depth: depth))
            sawFeedElement = true
            takeChannelDefinitionAttributes(tag)
        case .entry:
            startEntry(tag)
        case .source, .image, .textInput:
            let kind: Scope.Kind = role == .source ? .source : (role == .image ? .image : .textInput)
            scopes.append(Scope(kind: kind, depth: depth))
        case .author:
            if case .entry(let index)? = target { entries[index].authors.append(AuthorDraft()) }
            scopes.append(Scope(kind: .author, depth: depth))
            captures.append(TextCapture(role: role, depth: depth))
        case .contributor:
            scopes.append(Scope(kind: .contributor, depth: depth))
        case .link where tag.hasAttribute(named: "href") || tag.hasAttribute(named: "url")
            || tag.hasAttribute(named: "uri"):
            takeLinkAttributes(tag)
        case .thumbnail, .mediaContent, .enclosure:
            takeImage(role, tag)
        case .id:
            var capture = TextCapture(role: role, depth: depth)
            capture.isPermaLink = (tag.attributeValue(named: "isPermaLink") ?? tag.attributeValue(named: "ispermalink")
                ?? "true") == "true"
            captures.append(capture)
        case .title, .mediaTitle:
            captures.append(TextCapture(role: role, depth: depth, type: typeAttribute(tag) ?? .plain, tag: tag))
        case .description(let defaultType), .content(let defaultType):
            captures.append(TextCapture(role: role, depth: depth, type: typeAttribute(tag) ?? defaultType, tag: tag))
        case .summary:
            captures.append(TextCapture(role: role, depth: depth, type: typeAttribute(tag) ?? .plain, tag: tag))
        default:
            captures.append(TextCapture(role: role, depth: depth))
        }
    }

    private func typeAttribute(_ tag: XMLStartTag) -> TextType? {
        tag.attributeValue(named: "type").map(TextType.init(attribute:))
    }

    private func startEntry(_ tag: XMLStartTag) {
        var entry = EntryDraft()
        entry.base = currentBase
        if let about = tag.attributeValue(named: "about", namespace: .rdf), !about.isEmpty { entry.id = about }
        entries.append(entry)
        scopes.append(Scope(kind: .entry(entries.count - 1), depth: depth))
        takeChannelDefinitionAttributes(tag)
    }

    /// Remembers the first image each source offers for the current entry.
    private func takeImage(_ role: ElementRole, _ tag: XMLStartTag) {
        guard case .entry(let index)? = target,
              let url = tag.attributeValue(named: "url")?.trimmingWhitespace(), !url.isEmpty else { return }
        let resolved = URLResolution.resolve(url, against: currentBase)
        let type = tag.attributeValue(named: "type")?.lowercased() ?? ""
        switch role {
        case .thumbnail:
            if entries[index].thumbnail == nil { entries[index].thumbnail = resolved }
        case .mediaContent:
            let medium = tag.attributeValue(named: "medium")?.lowercased()
            guard medium == "image" || type.hasPrefix("image/") || (medium == nil && type.isEmpty) else { return }
            if entries[index].mediaImage == nil { entries[index].mediaImage = resolved }
        default:
            guard type.hasPrefix("image/") else { return }
            if entries[index].enclosureImage == nil { entries[index].enclosureImage = resolved }
        }
    }

    /// Microsoft CDF puts the link and the modification date on the element itself.
    private func takeChannelDefinitionAttributes(_ tag: XMLStartTag) {
        guard tag.attributeCount > 0, let target else { return }
        let href = tag.attributeValue(named: "href").map { URLResolution.resolve($0, against: currentBase) }
        let modified = tag.attributeValue(named: "lastmod")
        switch target {
        case .feed:
            if let href { feed.link = href }
        case .entry(let index):
            if let href { entries[index].link = href }
            if let modified { entries[index].updated = modified }
        }
    }

    private func close(_ scope: Scope) {
        guard case .author = scope.kind, case .entry(let index)? = target,
              let last = entries[index].authors.indices.last else { return }
        entries[index].authors[last] = AuthorParsing.complete(entries[index].authors[last])
    }

    // MARK: - Where values go

    /// The record that fields read now belong to, or nil when they belong to something we skip
    /// (an Atom `<source>`, a channel `<image>` or `<textInput>`, a person we do not track).
    private var target: Target? {
        var inImage = false
        for scope in scopes.reversed() {
            switch scope.kind {
            case .entry(let index): return .entry(index)
            case .feed: return inImage ? nil : .feed
            case .source, .textInput: return nil
            case .image: inImage = true
            case .author, .contributor: continue
            }
        }
        return nil
    }

    /// Whether an `<image>` is open: an image's link is never the entry's or the feed's.
    private var inImage: Bool { scopes.contains { $0.kind == .image } }

    private var person: Scope.Kind? {
        for scope in scopes.reversed() {
            switch scope.kind {
            case .author, .contributor: return scope.kind
            default: return nil
            }
        }
        return nil
    }

    private var currentBase: String? { bases.last?.uri ?? documentBase }

    private func trackBase(_ tag: XMLStartTag) {
        guard let value = tag.attributeValue(named: "base", namespace: .xml) ?? tag.attributeValue(named: "base") else {
            return
        }
        let resolved = URLResolution.resolve(value, against: currentBase)
        bases.append((depth, resolved))
    }

    private func takeLinkAttributes(_ tag: XMLStartTag) {
        guard let target, !inImage else { return }
        let rel = tag.attributeValue(named: "rel")?.lowercased() ?? "alternate"
        let type = tag.attributeValue(named: "type")?.lowercased() ?? (rel == "self" ? "application/atom+xml" : "text/html")
        let href = tag.attributeValue(named: "url") ?? tag.attributeValue(named: "uri")
            ?? tag.attributeValue(named: "href") ?? ""
        if rel == "self", target == .feed, feed.selfLink == nil, !href.isEmpty {
            feed.selfLink = URLResolution.resolve(href.trimmingWhitespace(), against: currentBase)
        }
        if rel == "enclosure", type.hasPrefix("image/"), case .entry(let index) = target,
           entries[index].enclosureImage == nil, !href.isEmpty {
            entries[index].enclosureImage = URLResolution.resolve(href.trimmingWhitespace(), against: currentBase)
        }
        guard rel == "alternate", TextType(attribute: type) == .html || TextType(attribute: type) == .xhtml else { return }
        let resolved = URLResolution.resolve(href.trimmingWhitespace(), against: currentBase)
        switch target {
        case .feed: feed.link = resolved
        case .entry(let index): entries[index].link = resolved
        }
    }

    // MARK: - Finished values

    private func finish(_ capture: TextCapture) {
        if capture.sawMarkupInPlainField { sawMarkupInPlainFields = true }
        switch capture.role {
        case .author:
            guard case .entry(let index)? = target, let last = entries[index].authors.indices.last else { return }
            entries[index].authors[last].text = capture.plainText()
        case .name, .email, .uri:
            guard case .author? = person, case .entry(let index)? = target,
                  let last = entries[index].authors.indices.last else { return }
            let value = capture.plainText()
            if capture.role == .name { entries[index].authors[last].name = value }
            if capture.role == .email { entries[index].authors[last].email = value }
        default:
            guard person == nil, let target else { return }
            switch target {
            case .feed: finishFeedField(capture)
            case .entry(let index): finishEntryField(capture, entry: &entries[index])
            }
        }
    }

    private func finishFeedField(_ capture: TextCapture) {
        switch capture.role {
        case .title, .mediaTitle:
            if let titleDepth = feed.titleDepth, titleDepth <= capture.depth { return }
            let value = capture.textValue(isAtom: version.isAtom)
            feed.title = value
            if capture.role == .title, !value.text.isEmpty { feed.titleDepth = capture.depth }
        case .link:
            let value = capture.plainText().replacingLinkEntityArtifacts(ampersands: false)
            feed.link = URLResolution.resolve(value, against: currentBase)
        case .id where capture.isPermaLink:
            let value = URLResolution.resolve(capture.plainText(), against: currentBase)
            if feed.guidLink == nil { feed.guidLink = value }
        case .ttl: feed.ttl = capture.plainText()
        default: break
        }
    }

    private func finishEntryField(_ capture: TextCapture, entry: inout EntryDraft) {
        switch capture.role {
        case .title, .mediaTitle:
            if let titleDepth = entry.titleDepth, titleDepth <= capture.depth { return }
            let value = capture.textValue(isAtom: version.isAtom)
            entry.title = value
            if capture.role == .title, !value.text.isEmpty { entry.titleDepth = capture.depth }
        case .link:
            guard !inImage else { return }
            let value = capture.plainText().replacingLinkEntityArtifacts(ampersands: true)
            entry.link = URLResolution.resolve(value, against: currentBase)
        case .id:
            var value = capture.plainText()
            if capture.isPermaLink {
                value = URLResolution.resolve(value, against: currentBase)
                if entry.guidLink == nil { entry.guidLink = value }
            }
            // A deeper id (inside an image, say) never overrides the entry's own.
            if let idDepth = entry.idDepth, idDepth < capture.depth { return }
            entry.id = value
            entry.idDepth = capture.depth
        case .published: entry.published = capture.plainText()
        case .updated: entry.updated = capture.plainText()
        case .description, .summary:
            if entry.summary == nil { entry.summary = capture.textValue(isAtom: version.isAtom) }
        case .content:
            let value = capture.textValue(isAtom: version.isAtom)
            if entry.content == nil, value.type != .other { entry.content = value }
        default: break
        }
    }
}

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

    mutating func store(_ role: ElementRole, for localName: UnsafePointer<UInt8>,
                        _ namespaceURI: UnsafePointer<UInt8>?) {
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

/// An open container element.
struct Scope {
    enum Kind: Equatable { case feed, entry(Int), source, image, textInput, author, contributor }
    let kind: Kind
    let depth: Int
}

/// The record values are written to.
enum Target: Equatable { case feed, entry(Int) }
