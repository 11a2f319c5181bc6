"""Side effects that must happen once, after the data they report on is committed.

Zope retries a request whose transaction hits a conflict: everything done inside the
transaction is done again, and anything sent during it would be sent twice. A hook added here
runs only when its transaction commits; an aborted or failed transaction drops it, and the retry
registers its own.
"""

from kemenkumham.ham import logger

import transaction


def after_commit(callback, *args, **kwargs):
    def hook(committed, *args, **kwargs):
        if not committed:
            return
        try:
            callback(*args, **kwargs)
        except Exception:
            # The data is committed; a failed notification must not look like a failed request.
            logger.exception(
                "After-commit action %s failed", getattr(callback, "__name__", callback)
            )

    transaction.get().addAfterCommitHook(hook, args, kwargs)
