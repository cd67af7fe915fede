/// One request as the loopback server received it.
public struct RecordedRequest: Sendable {
    /// `GET`, `HEAD`...
    public var method: String
    /// The request target as sent, query included.
    public var uri: String
    /// Header fields in the order received.
    public var headers: [(name: String, value: String)]
    /// The status the server answered with; `nil` for `.reset` and `.hang`.
    public var responseStatus: Int?

    /// Creates a record (the server does this; public for tests of tests).
    public init(method: String, uri: String, headers: [(name: String, value: String)], responseStatus: Int?) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.responseStatus = responseStatus
    }

    /// The first value of the header `name` (case-insensitive), if sent.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
