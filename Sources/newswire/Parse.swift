import ArgumentParser
import FeedParser
import Foundation
import NewswireDaemon
import NewswireHTTP

/// `newswire parse`: shows what the daemon reads from one feed, from a file or over HTTP.
struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the daemon reads from one feed (a file or an http(s) URL).",
        discussion: "Exits 0 whenever something could be read, 1 when nothing could.")

    @Flag(help: "Print the result as one JSON document (format, title, link, items, error).")
    var json = false

    @Argument(help: ArgumentHelp("A feed file or an http(s) URL.", valueName: "file|url"))
    var source: String

    func run() async throws {
        let result: Result<ParsedFeed, FeedParseError>
        do {
            let (data, contentType, url) = try await load()
            result = Result { () throws(FeedParseError) in
                try FeedParser.parse(data, contentType: contentType, documentURL: url)
            }
        } catch {
            result = .failure(FeedParseError("\(error)"))
        }
        if json {
            Console.out(ParseReport.json(result) + "\n")
        } else if case .success(let feed) = result {
            Console.out("\(feed.format?.rawValue ?? "?") feed \"\(feed.title ?? "")\": \(feed.items.count) items\n")
            for issue in feed.issues { Console.out("! \(issue)\n") }
            for item in feed.items {
                let date = item.published.map { ParseReport.timestamp($0) } ?? "no date"
                Console.out("- \(date)  \(item.title ?? "(untitled)")  <\(item.link ?? "")>\n")
            }
        }
        if case .failure(let error) = result {
            Console.error("newswire parse: \(source): \(error)\n")
            throw ExitCode(1)
        }
    }

    /// The document's bytes, its content type when fetched, and its URL.
    private func load() async throws -> (Data, String?, URL) {
        if let url = URL(string: source), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
            let fetcher = HTTPFetcher(userAgent: Daemon.userAgent)
            let response = try await fetcher.fetch(FetchRequest(url: url))
            return (response.body, response.contentType, response.effectiveURL)
        }
        let url = URL(fileURLWithPath: source)
        do {
            return (try Data(contentsOf: url), nil, url)
        } catch {
            throw ValidationError("cannot read \(source): \(error.localizedDescription)")
        }
    }
}
