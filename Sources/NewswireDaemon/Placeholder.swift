// Daemon: being written.
