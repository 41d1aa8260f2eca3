use bytes::Bytes;

#[test]
fn test_bytes_from_vec() {
    let vec = vec![33u8; 1024];
    assert_eq!(Bytes::from(vec).len(), 1024);
}

#[test]
fn test_bytes_from_vec_drop() {
    let vec = vec![33u8; 1024];
}

#[test]
fn test_bytes_clone_drop() {
    let vec = vec![33u8; 1024];
    let b1 = Bytes::from(vec);
    let _b2 = b1.clone();
}
