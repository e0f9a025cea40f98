"""The process-wide one-BLAS-thread limit is reference-counted across jobs."""
import pytest

from gui import blas


class FakeController:
    """Stands in for threadpoolctl's controller: records the thread count it would set."""

    def __init__(self):
        self.threads = 2

    def limit(self, limits, user_api):
        assert user_api == "blas"
        previous, self.threads = self.threads, limits
        controller = self

        class Limiter:
            def restore_original_limits(self):
                controller.threads = previous
        return Limiter()


@pytest.fixture
def fake(monkeypatch):
    import gc
    gc.collect()  # jobs are generators: one dropped by an earlier test leaves the limit when collected
    assert blas.users() == 0
    controller = FakeController()
    monkeypatch.setattr(blas, "_controller", controller)
    return controller


def test_limit_holds_until_the_last_user_leaves(fake):
    a, b = blas.single_thread(), blas.single_thread()
    a.__enter__()
    assert fake.threads == 1
    b.__enter__()
    a.__exit__(None, None, None)          # the first job stops while the second still trains
    assert fake.threads == 1 and blas.users() == 1
    b.__exit__(None, None, None)
    assert fake.threads == 2 and blas.users() == 0


def test_limit_is_released_on_error(fake):
    with pytest.raises(RuntimeError):
        with blas.single_thread():
            assert fake.threads == 1
            raise RuntimeError("a failing job")
    assert fake.threads == 2 and blas.users() == 0


def test_real_controller_limits_blas_when_available():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    ctl = threadpoolctl.ThreadpoolController()
    if not ctl.select(user_api="blas").lib_controllers:
        pytest.skip("no BLAS library found by threadpoolctl")
    with blas.single_thread():
        assert blas.users() >= 1
