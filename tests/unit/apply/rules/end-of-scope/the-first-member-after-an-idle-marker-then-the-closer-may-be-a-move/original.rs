pub struct Shape {
    w: f64,
    h: f64,
}

impl Shape {
    pub fn area(&self) -> f64 {
        self.w * self.h
    }

    pub fn perimeter(&self) -> f64 {
        2.0 * (self.w + self.h)
    }
}
