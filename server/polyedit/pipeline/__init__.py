"""The multi-file edit pipeline: phases, typed hand-off values, orchestration, traces. No LSP imports."""
