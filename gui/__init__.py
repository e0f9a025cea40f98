"""MLP Studio's Qt front end: it draws and forwards intent; the engine does the work."""
