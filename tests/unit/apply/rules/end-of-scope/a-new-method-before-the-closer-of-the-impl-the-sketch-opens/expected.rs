pub struct Barrier {
    num_threads: usize,
}

impl Barrier {
    pub fn new(n: usize) -> Barrier {
        Barrier { num_threads: n }
    }

    pub fn wait(&self) {
        self.sync();
    }

    /// Returns the number of threads this barrier waits for.
    pub fn num_threads(&self) -> usize {
        self.num_threads
    }
}

pub struct BarrierWaitResult(bool);

impl BarrierWaitResult {
    pub fn is_leader(&self) -> bool {
        self.0
    }
}
