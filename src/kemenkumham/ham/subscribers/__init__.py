"""Event subscribers of the platform."""
