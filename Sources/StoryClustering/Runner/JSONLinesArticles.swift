public import Foundation

/// A line of the input of `newswire cluster` that could not be read.
public struct ClusterInputError: Error, Equatable, CustomStringConvertible {
    /// 1-based line number in the input.
    public var line: Int
    /// What is wrong with it.
    public var reason: String

    /// An error about line `line`.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    /// `line 12: missing \`id\``, for a person.
    public var description: String { "line \(line): \(reason)" }
}

/// Reads articles from JSON Lines: one object per line with `id`, `outlet`, `title`, `summary`, `url`
/// and `published` (RFC 3339). `outlet`, `summary` and `url` may be missing; other fields are ignored.
public enum JSONLinesArticles {
    /// The articles of `data`, in input order.
    public static func parse(_ data: Data) throws -> [ClusterArticle] {
        let decoder = JSONDecoder()
        let dates = RFC3339Parser()
        var articles: [ClusterArticle] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { continue }
            let record: ArticleRecord
            do {
                record = try decoder.decode(ArticleRecord.self, from: Data(line))
            } catch {
                throw ClusterInputError(line: lineNumber, reason: "not an article object (\(Self.describe(error)))")
            }
            guard let published = dates.date(from: record.published) else {
                throw ClusterInputError(line: lineNumber,
                                        reason: "`published` is not an RFC 3339 time: \(record.published)")
            }
            articles.append(ClusterArticle(id: record.id, outlet: record.outlet ?? "", title: record.title,
                                           summary: record.summary ?? "", published: published))
        }
        return articles
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let context): return "wrong type at `\(path(context))`"
        case DecodingError.valueNotFound(_, let context): return "null at `\(path(context))`"
        default: return "invalid JSON"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }
}

/// The fields of one input line.
private struct ArticleRecord: Decodable {
    var id: String
    var outlet: String?
    var title: String
    var summary: String?
    var published: String

    enum CodingKeys: String, CodingKey { case id, outlet, title, summary, published }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? container.decode(Int64.self, forKey: .id) {
            id = String(number)
        } else {
            id = try container.decode(String.self, forKey: .id)
        }
        outlet = try container.decodeIfPresent(String.self, forKey: .outlet)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        published = try container.decode(String.self, forKey: .published)
    }
}

/// Parses RFC 3339 times, with or without fractional seconds.
private struct RFC3339Parser {
    private let plain: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()
    private let fractional: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    func date(from text: String) -> Date? {
        plain.date(from: text) ?? fractional.date(from: text)
    }
}
