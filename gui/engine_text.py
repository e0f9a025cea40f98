"""The engine's user-visible English strings, in the user's language.

The engine is Qt-free and English: task and activation labels and tips, loss names, the MNIST presets'
names and descriptions, diagnoses, digit preprocessing and the messages of its exceptions. This module
names them for lupdate (QT_TR_NOOP, so they land in the .ts) and `translated(text)` gives any of them in
the current language: an exact match first, then the templates of texts with values in them (PATTERNS:
a regex made from each template, its %1.. groups put back in — numbers in the locale's format, and a
group that is itself an engine text translated too). Call it wherever an engine string is shown.

Not listed, on purpose: feature names (x1, x1^2, sin x1 — symbols, the same in every language), the
recipe's keys, engine/explain.py (numbers and dict keys only), and exceptions only a programmer can cause
(wrong types, shapes, rng objects) or only the command line shows (engine/cli.py).
tests/test_i18n.py checks that every label, tip and description the registries hold is listed here.
"""
from __future__ import annotations

import re

from gui.i18n import QT_TR_NOOP, fill, integer, num, tr

# -- names and descriptions from the registries (engine/tasks.py, engine/layers.py, engine/presets.py) --------
TASK_LABELS = (
    QT_TR_NOOP("2D classification"),
    QT_TR_NOOP("2D regression"),
    QT_TR_NOOP("1D curve"),
    QT_TR_NOOP("Image classification"),
)
METRIC_LABELS = (QT_TR_NOOP("accuracy"), QT_TR_NOOP("R²"))

ACTIVATION_LABELS = (
    QT_TR_NOOP("ReLU"),
    QT_TR_NOOP("Leaky ReLU"),
    QT_TR_NOOP("tanh"),
    QT_TR_NOOP("sigmoid"),
    QT_TR_NOOP("linear"),
    QT_TR_NOOP("SiLU (swish)"),
)
ACTIVATION_TIPS = (
    QT_TR_NOOP("ReLU: max(0, z). Fast to train; a unit whose input stays negative stops learning ('dead')."),
    QT_TR_NOOP("Leaky ReLU: z for z > 0, 0.01·z otherwise, so no unit ever stops learning completely."),
    QT_TR_NOOP("tanh: smooth S-curve from −1 to 1. Saturates for large |z|, where its gradient nearly vanishes."),
    QT_TR_NOOP("sigmoid: smooth S-curve from 0 to 1. Saturates easily, so deep sigmoid nets learn slowly."),
    QT_TR_NOOP("linear: no non-linearity. Stacked linear layers are still one linear map — they can only draw straight boundaries."),
    QT_TR_NOOP("SiLU (swish): z·sigmoid(z). Smooth, unbounded above like ReLU, dipping a little below 0 for negative z."),
)
LOSS_NAMES = (   # engine/losses.py: each loss's `name`
    QT_TR_NOOP("cross-entropy"),
    QT_TR_NOOP("logistic"),
    QT_TR_NOOP("squared error"),
    QT_TR_NOOP("absolute error"),
)
PRESET_NAMES = (   # engine/presets.py MNIST_PRESETS keys, as the lab shows them (name.capitalize())
    QT_TR_NOOP("Standard"),
    QT_TR_NOOP("Accurate"),
    QT_TR_NOOP("Robust"),
    QT_TR_NOOP("Quick"),
    QT_TR_NOOP("Tiny"),
)
PRESET_DESCRIPTIONS = (
    QT_TR_NOOP("784-256-128-10 ReLU, dropout 0.2, Adam 0.001, batch 128, 10 epochs: about 98.2% test accuracy in about 7 s."),
    QT_TR_NOOP("784-512-256-10 ReLU, dropout 0.3, Adam 0.002 (×0.75 per epoch), batch 128, 12 epochs: about 98.5% test accuracy in about 30 s."),
    QT_TR_NOOP("784-512-256-10 ReLU, dropout 0.1, Adam 0.001 (×0.95 per epoch), batch 128, 60 epochs on training images changed anew every epoch (rotation, scale, slant, shift, stroke width, elastic distortion; engine/augment.py). The shipped model is this recipe trained on the training images plus one copy of each redrawn with another pen (resources/models/train_other_pens.py)."),
    QT_TR_NOOP("784-128-10 ReLU, Adam 0.001, batch 128, 2 epochs: about 96% in about a second."),
    QT_TR_NOOP("784-32-10 ReLU, Adam 0.001, batch 128, 1 epoch: about 92%, almost instant."),
)

