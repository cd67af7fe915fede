import ArgumentParser
import FeedParser
import Foundation

/// `newswire parse`: shows what the daemon reads from one feed document.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print what the daemon reads from one feed (file).")

    @Flag(help: "Print the result as one JSON document.")
    var json = false

    @Argument(help: ArgumentHelp("A feed file.", valueName: "file"))
    var source: String

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: source))
        } catch {
            throw ValidationError("cannot read \(source): \(error.localizedDescription)")
        }
        let result = Result { () throws(FeedParseError) in
            try FeedParser.parse(data, documentURL: URL(fileURLWithPath: source))
        }
        switch result {
        case .success(let feed):
            print("\(feed.format?.rawValue ?? "?") feed \"\(feed.title ?? "")\": \(feed.items.count) items")
            for item in feed.items { print("- \(item.title ?? "(untitled)") <\(item.link ?? "")>") }
        case .failure(let error):
            FileHandle.standardError.write(Data("newswire parse: \(source): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
