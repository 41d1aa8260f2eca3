    pub fn into_feet(self) -> f64 {
        log::trace!("into_feet");
        self.0 * 3.28084
    }
