pub struct Store {
    items: Vec<u32>,
}

impl Store {
    pub fn size(&self) -> usize {
        self.items.len()
    }

    pub fn count(&self) -> usize {
        self.items.len() + 1
    }
}

pub fn helper() -> u32 {
    1
}
