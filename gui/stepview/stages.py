"""The stages of one SGD step on one sample, as text a person reads (no widgets here).

`stages(numbers)` turns the engine's StepNumbers (engine/explain.py) into a list of Stage: a title,
the lesson's formula, the actual numbers as HTML tables, and what to highlight on the diagram
(`layer`: the Linear layer's position among the network's layers, `direction`: "forward"/"backward").
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.layers import LAYER_TYPES
from gui.i18n import QT_TR_NOOP, fill, integer, sig, tr

MAX_SHOWN = 8          # rows/columns of a matrix shown in full


@dataclass(frozen=True)
class Stage:
    title: str
    formula: str
    html: str
    layer: int | None = None       # 0-based Linear layer the stage is about (None: input/loss)
    direction: str = "forward"


def _num(v: float) -> str:
    return "—" if v is None else sig(v, 4)


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
        more = fill(tr("(%1 rows)"), integer(rows))
        cells.append(f"<tr><td colspan='{min(cols, MAX_SHOWN)}' align='center'>⋮ {more}</td></tr>")
    label = f"<td valign='middle'><i>{name}</i> =&nbsp;</td>" if name else ""
    return (f"<table cellspacing='0'><tr>{label}<td><table border='1' cellspacing='0' cellpadding='1'>"
            f"{''.join(cells)}</table></td></tr></table>")


def _row(*parts: str) -> str:
    return "<table><tr>" + "".join(f"<td valign='middle'>{p}&nbsp;&nbsp;</td>" for p in parts) + "</tr></table>"


LOSS_NAMES = {"cross_entropy": QT_TR_NOOP("cross-entropy"), "mse": QT_TR_NOOP("squared error"),
              "l1": QT_TR_NOOP("absolute error")}


def stages(s, classification: bool, loss_name: str) -> list[Stage]:
    """The stages in the current language (the formulas and symbols as the lesson writes them)."""
    target = s.target if classification else _num(s.target)
    out = [Stage(tr("Input"), tr("x: the sample's inputs (after the input features and scaling)"),
                 _row(matrix_html(s.x, "x"), fill(tr("target: <b>%1</b>"), target)))]
    n = len(s.layers)
    for k, L in enumerate(s.layers):
        last = k == n - 1
        out.append(Stage(fill(tr("Layer %1: weighted sum"), k + 1), "z = W·x + b",
                         _row(matrix_html(L.W, "W"), matrix_html(L.x, "x"), matrix_html(L.b, "b"),
                              matrix_html(L.z, "z")), k))
        if not last and L.activation:
            formula = getattr(LAYER_TYPES.get(L.activation), "formula", "a = α(z)")   # from the activation registry
            out.append(Stage(fill(tr("Layer %1: activation %2"), k + 1, L.activation), formula,
                             _row(matrix_html(L.z, "z"), matrix_html(L.a, "a = α(z)")), k))
    if classification:
        out.append(Stage(tr("Softmax: class probabilities"), "p_k = e^(z_k) / Σ_j e^(z_j)",
                         _row(matrix_html(s.output, "z"), matrix_html(s.probabilities, "p"),
                              fill(tr("predicted class <b>%1</b>"), int(np.argmax(s.output)))), n - 1))
    else:
        out.append(Stage(tr("Output"), tr("ŷ = z (no activation on a regression output)"),
                         _row(matrix_html(s.output, "ŷ")), n - 1))
    names = {"absolute": tr("absolute |ŷ − y|"), "squared": tr("squared (ŷ − y)²"),
             "zero_one": tr("0-1 (wrong class?)"), "logistic": tr("logistic −log p_y")}
    rows = "".join(f"<tr><td>{names[k]}</td><td align='right'>&nbsp;{_num(v)}</td></tr>" for k, v in s.losses.items())
    shown_loss = tr(LOSS_NAMES[loss_name]) if loss_name in LOSS_NAMES else loss_name
    note = tr("Classification measures absolute and squared error on the probabilities against the one-hot target.")
    out.append(Stage(tr("Loss on this sample"), fill(tr("training loss (%1): L = %2"), shown_loss, _num(s.loss)),
                     f"<table>{rows}</table><p>{note}</p>" if classification else f"<table>{rows}</table>"))
    grad = "∂L/∂z = p − onehot(y)" if classification else tr("∂L/∂ŷ (from the loss)")
    out.append(Stage(tr("Backward: error at the output"), grad, _row(matrix_html(s.dL_doutput, "∂L/∂z")), n - 1,
                     "backward"))
    for k in range(n - 1, -1, -1):
        L = s.layers[k]
        if k < n - 1 and L.activation:
            out.append(Stage(fill(tr("Layer %1: back through %2"), k + 1, L.activation), "∂L/∂z = ∂L/∂a ⊙ α′(z)",
                             _row(matrix_html(L.dL_da, "∂L/∂a"), matrix_html(L.dL_dz, "∂L/∂z")), k, "backward"))
        out.append(Stage(fill(tr("Layer %1: gradients of W and b"), k + 1), "∂L/∂W = δ xᵀ,  ∂L/∂b = δ  (δ = ∂L/∂z)",
                         _row(matrix_html(L.dL_dW, "∂L/∂W"), matrix_html(L.dL_db, "∂L/∂b")), k, "backward"))
        if k > 0:
            out.append(Stage(fill(tr("Layer %1: error passed down"), k + 1), "∂L/∂x = Wᵀ δ",
                             _row(matrix_html(L.dL_dx, "∂L/∂x")), k, "backward"))
    parts = "".join(_row(fill(tr("Layer %1:"), k + 1), matrix_html(L.W_new, "W − η·∂L/∂W"),
                         matrix_html(L.b_new, "b − η·∂L/∂b"))
                    for k, L in enumerate(s.layers))
    out.append(Stage(tr("Update (one SGD step)"), fill(tr("θ ← θ − η·∂L/∂θ with η = %1"), sig(s.lr, 6)),
                     parts + "<p>" + fill(tr("Loss on this sample: %1 → <b>%2</b>"), _num(s.loss), _num(s.new_loss))
                     + "</p>"))
    return out
