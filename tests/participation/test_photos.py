"""A request's photo: checked, re-encoded to JPEG, without any metadata (the position above all), size-limited."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from participation.domain.photos import reencode


def photo_with_gps(fmt="JPEG") -> bytes:
    image = Image.new("RGB", (2400, 1200), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Appareil"  # Make
    exif[0x8825] = {1: "N", 2: (48.0, 43.0, 50.0), 3: "E", 4: (2.0, 16.0, 17.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def test_the_position_and_every_metadata_are_removed():
    original = photo_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    clean = reencode(SimpleUploadedFile("p.jpg", original, "image/jpeg"))
    with Image.open(io.BytesIO(clean.read())) as image:
        assert image.format == "JPEG"
        assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
        assert max(image.size) == 1600  # reduced
    assert clean.name.endswith(".jpg")


def test_a_png_is_re_encoded_to_jpeg():
    out = io.BytesIO()
    Image.new("RGBA", (10, 10)).save(out, "PNG")
    clean = reencode(SimpleUploadedFile("p.png", out.getvalue(), "image/png"))
    assert Image.open(io.BytesIO(clean.read())).format == "JPEG"


@pytest.mark.parametrize("content", [b"%PDF-1.4 not an image", b"", b"\x89PNG\r\n\x1a\n broken"])
def test_what_is_not_an_image_is_refused_in_french(content):
    with pytest.raises(ValidationError, match="image"):
        reencode(SimpleUploadedFile("p.jpg", content, "image/jpeg"))


def test_a_photo_over_the_size_limit_is_refused(settings):
    settings.ANCRAGE_REQUEST_PHOTO_MAX_MB = 0
    with pytest.raises(ValidationError, match="dépasse"):
        reencode(SimpleUploadedFile("p.jpg", photo_with_gps(), "image/jpeg"))


@pytest.mark.django_db
def test_the_form_stores_the_clean_photo_under_media_root(client, settings):
    from participation.models import Request
    from tests.factories_participation import CategoryFactory
    from tests.participation.conftest import FORM

    category = CategoryFactory()
    upload = SimpleUploadedFile("p.jpg", photo_with_gps(), "image/jpeg")
    client.post("/demandes/nouvelle/", {**FORM, "category": category.pk, "photo": upload})
    row = Request.objects.get()
    assert row.photo.name.startswith("demandes/") and row.photo.name.endswith(".jpg")
    with Image.open(row.photo.path) as image:
        assert not image.getexif()
    assert str(settings.MEDIA_ROOT) in row.photo.path


@pytest.mark.django_db
def test_a_deleted_draft_takes_its_photo_along(client):
    from participation.models import Request
    from tests.factories_participation import CategoryFactory, RequestFactory
    from tests.participation.conftest import FORM

    category = CategoryFactory()
    existing = RequestFactory(category=category)
    upload = SimpleUploadedFile("p.jpg", photo_with_gps(), "image/jpeg")
    client.post("/demandes/nouvelle/", {**FORM, "category": category.pk, "photo": upload})
    path = Request.objects.get(status=Request.Status.DRAFT).photo.path
    client.post("/demandes/nouvelle/similaires/", {"action": f"soutenir-{existing.pk}"})
    import os

    assert not os.path.exists(path)
