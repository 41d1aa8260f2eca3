// ... existing code ...
impl Shape {
    // ... existing code ...
    pub fn area(&self) -> f64 {
        self.w * self.h * 1.0
    }
}
