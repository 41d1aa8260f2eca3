// ... existing code ...
    #[test]
    fn two() {
        assert_eq!(2, 2);
    }
}
