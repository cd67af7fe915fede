import FeedParser
import Foundation
import XCTest

/// One document per syndication format and version, with the namespaces news feeds use.
final class FormatTests: XCTestCase {
    func testRSS090IsRDF() throws {
        let feed = try parseFixture("corpus/formats/rss090.rdf")
        XCTAssertEqual(feed.format, .rdf)
        XCTAssertEqual(feed.title, "Mozilla Dot Org")
        XCTAssertEqual(feed.link, "http://www.mozilla.org")
        XCTAssertEqual(feed.items.map(\.title), ["New Status Updates", "Bugzilla Reorganized"])
        XCTAssertEqual(feed.items.map(\.link), ["http://www.mozilla.org/status/", "http://www.mozilla.org/bugs/"])
    }

    func testRSS091WithNetscapeDoctypeAndDoubleEscapedEntity() throws {
        let feed = try parseFixture("corpus/formats/rss091.xml")
        XCTAssertEqual(feed.format, .rss)
        XCTAssertEqual(feed.items.count, 2)
        XCTAssertEqual(feed.items[0].title, "Giving the world a pluggable Gnutella")
        XCTAssertEqual(
            feed.items[0].summary,
            "WorldOS is a framework on which to build programs that work like "
                + "Freenet or Gnutella – allowing distributed applications using peer-to-peer routing.")
    }

    func testRSS092ItemsWithoutTitlesKeepTheirDescriptions() throws {
        let feed = try parseFixture("corpus/formats/rss092.xml")
        XCTAssertEqual(feed.items.count, 2)
        XCTAssertNil(feed.items[0].title)
        XCTAssertNil(feed.items[0].link)
        XCTAssertEqual(feed.items[1].summary, "Kevin Drennan started a Grateful Dead Weblog.")
        XCTAssertEqual(
            feed.items[1].summaryHTML,
            "Kevin Drennan started a <a href=\"http://deadend.editthispage.com/\">Grateful Dead Weblog</a>.")
    }

    func testRSS093And094() throws {
        let rss093 = try parseFixture("corpus/formats/rss093.xml")
        XCTAssertEqual(stamp(rss093.items.first?.published), "2001-07-02T08:00:00Z")
        let rss094 = try parseFixture("corpus/formats/rss094.xml")
        let item = try XCTUnwrap(rss094.items.first)
        XCTAssertEqual(item.id, "example-094-1")
        XCTAssertEqual(item.link, "http://example.org/typed")
        XCTAssertEqual(item.authors, ["Jane Editor"])
        XCTAssertEqual(item.summary, "Plain text description")
    }

    func testRSS20WithNamespaces() throws {
        let feed = try parseFixture("corpus/formats/rss20-namespaces.xml", url: "https://news.example.com/rss.xml")
        XCTAssertEqual(feed.format, .rss)
        XCTAssertEqual(feed.link, "https://news.example.com/")
        XCTAssertEqual(feed.ttlMinutes, 15)
        XCTAssertEqual(feed.items.count, 4)

        XCTAssertEqual(feed.selfLink, "https://news.example.com/rss.xml")
        let budget = feed.items[0]
        XCTAssertEqual(budget.imageURL, "https://news.example.com/img/budget.jpg")
        XCTAssertEqual(budget.id, "budget-2024-0012")
        XCTAssertEqual(budget.link, "https://news.example.com/politics/budget?utm_source=rss")
        XCTAssertEqual(budget.authors, ["Amina Diallo", "Pierre Martin"])
        XCTAssertEqual(stamp(budget.published), "2024-03-05T06:30:00Z")
        // The description wins over content:encoded; block tags leave a space.
        XCTAssertEqual(budget.summary, "The vote ended at 5 a.m. Opposition walked out.")
        XCTAssertEqual(budget.summaryHTML, "<p>The vote ended at <b>5 a.m.</b></p><p>Opposition walked out.</p>")

        let storm = feed.items[1]
        // A permalink guid is the link; dc:date is an update date.
        XCTAssertEqual(storm.link, "https://news.example.com/weather/storm")
        XCTAssertNil(storm.published)
        XCTAssertEqual(stamp(storm.updated), "2024-03-05T06:15:00Z")
        // content:encoded stands in for the missing description, sanitized.
        XCTAssertEqual(storm.summary, "Winds up to 120 km/h expected.")
        XCTAssertEqual(storm.summaryHTML, "<p>Winds up to <a>120 km/h</a> expected.</p>")

        XCTAssertNil(storm.imageURL)
        let podcast = feed.items[2]
        // An audio enclosure is no image.
        XCTAssertNil(podcast.imageURL)
        XCTAssertEqual(podcast.authors, ["The Newsroom"])
        XCTAssertEqual(podcast.summary, "Our editors look back at the week.")
        XCTAssertEqual(stamp(podcast.published), "2024-03-08T22:00:00Z")

        XCTAssertEqual(feed.items[3].link, "https://news.example.com/world/relative-story")
    }

