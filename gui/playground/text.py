"""What the playground says about the parts of a network (texts for the message line)."""
from __future__ import annotations


def describe_neuron(snap, column: int, neuron: int, classify: bool, gradients: bool) -> str:
    """The hovered neuron of the diagram: what its picture over the plane shows (and, in the gradient
    view, its error signal δ) — from the latest snapshot `snap`."""
    last = len(snap.sizes) - 1
    if column == 0:
        return f"Input {neuron + 1}: the feature as the network sees it over the plane."
    if column == last:
        what = f"probability of class {neuron + 1}" if classify else "predicted value"
        text = f"Output {neuron + 1}: the {what} over the plane."
    else:
        text = (f"Hidden layer {column}, neuron {neuron + 1}: its activation α(z) over the plane — "
                "orange positive, blue negative.")
    if gradients and snap.deltas is not None and column - 1 < len(snap.deltas):
        d = snap.deltas[column - 1]
        if neuron < len(d):
            text += (f" Error signal δ = ∂L/∂z = {float(d[neuron]):+.3g} (mean over {snap.grad_source}); "
                     "backpropagation passes it on to the layer before through the weights.")
    return text
