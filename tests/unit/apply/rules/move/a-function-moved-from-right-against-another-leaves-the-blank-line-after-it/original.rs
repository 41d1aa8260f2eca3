use std::fmt;

pub fn describe(value: u32) -> String {
    format!("{} items", value)
}

fn plural(f: &mut fmt::Formatter, value: u64) -> fmt::Result {
    if value > 1 {
        f.write_str("s")?;
    }
    Ok(())
}
fn single(f: &mut fmt::Formatter, value: u32) -> fmt::Result {
    if value == 1 {
        f.write_str("one")?;
    }
    Ok(())
}

impl Counter {
    pub fn get(&self) -> u64 {
        self.value
    }
}
