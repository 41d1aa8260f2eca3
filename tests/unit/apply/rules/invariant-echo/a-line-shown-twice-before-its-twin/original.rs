use thiserror::Error;

#[test]
fn test_braced() {
    assert_eq!("braced", braced());
}

#[test]
fn test_braced_unused() {
    assert_eq!("braced_unused", braced_unused());
}

#[test]
fn test_tuple() {
    #[derive(Error, Debug)]
    struct Error(usize);

    assert_eq!("tuple", Error(0).to_string());
}

#[test]
fn test_unit() {
    assert_eq!("unit", unit());
}

#[test]
fn test_named() {
    assert_eq!("named", named());
}

#[test]
fn test_nested() {
    assert_eq!("nested", nested());
}

#[test]
fn test_generic() {
    assert_eq!("generic", generic());
}

#[test]
fn test_transparent() {
    assert_eq!("transparent", transparent());
}

#[test]
fn test_source() {
    assert_eq!("source", source());
}

#[test]
fn test_backtrace() {
    assert_eq!("backtrace", backtrace());
}
