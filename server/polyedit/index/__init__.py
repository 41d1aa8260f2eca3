"""The live workspace index: files, chunks, embeddings, store, hybrid search. No LSP imports."""
