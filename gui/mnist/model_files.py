"""Model files in the MNIST lab: read one that fits the data, write the network in use (no Qt)."""
from __future__ import annotations

from pathlib import Path

from engine import ModelFileError, Pipeline
from engine.recipe import validate_recipe
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.mnist.state import IMAGES, engine_text, misfit


class Refused(Exception):
    """A model file the lab cannot use: `title` and `text` say why (Messages: translated when read)."""

    def __init__(self, title: Message, text: Message):
        super().__init__(str(text))
        self.title, self.text = title, text


def read_model(path, data) -> tuple[Pipeline, dict | None]:
    """The network in `path` and the recipe it was trained with (None if the lab cannot train that
    recipe); Refused if it cannot be read or does not fit `data` (None: the bundled MNIST)."""
    try:
        p = Pipeline.load(path)
    except ModelFileError as exc:
        raise Refused(Message.info(QT_TR_NOOP("Cannot open the model")), engine_text(str(exc))) from None
    why = misfit(p, Path(path).name, data)
    if why is not None:
        raise Refused(Message.info(QT_TR_NOOP("Cannot use this model")), why)
    recipe = p.meta.get("recipe")
    try:
        recipe = IMAGES.check_recipe(validate_recipe(recipe)) if isinstance(recipe, dict) else None
    except ValueError:
        recipe = None
    return p, recipe


def write_model(p: Pipeline, path, *, accuracy: float | None, data_name: str | None) -> None:
    """Save `p` with its test accuracy and data set noted; Refused if the file cannot be written."""
    meta = dict(p.meta)
    if accuracy is not None:
        meta["test_accuracy"] = float(accuracy)
    if data_name is not None:
        meta.setdefault("data", data_name)
    out = Pipeline(p.model, p.task, p.n_classes, p.features, p.mean, p.std, p.class_names, meta)
    try:
        out.save(path)
    except (OSError, ValueError, TypeError) as exc:
        raise Refused(Message.info(QT_TR_NOOP("Cannot save the model")),
                      Message.info("%1\n\n%2", str(path), engine_text(str(exc)))) from None
