import Foundation

/// Decides whether a conditional GET is answered with 304 (RFC 9110 §13.2.2): `If-None-Match`
/// is evaluated when present (weak comparison), `If-Modified-Since` only otherwise.
enum ConditionalGET {
    static func isNotModified(
        ifNoneMatch: String?, ifModifiedSince: String?, etag: String?,
        lastModified: String?
    ) -> Bool {
        if let ifNoneMatch {
            guard let etag else { return false }
            let wanted = weak(etag)
            return ifNoneMatch.split(separator: ",").contains { candidate in
                let tag = candidate.trimmingCharacters(in: .whitespaces)
                return tag == "*" || weak(tag) == wanted
            }
        }
        guard let ifModifiedSince, let lastModified else { return false }
        if let since = httpDate(ifModifiedSince), let modified = httpDate(lastModified) {
            return modified <= since
        }
        return ifModifiedSince == lastModified
    }

    private static func weak(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    /// Parses an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT").
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
