pub struct Cart {
    items: Vec<u32>,
}

impl Cart {
    pub fn total(&self) -> u32 {
        self.items.iter().copied().sum()
    }
}

impl Default for Cart {
    fn default() -> Self {
        Cart { items: Vec::new() }
    }
}
