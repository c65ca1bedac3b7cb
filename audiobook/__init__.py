"""audiobook: turn a news or web article into an accessible, chaptered audio edition."""

__version__ = "0.1.0"
