impl Barrier {
    // ... new() and wait() unchanged ...

    /// Returns the number of threads this barrier waits for.
    pub fn num_threads(&self) -> usize {
        self.num_threads
    }
}
