pub struct Dog {
    name: String,
}

pub struct Cat {
    name: String,
}

impl Dog {
    pub fn new(name: &str) -> Self {
        Dog { name: name.to_string() }
    }

    pub fn name(&self) -> &str { &self.name }

    pub fn bark(&self) -> String {
        format!("{} says woof", self.name)
    }
}

impl Cat {
    pub fn new(name: &str) -> Self {
        Cat { name: name.to_string() }
    }
}
