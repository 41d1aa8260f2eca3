impl Cart {
    pub fn total(&self) -> u32 {
        self.items.iter().copied().sum()
    }
}
