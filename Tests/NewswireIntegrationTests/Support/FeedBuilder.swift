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

    /// `count` items with unrelated made-up words (no two near-duplicates of each other), each
    /// with a summary of `summaryWords` words: a deterministic way to make a large feed.
    static func manyDistinctItems(count: Int, summaryWords: Int) -> [Item] {
        let syllables = [
            "ka", "lo", "mi", "ren", "tas", "vu", "zel", "por", "dim", "sha", "gor", "fen", "lak", "ru", "bet", "nol",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func nextWord() -> String {
            // SplitMix64 steps: three syllables from one draw
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return (0..<3).map { syllables[Int((z >> (UInt64($0) * 4)) & 15)] }.joined()
        }
        return (0..<count).map { index in
            Item(
                title: "Dispatch \(index): " + (0..<8).map { _ in nextWord() }.joined(separator: " "),
                link: "https://example.org/wire/\(index)",
                summary: (0..<summaryWords).map { _ in nextWord() }.joined(separator: " ") + ".")
        }
    }
}
