"""The imperative shell around the kernel: gather a snapshot, plan, act, persist, repeat."""
