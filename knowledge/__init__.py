"""The pure domain: curated data, its validation and the functions that answer from it."""
