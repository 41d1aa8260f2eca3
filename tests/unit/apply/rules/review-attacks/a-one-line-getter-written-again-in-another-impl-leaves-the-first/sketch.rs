// ... existing code ...

impl Cat {
    pub fn new(name: &str) -> Self {
        Cat { name: name.to_string() }
    }

    pub fn name(&self) -> &str { &self.name }
}
