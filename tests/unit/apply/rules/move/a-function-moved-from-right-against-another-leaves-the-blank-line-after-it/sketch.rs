// ... existing code ...
pub fn describe(value: u32) -> String {
    format!("{} items", value)
}

fn single(f: &mut fmt::Formatter, value: u32) -> fmt::Result {
    if value == 1 {
        f.write_str("one")?;
    }
    Ok(())
}
fn plural(f: &mut fmt::Formatter, value: u64) -> fmt::Result {
    if value > 1 {
        f.write_str("s")?;
    }
    Ok(())
}
// ... existing code ...
