/// What the builder does with attributes and finished element text: links, images, CDF
/// attributes, and each field of the feed or the current entry.
extension FeedBuilder {
    /// Remembers the first image each source offers for the current entry.
    func takeImage(_ role: ElementRole, _ tag: XMLStartTag) {
        guard case .entry(let index)? = target else { return }
        // The first image of each kind wins: later ones are not even read.
        switch role {
        case .thumbnail where entries[index].thumbnail != nil: return
        case .mediaContent where entries[index].mediaImage != nil: return
        case .enclosure where entries[index].enclosureImage != nil: return
        default: break
        }
        guard let url = tag.attributeValue(named: "url")?.trimmingWhitespace(), !url.isEmpty else { return }
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
    func takeChannelDefinitionAttributes(_ tag: XMLStartTag) {
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

    func takeLinkAttributes(_ tag: XMLStartTag) {
        guard let target, !inImage else { return }
        let rel = tag.attributeValue(named: "rel")?.lowercased() ?? "alternate"
        let type =
            tag.attributeValue(named: "type")?.lowercased() ?? (rel == "self" ? "application/atom+xml" : "text/html")
        let href =
            tag.attributeValue(named: "url") ?? tag.attributeValue(named: "uri")
            ?? tag.attributeValue(named: "href") ?? ""
        if rel == "self", target == .feed, feed.selfLink == nil, !href.isEmpty {
            feed.selfLink = URLResolution.resolve(href.trimmingWhitespace(), against: currentBase)
        }
        if rel == "enclosure", type.hasPrefix("image/"), case .entry(let index) = target,
            entries[index].enclosureImage == nil, !href.isEmpty
        {
            entries[index].enclosureImage = URLResolution.resolve(href.trimmingWhitespace(), against: currentBase)
        }
        guard rel == "alternate", TextType(attribute: type) == .html || TextType(attribute: type) == .xhtml else {
            return
        }
        let resolved = URLResolution.resolve(href.trimmingWhitespace(), against: currentBase)
        switch target {
        case .feed: feed.link = resolved
        case .entry(let index): entries[index].link = resolved
        }
    }

    // MARK: - Finished values

    func finish(_ capture: TextCapture) {
        switch capture.role {
        case .author:
            guard case .entry(let index)? = target, let last = entries[index].authors.indices.last else { return }
            entries[index].authors[last].text = capture.plainText()
        case .name, .email, .uri:
            guard case .author? = person, case .entry(let index)? = target,
                let last = entries[index].authors.indices.last
            else { return }
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

    func finishFeedField(_ capture: TextCapture) {
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

    func finishEntryField(_ capture: TextCapture, entry: inout EntryDraft) {
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
