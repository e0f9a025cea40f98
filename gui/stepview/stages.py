"""The stages of one SGD step on one sample, as text a person reads (no widgets here).

`stages(numbers)` turns the engine's StepNumbers (engine/explain.py) into a list of Stage: a title,
the lesson's formula, the actual numbers as HTML tables, and what to highlight on the diagram
(`layer`: the Linear layer's position among the network's layers, `direction`: "forward"/"backward").
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.layers import LAYER_TYPES

MAX_SHOWN = 8          # rows/columns of a matrix shown in full


@dataclass(frozen=True)
class Stage:
    title: str
    formula: str
    html: str
    layer: int | None = None       # 0-based Linear layer the stage is about (None: input/loss)
    direction: str = "forward"


def _num(v: float) -> str:
    return "—" if v is None else f"{v:.4g}"


def matrix_html(m, name: str = "") -> str:
    """A vector or matrix as an HTML table, at most MAX_SHOWN rows and columns (then '…')."""
    a = np.atleast_2d(np.asarray(m, dtype=float))
    if np.ndim(m) == 1:
        a = a.T                                          # vectors as columns, as in the formulas
    rows, cols = a.shape
    cells = []
    for i in range(min(rows, MAX_SHOWN)):
        tds = "".join(f"<td align='right' nowrap>&nbsp;{_num(a[i, j])}&nbsp;</td>" for j in range(min(cols, MAX_SHOWN)))
        if cols > MAX_SHOWN:
            tds += "<td>…</td>"
        cells.append(f"<tr>{tds}</tr>")
    if rows > MAX_SHOWN:
        cells.append(f"<tr><td colspan='{min(cols, MAX_SHOWN)}' align='center'>⋮ ({rows} rows)</td></tr>")
    label = f"<td valign='middle'><i>{name}</i> =&nbsp;</td>" if name else ""
    return (f"<table cellspacing='0'><tr>{label}<td><table border='1' cellspacing='0' cellpadding='1'>"
            f"{''.join(cells)}</table></td></tr></table>")


def _row(*parts: str) -> str:
    return "<table><tr>" + "".join(f"<td valign='middle'>{p}&nbsp;&nbsp;</td>" for p in parts) + "</tr></table>"


def stages(s, classification: bool, loss_name: str) -> list[Stage]:
    out = [Stage("Input", "x: the sample's inputs (after the input features and scaling)",
                 _row(matrix_html(s.x, "x"), f"target: <b>{s.target if classification else _num(s.target)}</b>"))]
    n = len(s.layers)
    for k, L in enumerate(s.layers):
        last = k == n - 1
        out.append(Stage(f"Layer {k + 1}: weighted sum", "z = W·x + b",
                         _row(matrix_html(L.W, "W"), matrix_html(L.x, "x"), matrix_html(L.b, "b"),
                              matrix_html(L.z, "z")), k))
        if not last and L.activation:
            formula = getattr(LAYER_TYPES.get(L.activation), "formula", "a = α(z)")   # from the activation registry
            out.append(Stage(f"Layer {k + 1}: activation {L.activation}", formula,
                             _row(matrix_html(L.z, "z"), matrix_html(L.a, "a = α(z)")), k))
    if classification:
        out.append(Stage("Softmax: class probabilities", "p_k = e^(z_k) / Σ_j e^(z_j)",
                         _row(matrix_html(s.output, "z"), matrix_html(s.probabilities, "p"),
                              f"predicted class <b>{int(np.argmax(s.output))}</b>"), n - 1))
    else:
        out.append(Stage("Output", "ŷ = z (no activation on a regression output)",
                         _row(matrix_html(s.output, "ŷ")), n - 1))
    names = {"absolute": "absolute |ŷ − y|", "squared": "squared (ŷ − y)²", "zero_one": "0-1 (wrong class?)",
             "logistic": "logistic −log p_y"}
    rows = "".join(f"<tr><td>{names[k]}</td><td align='right'>&nbsp;{_num(v)}</td></tr>" for k, v in s.losses.items())
    out.append(Stage("Loss on this sample", f"training loss ({loss_name}): L = {_num(s.loss)}",
                     f"<table>{rows}</table><p>Classification measures absolute and squared error on the "
                     "probabilities against the one-hot target.</p>" if classification else f"<table>{rows}</table>"))
    grad = "∂L/∂z = p − onehot(y)" if classification else "∂L/∂ŷ (from the loss)"
    out.append(Stage("Backward: error at the output", grad, _row(matrix_html(s.dL_doutput, "∂L/∂z")), n - 1,
                     "backward"))
    for k in range(n - 1, -1, -1):
        L = s.layers[k]
        if k < n - 1 and L.activation:
            out.append(Stage(f"Layer {k + 1}: back through {L.activation}", "∂L/∂z = ∂L/∂a ⊙ α′(z)",
                             _row(matrix_html(L.dL_da, "∂L/∂a"), matrix_html(L.dL_dz, "∂L/∂z")), k, "backward"))
        out.append(Stage(f"Layer {k + 1}: gradients of W and b", "∂L/∂W = δ xᵀ,  ∂L/∂b = δ  (δ = ∂L/∂z)",
                         _row(matrix_html(L.dL_dW, "∂L/∂W"), matrix_html(L.dL_db, "∂L/∂b")), k, "backward"))
        if k > 0:
            out.append(Stage(f"Layer {k + 1}: error passed down", "∂L/∂x = Wᵀ δ",
                             _row(matrix_html(L.dL_dx, "∂L/∂x")), k, "backward"))
    parts = "".join(_row(f"Layer {k + 1}:", matrix_html(L.W_new, "W − η·∂L/∂W"), matrix_html(L.b_new, "b − η·∂L/∂b"))
                    for k, L in enumerate(s.layers))
    out.append(Stage("Update (one SGD step)", f"θ ← θ − η·∂L/∂θ with η = {s.lr:g}",
                     parts + f"<p>Loss on this sample: {_num(s.loss)} → <b>{_num(s.new_loss)}</b></p>"))
    return out
