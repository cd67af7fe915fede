import Foundation

/// What a response says about when to ask again: `Cache-Control: max-age`, `Expires` and
/// `Retry-After` (delta seconds or an HTTP date, relative to `now`).
struct CachingHints: Sendable, Equatable {
    var maxAge: TimeInterval?
    var expires: Date?
    var retryAfter: TimeInterval?

    init(maxAge: TimeInterval? = nil, expires: Date? = nil, retryAfter: TimeInterval? = nil) {
        self.maxAge = maxAge
        self.expires = expires
        self.retryAfter = retryAfter
    }

    init(head: ResponseHead, now: Date) {
        maxAge = head.joinedValues("cache-control").flatMap(Self.maxAge(cacheControl:))
        expires = head.value("expires").flatMap(HTTPDate.parse)
        retryAfter = head.value("retry-after").flatMap { Self.retryAfter($0, now: now) }
    }

    /// The `max-age` directive of a `Cache-Control` value, in seconds.
    static func maxAge(cacheControl: String) -> TimeInterval? {
        for directive in cacheControl.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1)
            guard parts.count == 2,
                parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "max-age"
            else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
            if let seconds = Int(value), seconds >= 0 { return TimeInterval(seconds) }
        }
        return nil
    }

    /// A `Retry-After` value as seconds from `now` (never negative).
    static func retryAfter(_ value: String, now: Date) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds >= 0 ? TimeInterval(seconds) : nil }
        return HTTPDate.parse(trimmed).map { max(0, $0.timeIntervalSince(now)) }
    }
}
