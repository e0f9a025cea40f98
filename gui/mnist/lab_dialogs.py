"""The MNIST lab's dialogs: the "train a new network?" question, warnings, the model file pickers and
the augmentation preview. A mixin of MnistLabMode (gui/mnist/mode.py); none of them blocks the event
loop (workers and tests keep running).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.constants import MODEL_FILTER
from gui.i18n import tr


class LabDialogs:
    """Asks and warns for MnistLabMode; `last_message_box` is the one open now (None: none)."""

    def _confirm_discard(self, then, *, one_epoch: bool = False) -> bool:
        """True: go ahead now. False: a run now would throw away the network trained here, so ask first
        (a non-blocking question, `last_message_box`; its "Train a new network" button calls `then`)."""
        if not self.session.would_discard_model(one_epoch=one_epoch):
            return True
        if self.last_message_box is not None and self.last_message_box.property("discard"):
            return False            # already asking
        box = QMessageBox(QMessageBox.Question, tr("Train a new network?"),
                          tr("Training now starts from new random weights and replaces the network trained here "
                             "(its curves and evaluation too). Save it first with File → Save model… "
                             "(Ctrl+Alt+S) to keep it."), QMessageBox.Cancel, self)
        box.setProperty("discard", True)
        new = box.addButton(tr("Train a new network"), QMessageBox.AcceptRole)
        box.setDefaultButton(QMessageBox.Cancel)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModal)
        new.clicked.connect(then)
        self.last_message_box = box
        box.destroyed.connect(self._forget_box)
        box.open()
        return False

    def _message_box(self, title: str, text: str) -> None:
        """A warning that does not block (the event loop, workers and tests keep running)."""
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModal)
        self.last_message_box = box
        box.destroyed.connect(self._forget_box)
        box.open()

    def _forget_box(self, *_args) -> None:
        self.last_message_box = None

    def save_model_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the MNIST network"),
                                              self._model_dir or "mnist_model.npz", tr(MODEL_FILTER))
        if path:
            if not path.lower().endswith(".npz"):
                path += ".npz"
            self._model_dir = path
            self.save_model(path)

    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open a network for the MNIST lab"), self._model_dir,
                                              tr(MODEL_FILTER))
        if path:
            self._model_dir = path
            self.load_model(path)

    def show_augmented_samples(self):
        """A dialog with training images and random augmented variants of each; None without data."""
        if self.session.data is None:
            self.session.say(tr("Load the data first: the samples are training images."), "error")
            return None
        from gui.mnist.augment_preview import AugmentPreview
        dialog = AugmentPreview(self.session.data, self.session.recipe.get("augment"), self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog
