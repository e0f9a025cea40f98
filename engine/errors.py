"""The engine's own exceptions: every error a user can cause is one of these."""


class EngineError(Exception):
    """Base class: a clear, user-facing message about bad input or a failed run."""


class DataError(EngineError, ValueError):
    """A data set, CSV file or IDX file is missing, malformed or unsuitable."""


class ModelFileError(EngineError, ValueError):
    """A model file is missing, corrupt, or not a model file."""


class DivergenceError(EngineError, ArithmeticError):
    """Training produced NaN/inf; the last good weights were restored."""


class ProjectFileError(EngineError, ValueError):
    """A project file is missing, corrupt, not a project file, or cannot be written."""