# -- diagnoses (engine/diagnose.py): the fixed ones here, those with numbers in TEMPLATES --------------------
DIAGNOSES = (
    QT_TR_NOOP("Training diverged: the loss became infinite or not a number."),
    QT_TR_NOOP("Lower the learning rate (try ten times smaller) and reset the weights."),
    QT_TR_NOOP("The learning rate looks too high: the loss is worse than a network that only guesses."),
    QT_TR_NOOP("The learning rate looks too high: the loss is rising or jumping up and down."),
    QT_TR_NOOP("Lower the learning rate (try a third or a tenth of it), then press Reset."),
    QT_TR_NOOP("Lower the learning rate and press Reset, or use LeakyReLU or tanh."),
    QT_TR_NOOP("Lower the learning rate and press Reset (or use ReLU)."),
    QT_TR_NOOP("Try a larger learning rate or Adam, more neurons or layers, or other input features."),
    QT_TR_NOOP("Stop here, or use fewer neurons, L2 or dropout, or more training points."),
)

# -- exception messages a user can cause (adopt, data, digits, idx, pipeline, project_file, recipe, train) --
ERRORS = (
    QT_TR_NOOP('There are no training points: add some points (or lower the test share).'),
    QT_TR_NOOP('This model has no Linear layer: the playground cannot show it.'),
    QT_TR_NOOP("This model's first layer does not match its features."),
    QT_TR_NOOP("The playground cannot rebuild this network's layers."),
    QT_TR_NOOP('The training points have only one class: add points of another class (the network has nothing to tell apart).'),
    QT_TR_NOOP('Regression needs at least two training points.'),
    QT_TR_NOOP('This is a classifier of one input; the playground classifies points of the plane (two inputs).'),
    QT_TR_NOOP("This model's weights are not finite numbers."),
    QT_TR_NOOP('select at least one input feature'),
    QT_TR_NOOP("an integer"),   # recipe: %1 must be an integer / a number in …
    QT_TR_NOOP("a number"),
    QT_TR_NOOP('The picture is blank: no ink was found. Draw a digit, or load a picture of a digit written in a colour that differs from its background.'),
    QT_TR_NOOP('The picture is blank: no ink was found.'),
    QT_TR_NOOP('cannot save the project: the state is nested too deeply'),
    QT_TR_NOOP('the project data is damaged (bad dict marker)'),
    QT_TR_NOOP('the project data is damaged (bad tuple marker)'),
    QT_TR_NOOP('x1,x2,label or x1,x2,target or x,target'),   # data: the headers a points CSV may have
)

