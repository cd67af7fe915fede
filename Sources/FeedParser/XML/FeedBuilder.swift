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
    @exclusivity(unchecked) var feed = FeedDraft()
    @exclusivity(unchecked) var entries: [EntryDraft] = []
    private(set) var errors: [String] = []
    private(set) var errorCount = 0
    private(set) var rootElement: String?

    @exclusivity(unchecked) var depth = 0
    /// Whether a feed-level container (channel, Atom feed) was ever opened.
    private(set) var sawFeedElement = false
    @exclusivity(unchecked) var roles = RoleCache()
    @exclusivity(unchecked) var captures: [TextCapture] = []
    @exclusivity(unchecked) var scopes: [Scope] = []
    @exclusivity(unchecked) var bases: [(depth: Int, uri: String)] = []
    private let documentBase: String?
    /// Text the markup repair took out of the document libxml2 reads (valid during the parse).
    var elided: ElidedText?

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
                let capture = captures.removeLast()
                if !capture.isDiscarded { finish(capture) }
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

    func cdata(_ text: UnsafeBufferPointer<UInt8>) {
        guard let index = captures.indices.last else { return }
        guard let original = elided?.original(of: text) else { return characters(text) }
        if captures[index].absorbsMarkup || captures[index].depth == depth {
            captures[index].appendText(original, outlivesCallback: true)
        }
    }

    func recordError(_ message: String, line: Int) {
        errorCount += 1
        if errors.count < 20 { errors.append("XML error at line \(line): \(message)") }
    }

    /// Ends what a truncated document left open: the last item is kept, not lost; but a link or an
    /// id cut short is no link or id (the item would be found again, whole, as another article).
    func finishDocument() {
        while depth > 0 {
            if let index = captures.indices.last, captures[index].depth == depth {
                let capture = captures.removeLast()
                if !capture.isEmpty, !Self.identifies(capture.role) { finish(capture) }
            }
            if let last = scopes.last, last.depth == depth { close(scopes.removeLast()) }
            depth -= 1
        }
        captures.removeAll()
        scopes.removeAll()
    }

    private static func identifies(_ role: ElementRole) -> Bool {
        switch role {
        case .link, .id: true
        default: false
        }
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
        case .link
        where tag.hasAttribute(named: "href") || tag.hasAttribute(named: "url")
            || tag.hasAttribute(named: "uri"):
            takeLinkAttributes(tag)
        case .thumbnail, .mediaContent, .enclosure:
            takeImage(role, tag)
        case .id:
            var capture = TextCapture(role: role, depth: depth)
            capture.isPermaLink =
                (tag.attributeValue(named: "isPermaLink") ?? tag.attributeValue(named: "ispermalink")
                    ?? "true") == "true"
            captures.append(capture)
        case .title, .mediaTitle:
            captures.append(TextCapture(role: role, depth: depth, type: typeAttribute(tag) ?? .plain, tag: tag))
        case .description(let defaultType), .content(let defaultType):
            var capture = TextCapture(role: role, depth: depth, type: typeAttribute(tag) ?? defaultType, tag: tag)
            capture.isDiscarded = isUnread(role)
            captures.append(capture)
        case .summary:
            var capture = TextCapture(role: role, depth: depth, type: typeAttribute(tag) ?? .plain, tag: tag)
            capture.isDiscarded = isUnread(role)
            captures.append(capture)
        default:
            captures.append(TextCapture(role: role, depth: depth))
        }
    }

    /// Whether a summary or content element of the current entry comes too late to be read: the
    /// entry's summary wins over any content and the first of each kind wins (see
    /// `finishEntryField`), so its text, often the largest part of a feed, need not be kept.
    private func isUnread(_ role: ElementRole) -> Bool {
        guard case .entry(let index)? = target else { return false }
        switch role {
        case .content: return entries[index].summary != nil || entries[index].content != nil
        case .description, .summary: return entries[index].summary != nil
        default: return false
        }
    }

    func typeAttribute(_ tag: XMLStartTag) -> TextType? {
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

    private func close(_ scope: Scope) {
        guard case .author = scope.kind, case .entry(let index)? = target,
            let last = entries[index].authors.indices.last
        else { return }
        entries[index].authors[last] = AuthorParsing.complete(entries[index].authors[last])
    }

    // MARK: - Where values go

    /// The record that fields read now belong to, or nil when they belong to something we skip
    /// (an Atom `<source>`, a channel `<image>` or `<textInput>`, a person we do not track).
    var target: Target? {
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
    var inImage: Bool { scopes.contains { $0.kind == .image } }

    var person: Scope.Kind? {
        for scope in scopes.reversed() {
            switch scope.kind {
            case .author, .contributor: return scope.kind
            default: return nil
            }
        }
        return nil
    }

    var currentBase: String? { bases.last?.uri ?? documentBase }

    private func trackBase(_ tag: XMLStartTag) {
        guard let value = tag.attributeValue(named: "base", namespace: .xml) ?? tag.attributeValue(named: "base") else {
            return
        }
        let resolved = URLResolution.resolve(value, against: currentBase)
        bases.append((depth, resolved))
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
