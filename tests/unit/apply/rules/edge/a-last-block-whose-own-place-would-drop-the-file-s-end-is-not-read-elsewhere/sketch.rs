    // ... existing code ...
    let vec: Vec<_> = iter.map(|(k, _)| k).collect();
    assert_eq!(vec, &[1, 2, 3]);
}

#[test]
