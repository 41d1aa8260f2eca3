use crate::prelude::*;

#[test]
fn unindexed_example() {
    let map = BTreeMap::from([(1, 'a'), (2, 'b'), (3, 'c')]);
    let iter = MyIntoIter {
        inner: map.into_par_iter(),
    };
    let vec: Vec<_> = iter.map(|(k, _)| k).collect();
    assert_eq!(vec, &[1, 2, 3]);
}

#[test]
fn indexed_example() {
    let iter = MyIntoIter {
        inner: vec![1, 2, 3].into_par_iter(),
    };
    let mut vec = vec![];
    iter.collect_into_vec(&mut vec);
    assert_eq!(vec, &[1, 2, 3]);
}
