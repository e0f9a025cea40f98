"""Help → MLP Studio Help (F1): the lesson's ideas in brief and how to use the app.

The text is one translatable piece per heading, paragraph and list item (each a literal for lupdate, its HTML
tags kept), put together in the current language by `help_html`; an open Help follows a language switch.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gui.constants import APP_NAME
from gui.i18n import QT_TR_NOOP, fill, on_language_change, tr

KEYS = "{keys}"   # where the key list goes

# (tag, English source): "h2"/"h3" a heading, "p" a paragraph, "li" an item of a list, KEYS the key table
HELP_PARTS = (
    ("h2", "MLP Studio"),
    ("p", QT_TR_NOOP("A <b>multi-layer perceptron</b> (MLP) learns a function f from examples: points X with "
                     "labels Y. It is a chain of layers z = Wx + b, each followed by a non-linear "
                     "<b>activation</b> α (tanh, ReLU, sigmoid…). Without the activations, any stack of layers "
                     "would still draw only a straight line; with them, the network can bend its decision "
                     "boundary around circles, spirals and digits.")),
    ("h3", QT_TR_NOOP("What training does")),
    ("li", QT_TR_NOOP("The <b>loss</b> L measures how wrong the network is: cross-entropy for classes, squared "
                      "or absolute error for numbers. Accuracy is the share of right answers (1 − the 0-1 loss).")),
    ("li", QT_TR_NOOP("<b>Gradient descent</b> changes every weight a little against its gradient: "
                      "W ← W − η ∂L/∂W, with the <b>learning rate</b> η. Too small learns slowly; too large "
                      "jumps past the minimum or diverges (the loss becomes NaN — MLP Studio stops, keeps the "
                      "last good weights and suggests a lower rate).")),
    ("li", QT_TR_NOOP("<b>Stochastic</b> gradient descent uses a small random <b>minibatch</b> of points per "
                      "step instead of the whole data set: many cheap, noisy steps. An <b>epoch</b> is one pass "
                      "over all points.")),
    ("li", QT_TR_NOOP("<b>Backpropagation</b> computes all these gradients with the chain rule, walking "
                      "backwards from the loss through the layers, reusing what it computed for the layer "
                      "above.")),
    ("li", QT_TR_NOOP("<b>Overfitting</b>: the training loss keeps falling while the validation/test loss "
                      "rises — the network memorises the training points. Fewer neurons, more data, L2 (weight "
                      "decay) or dropout help.")),
    ("h3", QT_TR_NOOP("The two modes")),
    ("p", QT_TR_NOOP("<b>2D playground</b>: pick a preset (circle, XOR, spiral…; Generate draws a fresh "
                     "sample), or pick a class and click on the plane to add points (Erase removes them). "
                     "Choose the input features, add hidden layers and neurons, pick the activation, learning "
                     "rate and batch size, then press Train (Space) and watch the decision map, every neuron's "
                     "picture and the loss curves change. Hover over a neuron to see what it has learned.")),
    ("p", QT_TR_NOOP("<b>MNIST lab</b>: train 1-, 2- and 3-layer networks on 60,000 handwritten digits, "
                     "compare training and test accuracy, look at the confusion matrix and the digits it gets "
                     "wrong (click one to see every class's probability, and open it in Draw), and draw your "
                     "own digits for the network to read.")),
    ("p", QT_TR_NOOP("Presets: <i>standard</i> (~98.2%), <i>accurate</i> (~98.5%, about half a minute), "
                     "<i>robust</i> (trained on <b>augmented</b> images — each training image rotated, slanted, "
                     "shifted, thickened or bent anew every epoch; the shipped model), <i>quick</i> and "
                     "<i>tiny</i>. <i>Augment images</i> turns augmentation on or off and <i>Show samples…</i> "
                     "shows what it does.")),
    ("h3", QT_TR_NOOP("Keys")),
    ("p", QT_TR_NOOP("Single keys do not reach a text or number field while you type in it.")),
    (KEYS, ""),
    ("h3", QT_TR_NOOP("Files")),
    ("p", QT_TR_NOOP("A <b>project</b> (.mlpproj) keeps everything: points, network, settings, trained weights "
                     "and the loss history. MLP Studio autosaves your work every half minute to a recovery "
                     "file; if it ever closes unexpectedly, the next start offers it back.")),
    ("p", QT_TR_NOOP("You can also export points as CSV, plots as PNG, the trained model, or the network as a "
                     "small NumPy script you can run anywhere.")),
    ("p", QT_TR_NOOP("Hover over any control to see what it does to learning.")),
)


def _assemble(keys: str) -> str:
    out, in_list = [], False
    for tag, source in HELP_PARTS:
        if (tag == "li") != in_list:
            out.append("<ul>" if tag == "li" else "</ul>")
            in_list = tag == "li"
        if tag == KEYS:
            out.append(keys)
        else:
            out.append(f"<{tag}>{tr(source) if source != APP_NAME else source}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def help_html(window=None) -> str:
    """The help text in the current language, with the key list read from `window`'s actions and shortcuts
    (none without one)."""
    if window is None:
        return _assemble("")
    from gui.dialogs.keys import shortcut_table
    return _assemble(shortcut_table(window, getattr(window, "modes", None)))


class HelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._window = parent
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        line = self.fontMetrics().lineSpacing()
        self.resize(48 * em, 40 * line)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """Title and text in the current language (the Help stays open across a switch); the scroll position
        is kept."""
        self.setWindowTitle(fill(tr("%1 Help"), APP_NAME))
        bar = self.browser.verticalScrollBar()
        at = bar.value()
        self.browser.setHtml(help_html(self._window))
        bar.setValue(at)