    func testRSS10RDF() throws {
        let feed = try parseFixture("corpus/formats/rss10-rdf.rdf")
        XCTAssertEqual(feed.format, .rdf)
        XCTAssertEqual(feed.title, "RDF Site Summary")
        XCTAssertEqual(feed.items.map(\.id), ["http://example.org/a", "http://example.org/b"])
        XCTAssertEqual(feed.items[0].link, "http://example.org/a?maca=rss")
        XCTAssertEqual(feed.items[0].authors, ["Economics desk"])
        XCTAssertEqual(stamp(feed.items[1].updated), "2024-02-01T14:30:00Z")
    }

    func testAtom03EscapedAndBase64Content() throws {
        let feed = try parseFixture("corpus/formats/atom03.xml")
        XCTAssertEqual(feed.format, .atom)
        XCTAssertEqual(feed.title, "dive into mark")
        XCTAssertEqual(feed.link, "http://diveintomark.org/")
        let first = feed.items[0]
        XCTAssertEqual(first.id, "tag:diveintomark.org,2003:3.2397")
        XCTAssertEqual(first.link, "http://diveintomark.org/2003/12/13/atom03")
        XCTAssertEqual(stamp(first.published), "2003-12-13T12:29:29Z")
        XCTAssertEqual(stamp(first.updated), "2003-12-13T18:30:02Z")
        XCTAssertEqual(first.summary, "A snapshot of the Atom 0.3 format.")
        XCTAssertEqual(feed.items[1].summary, "Decoded from base64")
        XCTAssertEqual(feed.items[1].summaryHTML, "<p>Decoded from base64</p>")
    }

    func testAtom10XMLBaseXHTMLContentAndAuthors() throws {
        let feed = try parseFixture("corpus/formats/atom10.xml")
        XCTAssertEqual(feed.format, .atom)
        XCTAssertEqual(feed.title, "Atom 1.0 Example")
        XCTAssertEqual(feed.link, "https://blog.example.net/")
        XCTAssertEqual(feed.selfLink, "https://blog.example.net/feed.atom")
        let first = feed.items[0]
        XCTAssertEqual(first.imageURL, "https://blog.example.net/posts/election.jpg")
        XCTAssertEqual(first.link, "https://blog.example.net/posts/election-results")
        XCTAssertEqual(first.authors, ["Sofia Rossi", "Kenji Tanaka"])
        XCTAssertEqual(stamp(first.published), "2024-04-01T18:00:00Z")
        XCTAssertEqual(first.summary, "Turnout was 71% & rising. See the charts")
        XCTAssertEqual(first.summaryHTML?.contains("href=\"https://blog.example.net/posts/charts\""), true)

        let second = feed.items[1]
        // No alternate link: the id (a URL) stands in; the source's author is not the entry's.
        XCTAssertEqual(second.link, "https://blog.example.net/posts/no-alternate-link")
        XCTAssertEqual(second.title, "Plain text")
        XCTAssertEqual(second.summary, "A summary wins over content.")
        XCTAssertEqual(second.authors, [])
        XCTAssertEqual(second.id, "https://blog.example.net/posts/no-alternate-link")
    }

    func testJSONFeed11() throws {
        let feed = try parseFixture("corpus/formats/jsonfeed11.json")
        XCTAssertEqual(feed.format, .json)
        XCTAssertEqual(feed.title, "JSON Wire")
        XCTAssertEqual(feed.link, "https://json.example.org/")
        let first = feed.items[0]
        XCTAssertEqual(first.id, "2347259")
        XCTAssertEqual(first.summary, "Residents return home after the flood.")
        XCTAssertEqual(first.authors, ["Lena Fischer"])
        XCTAssertEqual(stamp(first.published), "2024-05-10T12:00:00Z")
        XCTAssertEqual(stamp(first.updated), "2024-05-10T14:30:00Z")
        XCTAssertEqual(feed.selfLink, "https://json.example.org/feed.json")
        let second = feed.items[1]
        XCTAssertEqual(second.id, "42")
        XCTAssertEqual(second.link, "https://json.example.org/2024/relative")
        XCTAssertEqual(second.summary, "Only text content here.")
    }

    func testJSONFeedIdentifiersAreCoercedToStrings() throws {
        let text = #"{"items": [{"id": 1.9999999999999999e2}, {"id": true}, {"id": 7}, {"id": " x "}, {"id": null}]}"#
        let feed = try parseText(text)
        XCTAssertEqual(feed.items.map(\.id), ["200.0", "true", "7", "x", nil])
    }

    func testJSONFeed10SingleAuthor() throws {
        let feed = try parseFixture("corpus/formats/jsonfeed10.json")
        XCTAssertEqual(feed.items.first?.authors, ["Brent Simmons"])
        XCTAssertEqual(stamp(feed.items.first?.published), "2017-05-17T17:02:12Z")
    }
}
