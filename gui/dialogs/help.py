"""Help → MLP Studio Help (F1): the lesson's ideas in brief and how to use the app."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from gui.constants import APP_NAME

HELP_HTML = """
<h2>MLP Studio</h2>
<p>A <b>multi-layer perceptron</b> (MLP) learns a function f from examples: points X with labels Y.
It is a chain of layers z = Wx + b, each followed by a non-linear <b>activation</b> α
(tanh, ReLU, sigmoid…). Without the activations, any stack of layers would still draw only a
straight line; with them, the network can bend its decision boundary around circles, spirals and
digits.</p>

<h3>What training does</h3>
<ul>
<li>The <b>loss</b> L measures how wrong the network is: cross-entropy for classes,
squared or absolute error for numbers. Accuracy is the share of right answers (1 − the 0-1 loss).</li>
<li><b>Gradient descent</b> changes every weight a little against its gradient:
W ← W − η ∂L/∂W, with the <b>learning rate</b> η. Too small learns slowly; too large jumps past
the minimum or diverges (the loss becomes NaN — MLP Studio stops, keeps the last good weights and
suggests a lower rate).</li>
<li><b>Stochastic</b> gradient descent uses a small random <b>minibatch</b> of points per step
instead of the whole data set: many cheap, noisy steps. An <b>epoch</b> is one pass over all points.</li>
<li><b>Backpropagation</b> computes all these gradients with the chain rule, walking backwards from
the loss through the layers, reusing what it computed for the layer above.</li>
<li><b>Overfitting</b>: the training loss keeps falling while the validation/test loss rises — the
network memorises the training points. Fewer neurons, more data, L2 (weight decay) or dropout help.</li>
</ul>

<h3>The two modes</h3>
<p><b>2D playground</b>: pick a preset (circle, XOR, spiral…; Generate draws a fresh sample), or pick a class
and click on the plane to add points (Erase removes them). Choose the input features, add hidden
layers and neurons, pick the activation, learning rate and batch size, then press Train (Space) and
watch the decision map, every neuron's picture and the loss curves change. Hover over a neuron to
see what it has learned.</p>
<p><b>MNIST lab</b>: train 1-, 2- and 3-layer networks on 60,000 handwritten digits, compare
training and test accuracy, look at the confusion matrix and the digits it gets wrong (click one to see
every class's probability, and open it in Draw), and draw your own digits for the network to read. Presets:
<i>standard</i> (~98.2%), <i>accurate</i> (~98.5%, about half a minute), <i>robust</i> (trained on
<b>augmented</b> images — each training image rotated, slanted, shifted, thickened or bent anew every epoch;
the shipped model), <i>quick</i> and <i>tiny</i>. <i>Augment images</i> turns augmentation on or off and
<i>Show samples…</i> shows what it does.</p>

<h3>Keys</h3>
<p>Single keys do not reach a text or number field while you type in it.</p>
{keys}

<h3>Files</h3>
<p>A <b>project</b> (.mlpproj) keeps everything: points, network, settings, trained weights and the
loss history. MLP Studio autosaves your work every half minute to a recovery file; if it ever
closes unexpectedly, the next start offers it back. You can also export points as CSV, plots as
PNG, the trained model, or the network as a small NumPy script you can run anywhere.</p>
<p>Hover over any control to see what it does to learning.</p>
"""


def help_html(window=None) -> str:
    """The help text, with the key list read from `window`'s actions and shortcuts (none without one)."""
    if window is None:
        return HELP_HTML.replace("{keys}", "")
    from gui.dialogs.keys import shortcut_table
    return HELP_HTML.replace("{keys}", shortcut_table(window, getattr(window, "modes", None)))


class HelpDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME} Help")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(help_html(parent))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        line = self.fontMetrics().lineSpacing()
        self.resize(48 * em, 40 * line)
