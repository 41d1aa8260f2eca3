pub struct Pair {
    first: u8,
    second: u8,
}

impl Pair {
    pub(crate) fn new(first: u8, second: u8) -> Pair {
        Pair { first, second }
    }

    pub(crate) fn bytes(&self) -> (u8, u8) {
        (self.first, self.second)
    }

    /// The weight of each byte.
    pub(crate) fn weights(&self, table: &[u8]) -> (usize, usize) {
        let (a, b) = self.bytes();
        (weight(table, a), weight(table, b))
    }
}

fn weight(table: &[u8], b: u8) -> usize {
    table[b as usize] as usize
}
