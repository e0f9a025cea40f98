"""Small dialogs: About, Help."""