# Texts with values in them: %1.. stand for the values (each becomes a group of the regex in PATTERNS).
TEMPLATES = (
    QT_TR_NOOP("%1 of %2 ReLU neurons in hidden layer %3 are dead: they output 0 on every training point, so no gradient reaches their weights."),
    QT_TR_NOOP("%1 of %2 tanh neurons in hidden layer %3 are saturated: |z| is so large that α′(z) ≈ 0 and their weights barely learn."),
    QT_TR_NOOP("%1 of %2 sigmoid neurons in hidden layer %3 are saturated: |z| is so large that α′(z) ≈ 0 and their weights barely learn."),
    QT_TR_NOOP("Training has stalled: the loss has hardly changed over the last %1 epochs."),
    QT_TR_NOOP("The network is overfitting: test loss %1 is rising while the training loss falls."),
    QT_TR_NOOP("The network is overfitting: test loss %1 is %2× the training loss %3."),
    QT_TR_NOOP("Training diverged at epoch %1, step %2: the loss became %3. The learning rate (%4) is probably too high — try a smaller one. The weights this run started from were kept."),
    QT_TR_NOOP("Training diverged at epoch %1, step %2: the loss became %3. The learning rate (%4) is probably too high — try a smaller one. The last good weights (from step %5) were kept."),
    QT_TR_NOOP("Training diverged at epoch %1, step %2: the epoch's training loss became %3. The learning rate (%4) is probably too high — try a smaller one. The weights this run started from were kept."),
    QT_TR_NOOP("Training diverged at epoch %1, step %2: the epoch's training loss became %3. The learning rate (%4) is probably too high — try a smaller one. The last good weights (from step %5) were kept."),
    QT_TR_NOOP("Training diverged at epoch %1, step %2: the validation loss became %3. The learning rate (%4) is probably too high — try a smaller one. The weights this run started from were kept."),
    QT_TR_NOOP("Training diverged at epoch %1, step %2: the validation loss became %3. The learning rate (%4) is probably too high — try a smaller one. The last good weights (from step %5) were kept."),
    QT_TR_NOOP("The training set is empty or not a table of points (shape %1)."),
    QT_TR_NOOP("The training set has %1 inputs but %2 targets."),
    QT_TR_NOOP("The training inputs contain NaN or infinite values."),
    QT_TR_NOOP("The training inputs have %1 columns, but the network's first layer takes %2 inputs."),
    QT_TR_NOOP("The training labels must be whole numbers."),
    QT_TR_NOOP("The training labels run from %1 to %2, but the network has outputs for classes 0 to %3."),
    QT_TR_NOOP("The training targets contain NaN or infinite values."),
    QT_TR_NOOP("The validation set is empty or not a table of points (shape %1)."),
    QT_TR_NOOP("The validation set has %1 inputs but %2 targets."),
    QT_TR_NOOP("The validation inputs contain NaN or infinite values."),
    QT_TR_NOOP("The validation inputs have %1 columns, but the network's first layer takes %2 inputs."),
    QT_TR_NOOP("The validation labels must be whole numbers."),
    QT_TR_NOOP("The validation labels run from %1 to %2, but the network has outputs for classes 0 to %3."),
    QT_TR_NOOP("The validation targets contain NaN or infinite values."),
    QT_TR_NOOP("%1: missing file for %2: looked for %3, %4.gz, %5[.gz] or a name ending in one of these"),
    QT_TR_NOOP("%1: missing file for %2: looked for %3, %4.gz, %5[.gz] or a name ending in one of these (test files may also be named test-… instead of t10k-…)"),
    QT_TR_NOOP("%1: project format version %2 is not supported (this MLP Studio reads version %3)."),
    QT_TR_NOOP("%1: project format version %2 is not supported (this MLP Studio reads version %3; the file was written by a newer MLP Studio)."),
    QT_TR_NOOP("x in [%1, %2] and targets in [%3, %4]"),     # what the playground shows, inside "… lie outside …"
    QT_TR_NOOP("x1 and x2 in [%1, %2]"),
    QT_TR_NOOP('%1 hidden layers; the builder shows at most %2'),
    QT_TR_NOOP('This model uses input features %1 the playground does not offer (it offers %2).'),
    QT_TR_NOOP('The curve task offers the features %1, not %2.'),
    QT_TR_NOOP("This model has %1 outputs; the playground's %2 network needs %3."),
    QT_TR_NOOP('%1: %2 points; the playground holds at most %3.'),
    QT_TR_NOOP('%1: %2 point(s) lie outside the playground, e.g. point %3 %4; it shows %5 — rescale the data first.'),
    QT_TR_NOOP('This model takes %1 inputs; the 2D playground takes 2 (x₁, x₂), or 1 (x) for the curve task. Load it in the mode it was made for.'),
    QT_TR_NOOP('This classifier has %1 classes; the playground shows %2 to %3.'),
    QT_TR_NOOP('The playground cannot show this network: %1.'),
    QT_TR_NOOP('%1: class points need two coordinates (x1,x2,label), this file has %2.'),
    QT_TR_NOOP('%1: the playground shows at most %2 classes (labels 0–%3); this file has labels up to %4.'),
    QT_TR_NOOP('%1: the playground takes 1 or 2 input columns, this file has %2.'),
    QT_TR_NOOP('unknown feature(s) %1; valid: %2'),
    QT_TR_NOOP('%1: binary content, not a CSV text file'),
    QT_TR_NOOP('%1: no data points (the file is empty or has only a header/comments)'),
    QT_TR_NOOP('feature(s) %1 need a second input column, but the data has only x1'),
    QT_TR_NOOP('cannot save a %1 data set with %2 input column(s) as points CSV'),
    QT_TR_NOOP('%1: cannot read file: %2'),
    QT_TR_NOOP('%1: not UTF-8 text (bad byte at offset %2)'),
    QT_TR_NOOP('%1: line %2: expected %3 values, found %4'),
    QT_TR_NOOP('%1: line %2: unrecognised header %3 (expected %4)'),
    QT_TR_NOOP('%1: line %2: expected 2 or 3 columns, found %3'),
    QT_TR_NOOP('%1: line %2: column %3: non-numeric value %4'),
    QT_TR_NOOP('%1: line %2: column %3: value %4 is not finite'),
    QT_TR_NOOP('%1: line %2: label %3 is not an integer'),
    QT_TR_NOOP('%1: line %2: label %3 is negative'),
    QT_TR_NOOP('%1: line %2: label %3 is too large; at most %4 classes (labels 0..%5) are supported'),
    QT_TR_NOOP('This is not a picture of a digit (an array of shape %1); a grey or colour image is needed.'),
    QT_TR_NOOP('The picture is almost all ink (%1% of it): no digit stands out from a background. Use a picture of one digit on plain paper or a plain background.'),
    QT_TR_NOOP('%1: several candidate files for %2: %3'),
    QT_TR_NOOP('%1: %2 class names, but the labels need at least %3'),
    QT_TR_NOOP('%1: not a folder'),
    QT_TR_NOOP('%1: negative labels'),
    QT_TR_NOOP('%1: truncated gzip stream (%2)'),
    QT_TR_NOOP('%1: corrupt gzip data (%2)'),
    QT_TR_NOOP('%1: file not found'),
    QT_TR_NOOP('%1: cannot read file (%2)'),
    QT_TR_NOOP('%1: truncated: file too short for an IDX header (%2 bytes)'),
    QT_TR_NOOP('%1: not an IDX file: bad magic number 0x%2 (expected 00 00, a type code 08/09/0B/0C/0D/0E and 1 to 4 dimensions)'),
    QT_TR_NOOP('%1: truncated: header ends inside the dimension list'),
    QT_TR_NOOP('%1: implausible dimensions %2 (%3 bytes of data); the header is probably corrupt'),
    QT_TR_NOOP('%1: truncated: expected %2 data bytes, found %3'),
    QT_TR_NOOP('%1: %2 unexpected trailing bytes after the %3 data bytes declared by the header %4'),
    QT_TR_NOOP('%1: at least one class name is needed'),
    QT_TR_NOOP('%1: no training images'),
    QT_TR_NOOP('%1: train images are %2 but test images are %3'),
    QT_TR_NOOP('%1: not UTF-8 text'),
    QT_TR_NOOP('%1: cannot list folder (%2)'),
    QT_TR_NOOP('%1: expected 3-D unsigned-byte images, got %2-D %3'),
    QT_TR_NOOP('%1: expected 1-D integer labels, got %2-D %3'),
    QT_TR_NOOP('%1: %2 labels for %3 images in %4'),
    QT_TR_NOOP('%1: %2 images must be a 3-D uint8 array (n, h, w), got %3-D %4'),
    QT_TR_NOOP('%1: %2 labels must be a 1-D integer array, got %3-D %4'),
    QT_TR_NOOP('%1: %2 %3 images but %4 labels'),
    QT_TR_NOOP('%1: %2 labels must lie in 0..%3, found %4..%5'),
    QT_TR_NOOP('%1: not an MLP Studio model file (it is not a .npz archive).'),
    QT_TR_NOOP('%1: not an MLP Studio model file.'),
    QT_TR_NOOP('%1: model format version %2 is not supported (this MLP Studio reads version %3).'),
    QT_TR_NOOP('%1: not an MLP Studio model file (it could not be read as .npz: %2).'),
    QT_TR_NOOP('%1: the file is damaged (%2: %3).'),
    QT_TR_NOOP('%1: not an MLP Studio model file (no header).'),
    QT_TR_NOOP('%1: the model header is damaged (%2).'),
    QT_TR_NOOP('%1: the model inside is inconsistent (%2).'),
    QT_TR_NOOP('%1: cannot be read (%2).'),
    QT_TR_NOOP('cannot save the project: %1 holds a %2, which a project file cannot store'),
    QT_TR_NOOP('cannot save the project: %1 is an array of Python objects'),
    QT_TR_NOOP('cannot save the project: the state must be a dict, got %1'),
    QT_TR_NOOP('array %1 holds Python objects, which a project file never contains'),
    QT_TR_NOOP('array %1 is damaged: %2 bytes of data for shape %3 %4'),
    QT_TR_NOOP('expected bytes, got %1'),
    QT_TR_NOOP('%1: not an MLP Studio project file.'),
    QT_TR_NOOP('%1: not a complete MLP Studio project (it holds no modes).'),
    QT_TR_NOOP('%1: the project data is damaged (current_mode is not a name).'),
    QT_TR_NOOP('%1: cannot be saved (%2).'),
    QT_TR_NOOP('array %1 has an unsupported .npy version %2'),
    QT_TR_NOOP('the project data is damaged (stray marker %1)'),
    QT_TR_NOOP('the project data is damaged (bad %1 reference)'),
    QT_TR_NOOP('%1: the file is too large to open.'),
    QT_TR_NOOP('%1: the project data is damaged (nested too deeply).'),
    QT_TR_NOOP('%1: the file is damaged and cannot be opened (%2: %3).'),
    QT_TR_NOOP('%1: the file is empty, not an MLP Studio project.'),
    QT_TR_NOOP('%1: the project file is truncated or damaged (not a complete zip archive).'),
    QT_TR_NOOP('%1: implausibly many entries (%2); the file is damaged.'),
    QT_TR_NOOP('%1: the archive claims more than %2 GiB of data; it is damaged or not a project.'),
    QT_TR_NOOP('%1: not an MLP Studio project file (no %2 inside).'),
    QT_TR_NOOP('%1: the project header is implausibly large; the file is damaged.'),
    QT_TR_NOOP('%1: the project data is damaged (the state is not a dict).'),
    QT_TR_NOOP('%1: the project data is damaged (the part %2 is a %3, not a dict).'),
    QT_TR_NOOP('the project data is damaged (%1 is not a scalar)'),
    QT_TR_NOOP('%1: this is a model file, not a project; open it with File → Load model….'),
    QT_TR_NOOP('the entry %1 is missing; the file is damaged'),
    QT_TR_NOOP('%1: the project header is damaged (%2).'),
    QT_TR_NOOP('cannot save the project: key %1 in %2 is not a string'),
    QT_TR_NOOP('recipe: %1 must be %2 in %3%4, %5], got %6'),
    QT_TR_NOOP('recipe must be a dict, got %1'),
    QT_TR_NOOP('recipe: unknown settings %1'),
    QT_TR_NOOP('recipe: hidden must be a list of at most %1 layers, got %2'),
    QT_TR_NOOP('recipe: loss must be one of %1, got %2'),
    QT_TR_NOOP('recipe: optimizer must be one of %1, got %2'),
    QT_TR_NOOP("recipe: dtype must be 'float32' or 'float64', got %1"),
    QT_TR_NOOP('recipe: augment needs square images as inputs, not %1 inputs'),
    QT_TR_NOOP("recipe: hidden[%1] must be {'units': n, 'activation': name}, got %2"),
    QT_TR_NOOP('recipe: hidden[%1].activation must be one of %2, got %3'),
    QT_TR_NOOP('recipe: features must be a non-empty list from %1, got %2'),
    QT_TR_NOOP('%1: the number of classes must be from %2 to %3, got %4'),
    QT_TR_NOOP('%1: the loss must be one of %2, got %3'),
    QT_TR_NOOP('%1: takes the raw inputs, not features %2'),
    QT_TR_NOOP('%1: features must be a non-empty list from %2, got %3'),
    QT_TR_NOOP('%1: the network needs input features from %2'),
    QT_TR_NOOP('a stored run is damaged: %1'),
)

