"""Pages for people and families. Thin: forms parse, services and selectors decide."""
