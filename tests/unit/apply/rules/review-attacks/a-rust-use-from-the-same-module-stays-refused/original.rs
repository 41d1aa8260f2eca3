use std::fs::File;
use std::io::Read;
use std::io::BufReader;

use anyhow::Result;

pub fn load(path: &str) -> Result<String> {
    let mut s = String::new();
    BufReader::new(File::open(path)?).read_to_string(&mut s)?;
    Ok(s)
}
