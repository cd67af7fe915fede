import Foundation

/// Builds small RSS 2.0 documents for tests.
enum FeedBuilder {
    struct Item {
        var title: String
        var link: String
        var summary: String
        var published = "Mon, 23 Nov 2026 09:00:00 +0000"
    }

    static func rss(title: String = "Test wire", items: [Item]) -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>\(title)</title><link>https://example.org/</link>
            <description>test</description>

            """
        for item in items {
            xml += """
                <item><title>\(item.title)</title><link>\(item.link)</link><guid>\(item.link)</guid>
                <description>\(item.summary)</description><pubDate>\(item.published)</pubDate></item>

                """
        }
        xml += "</channel></rss>\n"
        return Data(xml.utf8)
    }

    /// Items on unrelated topics, so that each starts its own story.
    static let distinctItems: [Item] = [
        Item(
            title: "Central bank raises interest rates by half a point",
            link: "https://example.org/economy/rates-rise",
            summary: "The central bank raised its benchmark interest rate to fight persistent inflation."),
        Item(
            title: "Volcano erupts on remote Pacific island, villages evacuated",
            link: "https://example.org/world/volcano-eruption",
            summary: "Lava and ash forced thousands of islanders from their homes overnight."),
        Item(
            title: "Championship final ends in dramatic penalty shootout",
            link: "https://example.org/sport/final-penalties",
            summary: "The goalkeeper saved two penalties as the underdogs lifted the trophy."),
        Item(
            title: "New telescope images reveal distant galaxy cluster",
            link: "https://example.org/science/telescope-galaxies",
            summary: "Astronomers published infrared images of galaxies formed soon after the big bang."),
    ]
}
