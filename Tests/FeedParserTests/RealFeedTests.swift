import FeedParser
import Foundation
import XCTest

/// The saved outlet feeds (see Fixtures/real/OUTLETS.md): every one parses with the item count
/// the catalogue lists, and specific values come out as the outlets published them.
final class RealFeedTests: XCTestCase {
    /// Item counts and formats from OUTLETS.md.
    static let catalogue: [String: (FeedFormat, Int)] = [
        "aljazeera-all-poll1.xml": (.rss, 25), "aljazeera-all-poll2.xml": (.rss, 25),
        "aljazeera-all-poll3.xml": (.rss, 25), "aljazeera-all-poll4.xml": (.rss, 25),
        "aljazeera-america-2016.xml": (.rss, 50), "aljazeera-english-youtube-atom.xml": (.atom, 15),
        "bbc-chinese-atom-mirror.xml": (.atom, 66), "bbc-news-home-poll1.xml": (.rss, 60),
        "bbc-news-home-poll2.xml": (.rss, 60), "bbc-news-home-poll3.xml": (.rss, 69),
        "bbc-news-world-poll1.xml": (.rss, 28), "bbc-news-world-poll2.xml": (.rss, 32),
        "bbc-ukrainian-world.xml": (.rss, 20), "cnn-topstories.xml": (.rss, 50),
        "dw-chinese-rdf.xml": (.rdf, 85), "dw-ukrainian-rdf.xml": (.rdf, 80),
        "france24-fr-main.xml": (.rss, 30), "france24-fr-tag-immobilier.xml": (.rss, 24),
        "guardian-us-2018.xml": (.rss, 55), "guardian-world-2016.xml": (.rss, 95),
        "indiatoday-home.xml": (.rss, 131), "lemonde-plus-lus.xml": (.rss, 19),
        "lemonde-une-2018.xml": (.rss, 21), "lemonde-une.xml": (.rss, 19),
        "npr-news-1001-poll1.xml": (.rss, 10), "npr-news-1001-poll2.xml": (.rss, 10),
        "nyt-homepage.xml": (.rss, 30), "nyt-us.xml": (.rss, 20), "nyt-world.xml": (.rss, 56),
        "timesofindia-topstories.xml": (.rss, 18), "uol-noticias-latin1.xml": (.rss, 15),
        "wsj-world.xml": (.rss, 6),
    ]

    func testEveryRealFeedParsesWithItsCatalogueItemCount() throws {
        let files = Fixtures.files(in: "real")
        XCTAssertEqual(files.count, Self.catalogue.count)
        for file in files {
            let name = file.lastPathComponent
            let feed = try FeedParser.parse(try Data(contentsOf: file), now: fetchTime)
            let (format, count) = try XCTUnwrap(Self.catalogue[name], name)
            XCTAssertEqual(feed.format, format, name)
            XCTAssertEqual(feed.items.count, count, name)
            XCTAssertNotNil(feed.title, name)
            // DW Ukrainian holds two items saved as "..." by a browser: nothing to read there.
            XCTAssertGreaterThanOrEqual(feed.items.filter { $0.title != nil }.count, count - 2, name)
        }
    }

    func testFrance24ItemKeepsBareUUIDGuidAndPercentEncodedLink() throws {
        let feed = try parseFixture("real/france24-fr-main.xml")
        XCTAssertEqual(feed.link, "https://www.france24.com/fr/")
        let first = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(first.id, "5e78ed82-4254-11ee-b7ae-005056bf762b")
        XCTAssertEqual(
            first.title, "Arabie saoudite, Égypte, Iran... Les Brics vont accueillir six nouveaux pays membres")
        XCTAssertEqual(
            first.link,
            "https://www.france24.com/fr/afrique/20230824-arabie-saoudite-%C3%A9gypte-iran-"
                + "les-brics-vont-accueillir-six-nouveaux-pays-membres")
        XCTAssertEqual(stamp(first.published), "2023-08-24T08:03:50Z")
        XCTAssertEqual(first.authors, ["FRANCE 24"])
        // The description's leading and trailing newlines are gone.
        XCTAssertEqual(first.summary?.hasPrefix("Les Brics, réunis depuis deux jours"), true)
        XCTAssertEqual(first.summary?.last?.isWhitespace, false)
    }

