"""The in-memory dense index: one search for a query and its parts."""

from __future__ import annotations

import numpy as np
from polyedit.index.dense import DenseIndex


def test_search_many_answers_each_vector_as_search_does() -> None:
    index = DenseIndex()
    assert index.search_many(np.eye(2, dtype=np.float32), 3) == [[], []]
    index.add([10, 20, 30], np.eye(3, dtype=np.float32))
    queries = np.array([[1, 0, 0], [0, 0.6, 0.8]], dtype=np.float32)
    many = index.search_many(queries, 2)
    assert many == [index.search(queries[0], 2), index.search(queries[1], 2)]
    assert [i for i, _ in many[1]] == [30, 20]


def test_faiss_searches_on_one_thread() -> None:
    import faiss

    assert faiss.omp_get_max_threads() == 1  # set on import of the dense index: see its comment
