pub struct Meters(f64);
pub struct Feet(f64);

impl Meters {
    pub fn value(&self) -> f64 {
        self.0
    }
}

impl Feet {
    pub fn value(&self) -> f64 {
        self.0
    }
}
