    pub fn value(&self) -> f64 {
        log::trace!("value");
        self.0
    }
