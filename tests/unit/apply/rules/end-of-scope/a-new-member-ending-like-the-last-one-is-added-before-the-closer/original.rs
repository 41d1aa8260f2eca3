pub struct Store {
    items: Vec<u32>,
}

impl Store {
    pub fn size(&self) -> usize {
        self.items.len()
    }
}

pub fn helper() -> u32 {
    1
}