    func testAlJazeeraTitleDecodesCharacterReferenceAndKeepsTrackingLink() throws {
        let feed = try parseFixture("real/aljazeera-all-poll1.xml")
        XCTAssertEqual(feed.title, "Al Jazeera – Breaking News, World News and Video from Al Jazeera")
        let first = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(first.id, "https://www.aljazeera.com/?t=1786579155")
        XCTAssertEqual(first.title, "Israeli settlers besiege Palestinian families in West Bank’s Qusra")
        XCTAssertEqual(
            first.link,
            "https://www.aljazeera.com/news/2026/8/13/israeli-settlers-besiege-three-"
                + "palestinian-families-in-occupied-west-bank?traffic_source=rss")
        XCTAssertEqual(stamp(first.published), "2026-08-13T03:54:09Z")
        XCTAssertTrue(feed.issues.isEmpty, "\(feed.issues)")
    }

    func testBBCWorldGuidWithFragmentIsTheIdAndLinkKeepsQuery() throws {
        let first = try XCTUnwrap(try parseFixture("real/bbc-news-world-poll1.xml").items.first)
        XCTAssertEqual(first.id, "https://www.bbc.co.uk/news/articles/c5y49xp2wrno#0")
        XCTAssertEqual(first.link, "https://www.bbc.co.uk/news/articles/c5y49xp2wrno?at_medium=RSS&at_campaign=rss")
        XCTAssertEqual(first.title, "Major Russian grain export terminals hit in Ukraine Black Sea port attack")
    }

    func testDeutscheWelleRDFUsesAboutAsIdAndDublinCoreDate() throws {
        let feed = try parseFixture("real/dw-chinese-rdf.xml")
        let first = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(first.id, "http://www.dw.de/格林沃尔德获德国新闻记者奖/a-18317568?maca=chi-rss-chi-all-1127-rdf")
        XCTAssertEqual(first.title, "格林沃尔德获德国新闻记者奖")
        XCTAssertNil(first.published)
        XCTAssertEqual(stamp(first.updated), "2015-03-15T16:44:00Z")
    }

    func testDeutscheWelleUkrainianLinksPaddedWithNewlinesAreTrimmed() throws {
        let feed = try parseFixture("real/dw-ukrainian-rdf.xml")
        let item = try XCTUnwrap(feed.items.first { $0.title?.hasPrefix("Штайнмаєр") == true })
        XCTAssertEqual(item.title, "Штайнмаєр: Німеччина формує єдиний фронт ЄС щодо санкцій проти Москви")
        XCTAssertEqual(item.link?.hasPrefix("http://www.dw.com/uk/штайнмаєр-"), true)
        XCTAssertEqual(item.link?.contains("\n"), false)
        XCTAssertEqual(stamp(item.updated), "2016-05-26T07:50:00Z")
    }

    func testYouTubeAtomEntry() throws {
        let feed = try parseFixture("real/aljazeera-english-youtube-atom.xml")
        XCTAssertEqual(feed.link, "https://www.youtube.com/channel/UCNye-wNBqNL5ZzHSJj3l8Bg")
        let first = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(first.id, "yt:video:d6yrtGStsI4")
        XCTAssertEqual(first.link, "https://www.youtube.com/watch?v=d6yrtGStsI4")
        XCTAssertEqual(first.authors, ["Al Jazeera English"])
        XCTAssertEqual(stamp(first.published), "2021-10-17T13:00:16Z")
        // media:description stands in for the missing summary.
        XCTAssertEqual(first.summary?.hasPrefix("With fossil fuel emissions still rising"), true)
    }

    func testUOLLatin1WithoutDeclarationIsReadAsWindows1252AndSaysSo() throws {
        let feed = try parseFixture("real/uol-noticias-latin1.xml")
        XCTAssertEqual(feed.items.count, 15)
        XCTAssertEqual(
            feed.items.first?.title,
            "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno")
        // "Seg, 24 Set 2018 19:42:40 -0300": Portuguese weekday and month.
        XCTAssertEqual(stamp(feed.items.first?.published), "2018-09-24T22:42:40Z")
        assertIssue(feed, mentions: "not UTF-8")
    }

