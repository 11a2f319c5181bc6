"""Content types of the platform (Dexterity schemas and classes)."""
