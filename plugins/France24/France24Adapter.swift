public import Foundation
public import SourceAdapterKit

/// France 24, the French state-owned international news channel.
///
/// Its guids are bare UUIDs or the article link; links carry `xtor` campaign tags; each
/// language edition has a main feed and section feeds that repeat the same articles.
public struct France24Adapter: SourceAdapter {
    public init() {}

    public let outlet = OutletInfo(
        id: "france24",
        name: "France 24",
        description: "24/7 international news channel of France Médias Monde, in English, French, Spanish and Arabic.",
        perspective: "French public broadcaster funded by the French state; editorially independent by statute.",
        language: "en",
        country: "FR",
        homepage: URL(string: "https://www.france24.com/en/")!)

    public let defaultFeeds: [URL] = [
        URL(string: "https://www.france24.com/en/rss")!,
        URL(string: "https://www.france24.com/en/africa/rss")!,
    ]

    public let linkRules = LinkRules(
        trackingParameters: ["xtor", "xtref", "at_medium", "at_campaign"],
        ampPathPrefixes: ["/amp"])
}
