use serde_json::Value;

#[test]
fn eof() {
    let err = serde_json::from_str::<Value>("").unwrap_err();
    assert!(err.is_eof());
}

#[test]
fn error() {
    let err = serde_json::from_str::<Value>("{0}").unwrap_err();
    let expected = "Error(\"key must be a string\", line: 1, column: 2)";
    assert_eq!(format!("{:?}", err), expected);
}

#[test]
fn indented() {
    let v: Value = serde_json::from_str("[1]").unwrap();
    assert_eq!(v[0], 1);
}
