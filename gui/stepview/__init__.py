"""Backpropagation, step by step: one sample's forward pass, loss, backward pass and update."""
