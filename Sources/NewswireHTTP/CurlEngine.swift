import CCurl

/// The caller-side handle of the fetcher's curl thread: hands jobs and cancellations to it, and
/// stops and joins it.
final class CurlEngine: Sendable {
    private let mailbox: EngineMailbox
    private let thread: JoinableThread?

    /// Creates the multi handle and starts the thread that drives it. When libcurl or the
    /// system refuses, the engine exists but fails every job with a reason.
    init(maxTotal: Int, maxPerHost: Int) {
        guard CurlGlobal.isReady, let pointer = curl_multi_init() else {
            mailbox = EngineMailbox(multi: nil)
            thread = nil
            return
        }
        let multi = MultiHandle(pointer: pointer)
        let mailbox = EngineMailbox(multi: multi)
        let limiter = ConcurrencyLimiter<UInt64>(maxTotal: maxTotal, maxPerHost: maxPerHost)
        self.mailbox = mailbox
        thread = JoinableThread(name: "newswire-curl") {
            EngineLoop(multi: multi, mailbox: mailbox, limiter: limiter).run()
        }
        if thread == nil {
            _ = mailbox.close()
            mailbox.markFinished()
            curl_multi_cleanup(pointer)
        }
    }

    func makeID() -> UInt64 { mailbox.makeID() }

    /// Hands `job` to the engine thread, or fails it at once when the engine is stopped.
    func submit(_ job: TransferJob) {
        guard mailbox.post(job) else {
            mailbox.retire(job.id)
            job.complete(.failure(.transfer(job.request.url, reason: Self.unavailableReason)))
            return
        }
    }

    /// Abandons the transfer `id`, queued or running; ignored when it is already complete.
    func cancel(_ id: UInt64) {
        mailbox.postCancellation(id)
    }

    /// Stops the engine thread (failing what is queued or running) and joins it.
    func shutdown() async {
        await withCheckedContinuation { continuation in mailbox.requestStop(waiter: continuation) }
        thread?.join()
    }

    /// The owner is gone without `shutdown()`: stop the thread and let it end unjoined.
    func abandon() {
        mailbox.requestStop(waiter: nil)
        thread?.detach()
    }

    static var unavailableReason: String {
        CurlGlobal.isReady ? "the fetcher is shut down" : "libcurl could not be initialised"
    }
}
