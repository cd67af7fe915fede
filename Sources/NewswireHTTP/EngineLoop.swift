import CCurl

/// The fetcher's thread: drives one `curl_multi`, admits queued jobs as the concurrency limiter
/// allows, completes finished transfers and applies cancellations. Confined to that thread.
final class EngineLoop {
    private let multi: MultiHandle
    private let mailbox: EngineMailbox
    private var limiter: ConcurrencyLimiter<UInt64>
    private var queued: [UInt64: TransferJob] = [:]
    private var running: [UInt64: CurlTransfer] = [:]
    private var idsByHandle: [UnsafeMutableRawPointer: UInt64] = [:]
    /// Cancellations that arrived before their job did.
    private var earlyCancellations: Set<UInt64> = []

    init(multi: MultiHandle, mailbox: EngineMailbox, limiter: ConcurrencyLimiter<UInt64>) {
        self.multi = multi
        self.mailbox = mailbox
        self.limiter = limiter
    }

    /// Runs until a stop is requested, then fails what is left and frees the multi handle.
    /// Every job's continuation is resumed exactly once, whichever way it ends.
    func run() {
        while true {
            let delivery = mailbox.collect()
            if delivery.stopRequested { return tearDown(unstarted: delivery.jobs) }
            delivery.jobs.forEach(accept)
            delivery.cancellations.forEach(cancel)
            var stillRunning: Int32 = 0
            _ = curl_multi_perform(multi.pointer, &stillRunning)
            completeFinishedTransfers()
            let wait = running.isEmpty && queued.isEmpty ? Self.idleWaitMilliseconds : Self.busyWaitMilliseconds
            _ = curl_multi_poll(multi.pointer, nil, 0, wait, nil)
        }
    }

    /// The longest wait with transfers in progress (libcurl shortens it to its own next timeout).
    static let busyWaitMilliseconds: Int32 = 1000
    /// The longest wait with nothing to do: a new job or a stop interrupts it through
    /// `curl_multi_wakeup`, so an idle daemon's fetcher thread does not wake every second.
    static let idleWaitMilliseconds: Int32 = 3_600_000

    private func accept(_ job: TransferJob) {
        if earlyCancellations.remove(job.id) != nil {
            return finish(job, .failure(.transfer(job.request.url, reason: "cancelled")))
        }
        queued[job.id] = job
        start(limiter.enqueue(job.id, host: job.hostKey))
    }

    private func cancel(_ id: UInt64) {
        if let job = queued.removeValue(forKey: id) {
            start(limiter.finish(id))
            finish(job, .failure(.transfer(job.request.url, reason: "cancelled")))
        } else if let transfer = running[id] {
            remove(transfer)
            finish(transfer.job, .failure(.transfer(transfer.job.request.url, reason: "cancelled")))
        } else {
            earlyCancellations.insert(id)
        }
    }

    /// Adds the admitted jobs' transfers to the multi handle (their timeouts start now).
    private func start(_ ids: [UInt64]) {
        for id in ids {
            guard let job = queued.removeValue(forKey: id) else { continue }
            switch CurlTransfer.make(job) {
            case .success(let transfer):
                guard curl_multi_add_handle(multi.pointer, transfer.handle) == CURLM_OK else {
                    start(limiter.finish(id))
                    finish(job, .failure(.transfer(job.request.url, reason: "libcurl refused the transfer")))
                    continue
                }
                running[id] = transfer
                idsByHandle[transfer.handle] = id
            case .failure(let error):
                start(limiter.finish(id))
                finish(job, .failure(error))
            }
        }
    }

    private func completeFinishedTransfers() {
        var messagesLeft: Int32 = 0
        while let message = curl_multi_info_read(multi.pointer, &messagesLeft) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                let id = idsByHandle[handle], let transfer = running[id]
            else { continue }
            let code = newswire_curl_msg_result(message)
            remove(transfer)
            finish(transfer.job, transfer.outcome(code))
        }
    }

    /// Takes a running transfer off the multi handle and frees its slot.
    private func remove(_ transfer: CurlTransfer) {
        _ = curl_multi_remove_handle(multi.pointer, transfer.handle)
        idsByHandle[transfer.handle] = nil
        running[transfer.job.id] = nil
        start(limiter.finish(transfer.job.id))
    }

    private func finish(_ job: TransferJob, _ result: Result<FetchResponse, FetchError>) {
        mailbox.retire(job.id)
        job.complete(result)
    }

    /// Fails every job still known (running, queued, delivered with the stop request, or posted
    /// since), frees the multi handle and releases the `shutdown()` waiters.
    private func tearDown(unstarted: [TransferJob]) {
        let shutDown = { (job: TransferJob) in
            self.finish(job, .failure(.transfer(job.request.url, reason: CurlEngine.unavailableReason)))
        }
        for transfer in running.values {
            _ = curl_multi_remove_handle(multi.pointer, transfer.handle)
            shutDown(transfer.job)
        }
        running = [:]
        idsByHandle = [:]
        queued.values.forEach(shutDown)
        queued = [:]
        unstarted.forEach(shutDown)
        mailbox.close().forEach(shutDown)
        curl_multi_cleanup(multi.pointer)
        mailbox.markFinished()
    }
}