# The operating system's words for a failed file operation (Python gives them in English), inside the above
OS_ERRORS = (
    QT_TR_NOOP("No such file or directory"),
    QT_TR_NOOP("Permission denied"),
    QT_TR_NOOP("Is a directory"),
    QT_TR_NOOP("Not a directory"),
    QT_TR_NOOP("File exists"),
    QT_TR_NOOP("No space left on device"),
    QT_TR_NOOP("Read-only file system"),
)

NAMES: tuple[str, ...] = (TASK_LABELS + METRIC_LABELS + ACTIVATION_LABELS + ACTIVATION_TIPS + LOSS_NAMES
                          + PRESET_NAMES + PRESET_DESCRIPTIONS + DIAGNOSES + ERRORS + OS_ERRORS)


def _regex(template: str) -> re.Pattern:
    parts = re.split(r"%(\d)", template)
    out = []
    for i, part in enumerate(parts):
        out.append(re.escape(part) if i % 2 == 0 else "(.+?)")
    return re.compile("".join(out), re.S)


def _literal(template: str) -> int:
    return len(re.sub(r"%\d", "", template))


# (regex on the English text, English template with %1.. for its groups); the most specific first
PATTERNS: tuple[tuple[re.Pattern, str], ...] = tuple(
    (_regex(t), t) for t in sorted(set(TEMPLATES), key=lambda t: (-_literal(t), t)))

_INT = re.compile(r"-?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)")
_FLOAT = re.compile(r"-?\d+\.(\d+)")


def _value(group: str, depth: int) -> str:
    """One value taken out of an engine text, as the current language writes it."""
    if _INT.fullmatch(group):
        return integer(int(group.replace(",", "")))
    m = _FLOAT.fullmatch(group)
    if m:
        return num(float(group), len(m.group(1)))
    if group in ("nan", "inf", "-inf"):           # Python's words for a loss that blew up: NaN, ∞, −∞
        return num(float(group))
    return translated(group, _depth=depth + 1) if " " in group else group


def translated(text, _depth: int = 0) -> str:
    """`text` (an engine string) in the current language; unchanged if it is not known."""
    if text is None:
        return ""
    text = str(text)
    shown = tr(text)
    if shown != text or _depth > 2:
        return shown
    for pattern, template in PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return fill(tr(template), *(_value(g, _depth) for g in m.groups()))
    return text


__all__ = ["NAMES", "PATTERNS", "QT_TR_NOOP", "TEMPLATES", "translated"]
