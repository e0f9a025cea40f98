"""Widgets shared by the modes: the network builder, number inputs, colours."""
