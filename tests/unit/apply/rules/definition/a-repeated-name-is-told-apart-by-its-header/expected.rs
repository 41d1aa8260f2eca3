pub struct Meters(f64);

impl Meters {
    pub fn new(value: f64) -> Self {
        Meters(value)
    }

    pub fn into_feet(self) -> f64 {
        log::trace!("into_feet");
        self.0 * 3.28084
    }
}

pub fn into_feet(value: Meters) -> f64 {
    value.into_feet()
}
