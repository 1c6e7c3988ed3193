"""Several workers at once in one test: each in its own thread with its own database connections."""

import threading

from django.db import connections

from core import worker


def run_side_by_side(count: int = 2) -> list[Exception]:
    """Run `count` workers once each, at the same time; returns what they raised (nothing, in a good run)."""
    errors = []

    def work(name):
        try:
            worker.run(name, once=True)
        except Exception as exc:  # noqa: BLE001 - returned to the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    worker.run_pending()  # anything a locked database made a worker skip
    return errors


def deliver() -> list:
    """Run the queued jobs (the e-mails among them); the messages sent so far."""
    from django.core import mail

    worker.run_pending()
    return mail.outbox
