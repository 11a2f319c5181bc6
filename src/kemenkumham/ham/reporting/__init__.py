"""The reporting engine: rules frozen per period, report rows, values and scores."""
