import Foundation
import TOMLKit

/// Reads `newswired.toml`. Unknown keys and bad values are errors naming the file and the key.
public enum ConfigurationLoader {
    /// Reads and validates the file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> DaemonConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, message: "cannot read the file (\(Self.reason(error)))")
        }
        return try parse(text, file: path)
    }

    /// Validates TOML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> DaemonConfiguration {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                file: file,
                message: "line \(error.source.begin.line), column \(error.source.begin.column): "
                    + "not valid TOML (\(error.description))")
        } catch {
            throw ConfigurationError(file: file, message: "not valid TOML (\(error))")
        }
        var configuration = DaemonConfiguration()
        let top = TableReader(table: root, path: "", file: file)
        try top.allowOnly(["interval", "polling", "http", "stories", "socket", "outlets"])
        let interval = try top.duration("interval")

        if let polling = try top.table("polling") {
            try polling.allowOnly(["min_interval", "max_interval", "max_backoff", "failure_retry", "startup_window"])
            if let value = try polling.duration("min_interval") { configuration.minInterval = value }
            if let value = try polling.duration("max_interval") { configuration.maxInterval = value }
            if let value = try polling.duration("max_backoff") { configuration.maxBackoff = value }
            if let value = try polling.duration("failure_retry") { configuration.failureRetry = value }
            if let value = try polling.duration("startup_window") { configuration.startupWindow = value }
            guard configuration.minInterval <= configuration.maxInterval else {
                throw ConfigurationError(
                    file: file, key: "polling.min_interval",
                    message: "must not be longer than polling.max_interval")
            }
        }
        let intervalRange = configuration.minInterval...configuration.maxInterval
        if let interval {
            try checkInterval(interval, in: intervalRange, key: "interval", file: file)
            configuration.interval = interval
        } else {
            // The default start interval follows bounds that leave it outside.
            configuration.interval = min(
                max(configuration.interval, intervalRange.lowerBound), intervalRange.upperBound)
        }
        if let http = try top.table("http") {
            try http.allowOnly([
                "connect_timeout", "timeout", "max_body", "max_redirects", "max_concurrent",
                "max_per_host",
            ])
            if let value = try http.duration("connect_timeout") { configuration.http.connectTimeout = value }
            if let value = try http.duration("timeout") { configuration.http.totalTimeout = value }
            if let value = try http.size("max_body") { configuration.http.maxBodyBytes = value }
            if let value = try http.integer("max_redirects", in: 0...20) { configuration.http.maxRedirects = value }
            if let value = try http.integer("max_concurrent", in: 1...256) { configuration.http.maxConcurrent = value }
            if let value = try http.integer("max_per_host", in: 1...64) { configuration.http.maxPerHost = value }
        }
        if let stories = try top.table("stories") {
            try stories.allowOnly(["quiet_period"])
            if let value = try stories.duration("quiet_period") { configuration.storyQuietPeriod = value }
        }
        if let socket = try top.table("socket") {
            try socket.allowOnly(["subscriber_queue"])
            if let value = try socket.integer("subscriber_queue", in: 10...10_000_000) {
                configuration.subscriberQueue = value
            }
        }
        if let outlets = try top.table("outlets") {
            guard !outlets.keys.isEmpty else {
                throw ConfigurationError(
                    file: file, key: "outlets",
                    message: "names no outlet: add an [outlets.ID] table, or remove [outlets] to poll "
                        + "every built-in outlet")
            }
            configuration.outlets = try outlets.keys.sorted().map { id throws(ConfigurationError) in
                let outlet = try outlet(id: id, reader: outlets)
                if let interval = outlet.interval {
                    try checkInterval(interval, in: intervalRange, key: "outlets.\(id).interval", file: file)
                }
                return outlet
            }
        }
        return configuration
    }

    /// An explicit start interval must lie within the bounds the adaptation keeps to: outside them,
    /// the first poll would be the only one at that pace.
    private static func checkInterval(
        _ interval: TimeInterval, in range: ClosedRange<TimeInterval>, key: String, file: String
    ) throws(ConfigurationError) {
        if interval < range.lowerBound {
            throw ConfigurationError(
                file: file, key: key,
                message: "\(DurationWords.describe(seconds: Int(interval))) is shorter than polling.min_interval "
                    + "(\(DurationWords.describe(seconds: Int(range.lowerBound)))): lower polling.min_interval to poll this often"
            )
        }
        if interval > range.upperBound {
            throw ConfigurationError(
                file: file, key: key,
                message: "\(DurationWords.describe(seconds: Int(interval))) is longer than polling.max_interval "
                    + "(\(DurationWords.describe(seconds: Int(range.upperBound)))): raise polling.max_interval to poll this rarely"
            )
        }
    }

    private static func outlet(id: String, reader: TableReader) throws(ConfigurationError) -> OutletConfiguration {
        guard isValidOutletID(id) else {
            throw reader.error(id, "an outlet id is lower-case letters, digits, '-' or '_' (at most 40)")
        }
        guard let table = try reader.table(id) else { throw reader.error(id, "must be a table: [outlets.\(id)]") }
        try table.allowOnly(["name", "feeds", "interval", "description", "language", "country", "homepage"])
        var outlet = OutletConfiguration(id: id)
        outlet.name = try table.string("name")
        if let name = outlet.name, name.allSatisfy(\.isWhitespace) {
            throw table.error("name", "must not be empty: it is how events and the journal name the outlet")
        }
        outlet.feeds = try table.urls("feeds")
        outlet.interval = try table.duration("interval")
        outlet.description = try table.string("description")
        outlet.language = try table.string("language")
        outlet.country = try table.string("country")
        outlet.homepage = try table.url("homepage")
        if outlet.feeds?.isEmpty == true { throw table.error("feeds", "needs at least one feed URL") }
        return outlet
    }

    /// Whether `id` is 1 to 40 lower-case ASCII letters, digits, `-` or `_`, starting with a
    /// letter or digit.
    ///
    /// Checked byte by byte rather than with `range(of:options: .regularExpression)`: Foundation's
    /// regular expressions are ICU's, and the first one compiled builds ICU's Unicode property
    /// sets (10 M instructions, and heap and ICU data pages kept for the daemon's lifetime).
    static func isValidOutletID(_ id: String) -> Bool {
        func isLowerLetterOrDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        let bytes = id.utf8
        guard let first = bytes.first, bytes.count <= 40, isLowerLetterOrDigit(first) else { return false }
        return bytes.dropFirst().allSatisfy {
            isLowerLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        switch (nsError.domain, nsError.code) {
        // Foundation on Linux reports text it cannot decode as a file in no known format.
        case (NSCocoaErrorDomain, NSFileReadInapplicableStringEncodingError),
            (NSCocoaErrorDomain, NSFileReadCorruptFileError):
            return "it is not UTF-8 text"
        case (NSCocoaErrorDomain, NSFileReadUnknownError) where isDirectory(nsError): return "it is a directory"
        default: break
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }

    private static func isDirectory(_ error: NSError) -> Bool {
        guard let path = error.userInfo[NSFilePathErrorKey] as? String else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
