use std::env;
use std::process::Command;

fn main() {
    let target = env::var("TARGET").unwrap_or_default();
    if target.contains("wasm") {
        println!("cargo:rustc-cfg=wasm");
    }
    if target.ends_with("-musl") {
        println!("cargo:rustc-cfg=musl");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

fn rustc_version() -> Option<String> {
    let output = Command::new("rustc").arg("--version").output().ok()?;
    String::from_utf8(output.stdout).ok()
}
