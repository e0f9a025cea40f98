"""What the playground says about the parts of a network (texts for the message line), in the user's language."""
from __future__ import annotations

import re

from gui.engine_text import translated
from gui.i18n import fill, sig, tr

_LAST_N = re.compile(r"the last ([\d,]+) minibatches")


def signed(value, digits: int = 3) -> str:
    """A number with its sign always written (like Python's '+.3g'), in the current locale."""
    value = float(value)
    return ("+" if value >= 0 else "") + sig(value, digits)


def gradient_source(source) -> str:
    """What a snapshot's gradients were averaged over ("the last minibatch", "the last 12 minibatches",
    "all training points"), in the current language."""
    if hasattr(source, "text"):                 # already a translatable message
        return source.text
    source = str(source or "")
    if source == "the last minibatch":
        return tr("the last minibatch")
    if source == "all training points":
        return tr("all training points")
    m = _LAST_N.fullmatch(source)
    if m:
        return tr("the last %n minibatches", "", int(m.group(1).replace(",", "")))
    return translated(source)


def describe_neuron(snap, column: int, neuron: int, classify: bool, gradients: bool, one_d: bool = False) -> str:
    """The hovered neuron of the diagram: what its picture over the plane (or, for a 1-D task, along x)
    shows (and, in the gradient view, its error signal δ) — from the latest snapshot `snap`."""
    last = len(snap.sizes) - 1
    if one_d:
        if column == 0:
            text = fill(tr("Input %1: the feature as the network sees it, along x."), neuron + 1)
        elif column == last:
            text = fill(tr("Output %1: the predicted value along x."), neuron + 1)
        else:
            text = fill(tr("Hidden layer %1, neuron %2: its activation α(z) along x."), column, neuron + 1)
    elif column == 0:
        return fill(tr("Input %1: the feature as the network sees it over the plane."), neuron + 1)
    elif column == last:
        if classify:
            text = fill(tr("Output %1: the probability of class %2 over the plane."), neuron + 1, neuron + 1)
        else:
            text = fill(tr("Output %1: the predicted value over the plane."), neuron + 1)
    else:
        text = fill(tr("Hidden layer %1, neuron %2: its activation α(z) over the plane — "
                       "orange positive, blue negative."), column, neuron + 1)
    if column == 0:
        return text
    if gradients and snap.deltas is not None and column - 1 < len(snap.deltas):
        d = snap.deltas[column - 1]
        if neuron < len(d):
            text += fill(tr(" Error signal δ = ∂L/∂z = %1 (mean over %2); "
                            "backpropagation passes it on to the layer before through the weights."),
                         signed(d[neuron], 3), gradient_source(snap.grad_source))
    return text
