"""Files handed to background jobs (an import uploaded in the back-office).

The bytes are stored in the database (`JobFile`), so a worker on another server than the web server reads them.
`store()` refuses a file above `ANCRAGE_UPLOAD_MAX_MB` with a French message; the job deletes the file when it is
done (`discard`), and the retention rule registered by `core` deletes any left behind after
`ANCRAGE_UPLOAD_RETENTION_DAYS` days (an abandoned upload, a job that never ran).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext

from core.models import JobFile


def max_bytes() -> int:
    return settings.ANCRAGE_UPLOAD_MAX_MB * 1024 * 1024


def too_large_error(size: int) -> str:
    """The French refusal for a file of `size` bytes, or "" when it fits."""
    if size <= max_bytes():
        return ""
    megabytes = f"{size / 1024 / 1024:.1f}".replace(".", formats.get_format("DECIMAL_SEPARATOR"))
    return gettext(
        "Fichier trop volumineux : %(size)s Mo, pour une limite de %(limit)s Mo. "
        "Envoyez un fichier plus petit (un extrait, ou le fichier en plusieurs parties), ou confiez-le à un flux "
        "synchronisé ou à la commande import_data, qui n’ont pas cette limite."
    ) % {"size": megabytes, "limit": settings.ANCRAGE_UPLOAD_MAX_MB}


def check_size(size: int) -> None:
    if error := too_large_error(size):
        raise ValidationError(error, code="too_large")


def store(name: str, content: bytes, user=None) -> JobFile:
    check_size(len(content))
    return JobFile.objects.create(name=name[:300], content=content, size=len(content), created_by=user)


def read(pk: int) -> JobFile | None:
    return JobFile.objects.filter(pk=pk).first() if pk else None


def discard(pk: int | None) -> None:
    if pk:
        JobFile.objects.filter(pk=pk).delete()