    func testIndiaTodayLinksInCDATAWithLeadingSpaceAreTrimmed() throws {
        let feed = try parseFixture("real/indiatoday-home.xml")
        XCTAssertEqual(feed.link, "https://www.indiatoday.in/?utm_source=rss")
        // Links arrive as "<![CDATA[ https://…]]>": the space goes.
        XCTAssertTrue(feed.items.allSatisfy { $0.link?.hasPrefix("https://www.") == true })
        XCTAssertEqual(feed.items.filter { $0.link?.hasPrefix("https://www.aajtak.in/") == true }.count, 6)
        XCTAssertTrue(feed.items.allSatisfy { $0.id == nil })
    }

    func testGuardianImageIsTheFirstMediaContent() throws {
        let first = try XCTUnwrap(try parseFixture("real/guardian-world-2016.xml").items.first)
        XCTAssertEqual(
            first.imageURL?.hasPrefix("https://i.guim.co.uk/img/media/2a511963c0b2b8a74843bf4e89de08a04b836543/"),
            true)
        XCTAssertEqual(first.imageURL?.contains("w=140&q=55"), true)
    }

    func testTimesOfIndiaRelativeSelfLinkResolvesAgainstTheFeedURL() throws {
        let feed = try parseFixture(
            "real/timesofindia-topstories.xml",
            url: "https://timesofindia.indiatimes.com/rssfeedstopstories.cms")
        XCTAssertEqual(feed.selfLink, "https://timesofindia.indiatimes.com/rssfeedstopstories.cms")
    }

    func testTimesOfIndiaISODatesInPubDate() throws {
        let first = try XCTUnwrap(try parseFixture("real/timesofindia-topstories.xml").items.first)
        // 2022-11-27T04:52:04+05:30 style dates.
        XCTAssertEqual(stamp(first.published), "2022-11-26T23:22:04Z")
        XCTAssertEqual(first.title, "Congress poached & shrunk in Hyderabad, BJP & TRS make merry")
    }

    func testNYTimesCreatorBecomesAuthor() throws {
        let first = try XCTUnwrap(try parseFixture("real/nyt-homepage.xml").items.first)
        XCTAssertEqual(first.authors, ["Marc Santora"])
        XCTAssertEqual(first.id, first.link)
    }

    func testLeMonde2018WrongAtomNamespaceIsNotAtom() throws {
        let feed = try parseFixture("real/lemonde-une-2018.xml")
        XCTAssertEqual(feed.format, .rss)
        XCTAssertEqual(feed.link, "https://www.lemonde.fr/rss/une.xml")
        XCTAssertEqual(feed.items.first?.id, "https://www.lemonde.fr/tiny/5322162/")
    }

    func testCNNItemsWithoutDatesHaveNoDate() throws {
        let feed = try parseFixture("real/cnn-topstories.xml")
        XCTAssertEqual(feed.items.filter { $0.published == nil }.count, 3)
    }

    func testMaliSeedsParse() throws {
        let france24 = try parseFixture("seed-mali/france24-africa.xml")
        XCTAssertEqual(france24.items.count, 1)
        XCTAssertEqual(
            france24.items.first?.title,
            "Insurgent alliance strikes at heart of Mali’s junta, exposing limits of Russian protection")
        let all = try parseFixture("seed-mali/aljazeera-all.xml")
        let africa = try parseFixture("seed-mali/aljazeera-africa.xml")
        XCTAssertEqual(all.items.count, 4)
        XCTAssertEqual(africa.items.count, 4)
        XCTAssertEqual(africa.items.first?.id, "aljazeera-post-4219870")
        XCTAssertEqual(
            africa.items.first?.link,
            "https://www.aljazeera.com/news/2026/11/23/rival-armed-groups-join-"
                + "forces-against-the-malian-state-what-next?utm_source=rss&utm_medium=africa")
    }
}
