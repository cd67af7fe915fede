public import Foundation
public import SourceAdapterKit

/// Al Jazeera English, the Doha-based international channel of the Al Jazeera Media Network.
///
/// Its feeds are known to repeat one article across `all.xml` and the regional feeds with
/// different guids (`?t=<unix time>` or `aljazeera-post-<id>`), with `traffic_source` or
/// `utm_*` tags on the link, and with typographic or straight quotes in the title.
public struct AlJazeeraAdapter: SourceAdapter {
    public init() {}

    public let outlet = OutletInfo(
        id: "aljazeera",
        name: "Al Jazeera",
        description: "Al Jazeera English: international news from the Al Jazeera Media Network, headquartered in Doha.",
        perspective: "Funded by the State of Qatar; strong focus on the Middle East, Africa and the Global South.",
        language: "en",
        country: "QA",
        homepage: URL(string: "https://www.aljazeera.com/")!)

    public let defaultFeeds: [URL] = [
        URL(string: "https://www.aljazeera.com/xml/rss/all.xml")!
    ]

    public let linkRules = LinkRules(trackingParameters: ["traffic_source", "update"], ampPathPrefixes: ["/amp"])
}
