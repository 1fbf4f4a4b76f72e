"""The author's tools around rendering: ``watch`` (render on every edit) and ``doctor``."""
