public import Foundation

/// What the loopback server does when a route is requested. Every case is a real byte stream
/// (or a real silence, or a real reset) on a real TCP connection.
public enum RouteBehaviour: Sendable {
    /// 200 with the body; answers 304 when the request's `If-None-Match` matches `etag` or its
    /// `If-Modified-Since` is not older than `lastModified` (`If-None-Match` wins when both are sent).
    case feed(body: Data, contentType: String, etag: String?, lastModified: String?)
    /// Any status with extra headers and a body (500, 429 + Retry-After, 410, 301 + Location...).
    case status(Int, headers: [(String, String)], body: Data)
    /// A redirect to `to` (absolute URL or path) with the given status; two routes pointing at
    /// each other make a loop.
    case redirect(to: String, status: Int)
    /// 200 whose `Content-Length` announces `count` chunks, sent one every `every` (slowloris).
    case slowDrip(chunk: Data, every: Duration, count: Int)
    /// 200 with a chunked body of repeated XML items that never ends until the client hangs up.
    case endless
    /// 200 with `Content-Length: bytes`, streamed under backpressure, never held in memory.
    case huge(bytes: Int)
    /// `Content-Encoding: gzip` whose compressed stream is small and decodes to `decodedBytes` zeros.
    case gzipBomb(decodedBytes: Int)
    /// `Content-Encoding: gzip` holding `body` (a valid gzip member; deflate stored blocks).
    case gzip(body: Data, contentType: String = "application/rss+xml")
    /// Closes the connection with a TCP reset, without answering.
    case reset
    /// Reads the request and never answers (the connection stays open until the client gives up).
    case hang
    /// Waits `delay`, then behaves as `then` (lets tests observe concurrent requests).
    indirect case delayed(Duration, then: RouteBehaviour)
}
