"""PySide6 pages that render the flow's state."""
