"""A request's photo: checked with Pillow, re-encoded to JPEG without any metadata (EXIF, GPS, XMP, ICC), size-limited.

Re-encoding from pixels is what strips the metadata: nothing of the uploaded file is kept but its decoded image.
"""

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

MAX_SIDE = 1600  # pixels: enough to see the problem, light to serve
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
ACCEPTED = {"JPEG", "PNG", "WEBP", "GIF"}


def reencode(upload) -> ContentFile:
    """The uploaded image as a new JPEG file (raises ValidationError with a French message)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    limit = settings.ANCRAGE_REQUEST_PHOTO_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            _("La photo dépasse %(mb)s Mo : choisissez-en une plus légère.")
            % {"mb": settings.ANCRAGE_REQUEST_PHOTO_MAX_MB}
        )
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED:
                raise ValidationError(_("Ce format d’image n’est pas accepté : envoyez une photo JPEG, PNG ou WebP."))
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("Cette image est trop grande : envoyez une photo plus petite."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)  # keep the orientation the EXIF said, then drop the EXIF
            image = image.convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            clean = Image.new("RGB", image.size)
            clean.paste(image)
            out = io.BytesIO()
            clean.save(out, "JPEG", quality=85, optimize=True)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        message = _("Ce fichier n’est pas une image lisible : envoyez une photo JPEG, PNG ou WebP.")
        raise ValidationError(message) from exc
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
