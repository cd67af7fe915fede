/// The status line and header fields of one HTTP response, as libcurl hands them over line by
/// line (a transfer that follows redirects produces one head per hop).
struct ResponseHead: Sendable, Equatable {
    var status: Int
    /// Field names lowercased, values trimmed, in the order received.
    var fields: [Field] = []

    struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// The first value of the field `name` (lowercase).
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the field `name` (lowercase), joined with ", " as RFC 9110 allows.
    func joinedValues(_ name: String) -> String? {
        let values = fields.filter { $0.name == name }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }
}

/// Collects response heads from header lines (each with or without its CRLF).
struct ResponseHeadCollector: Sendable {
    /// Heads whose blank line arrived, oldest first (1xx informational heads included).
    private(set) var completed: [ResponseHead] = []
    private var current: ResponseHead?

    /// The last complete final (non-1xx) head.
    var finalHead: ResponseHead? { completed.last { $0.status >= 200 } }

    /// Feeds one line; returns the head it completed, if it was the blank line ending one.
    @discardableResult
    mutating func consume(line rawLine: Substring) -> ResponseHead? {
        let line = rawLine.trimmingSuffix { $0.isNewline }
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            current = ResponseHead(status: parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
            return nil
        }
        if line.isEmpty {
            guard let head = current else { return nil }
            completed.append(head)
            current = nil
            return head
        }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingBothEnds { $0 == " " || $0 == "\t" }
        current?.fields.append(.init(name: name, value: String(value)))
        return nil
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }

    fileprivate func trimmingBothEnds(while predicate: (Character) -> Bool) -> Substring {
        var start = startIndex
        while start < endIndex, predicate(self[start]) { start = index(after: start) }
        return self[start...].trimmingSuffix(while: predicate)
    }
}
