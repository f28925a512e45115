"""The editor's endpoints: where markdownx's widget posts image uploads, and what the live preview
(glossary.views.markdown_preview, which links glossary terms as pages do) shares with them.

markdownx ships views for both, but they accept anyone, trust the content type and file name
the client declares, and shrink every raster image to 500x500. kb mounts these instead, at
the paths the widget posts to (kb/urls.py): only editors may call them, previews go through
kb's one Markdown pipeline, and an upload is stored only if Pillow decodes it as a PNG, JPEG,
GIF or WebP within a byte and pixel budget.

Uploads are re-encoded, never stored as sent. A file can be a valid image and something else
too (HTML appended after a GIF's trailer, script in a PNG text chunk or a JPEG comment), and
a byte scan for such payloads both misses encoded ones and misfires on compressed data, where
a short marker like `<svg` turns up by chance. Writing the decoded pixels out again through
Pillow keeps only what we choose: pixels, palette and transparency, the colour profile, the
EXIF orientation (so phone photos stay upright) and animation timing. Everything else goes,
including the EXIF location and camera data editors rarely mean to publish. The price is
small: JPEGs are written with their own quantisation tables and subsampling, so the loss is a
rounding step rather than a new quality setting; PNG, GIF and lossless WebP stay lossless
(animated GIFs are re-quantised frame by frame); lossy WebP is written at quality 90.
Animations keep every frame, so the pixel budget counts every frame. A final scan of the
re-encoded bytes covers the one path left: pixels crafted so the encoder's output spells out
markup.

The pixel budget is checked against the size in the file's header, before anything is
decoded. Pillow's own decompression-bomb guard (`Image.MAX_IMAGE_PIXELS`, about 89 million
pixels) is left at its default as a second line; it is process-wide, so kb never changes it.
"""

import re
from dataclasses import dataclass, field
from functools import wraps
from io import BytesIO
from uuid import uuid4

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.views.decorators.http import require_POST
from PIL import ExifTags, Image, JpegImagePlugin

# Any one of these makes a staff member an editor.
EDIT_PERMISSIONS = (
    "articles.change_article",
    "articles.change_section",
    "glossary.change_glossaryterm",
    "authors.change_author",
)

# Pillow's format name -> the extension we store under. Pillow may open a JPEG as MPO (phone
# cameras add a second, preview image); we keep only its primary image, as a JPEG.
EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "MPO": "jpg", "GIF": "gif", "WEBP": "webp"}
# Only these decoders are tried at all, whatever the bytes claim to be.
DECODERS = ("PNG", "JPEG", "GIF", "WEBP")
LOSSY_WEBP_QUALITY = 90
PLAIN_TEXT = "text/plain; charset=utf-8"
# A tag name and the character after it: in re-encoded bytes, a bare `<svg` can occur by chance.
MARKUP = re.compile(
    rb"<(?:!doctype|html|head|body|script|svg|iframe|object|embed)[\s/>]", re.IGNORECASE
)


def can_edit(user):
    """Staff who may change some kind of content: the people the editor widget is for."""
    return user.is_staff and any(user.has_perm(perm) for perm in EDIT_PERMISSIONS)


def editors_only(view):
    """403 for everyone else, anonymous visitors included: these are AJAX endpoints, so a
    redirect to a login page would only confuse the widget."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_edit(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_POST
@editors_only
def upload_image(request):
    """Store a dropped image and answer with the Markdown that shows it, as markdownx expects:
    `{"image_code": "![](url)"}`, or `{"image": [message]}` with status 400 (the shape of
    markdownx's own form errors)."""
    upload = request.FILES.get("image")
    if upload is None:
        return _refuse("No image was uploaded.")
    try:
        data, extension = clean_image(upload)
    except UploadRefused as refusal:
        return _refuse(str(refusal))
    name = f"{settings.MARKDOWNX_MEDIA_PATH}{timezone.now():%Y/%m}/{generated_name(extension)}"
    name = default_storage.save(name, ContentFile(data))
    return JsonResponse({"image_code": f"![]({default_storage.url(name)})"})


def clean_image(upload):
    """An uploaded file -> (bytes to store, extension), or UploadRefused saying why: the one
    check every image upload in kb goes through (the editor's, and every ImageField's through
    SafeImageField). The bytes are the re-encoded image, never the file as sent."""
    max_bytes = settings.KB_UPLOAD_MAX_BYTES
    if upload.size > max_bytes:  # known before reading: the upload handler counted it
        raise UploadRefused(
            f"Images may be at most {filesizeformat(max_bytes)}; "
            f"this one is {filesizeformat(upload.size)}."
        )
    upload.seek(0)
    image = decode(upload.read(max_bytes + 1), settings.KB_UPLOAD_MAX_PIXELS)
    data = image.encode()
    if MARKUP.search(data):
        raise UploadRefused("This image could not be stored safely; try exporting it again.")
    return data, image.extension


def generated_name(extension):
    """A stored image's file name: random, so it says nothing the uploader's name said and
    cannot be guessed, with the extension of the format it was stored in."""
    return f"{uuid4().hex}.{extension}"


class SafeImageFormField(forms.ImageField):
    """A form's image upload, checked and re-encoded by clean_image(): the cleaned value is the
    re-encoded file under a generated name, so the model stores that and never what was sent."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)  # empty, name and size checks only
        if upload is None:
            return None
        try:
            cleaned, extension = clean_image(upload)
        except UploadRefused as refusal:
            raise ValidationError(str(refusal), code="invalid_image") from refusal
        return ContentFile(cleaned, name=generated_name(extension))


class SafeImageField(models.ImageField):
    """An ImageField whose forms (the admin's included) store only what clean_image() allows.
    Every ImageField in kb is one of these (kb/tests/test_editor.py checks)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})


def _refuse(message):
    return JsonResponse({"image": [message]}, status=400)


class UploadRefused(Exception):
    """An upload kb will not store; the message is for the editor."""


@dataclass
class DecodedImage:
    format: str
    frames: list
    options: dict = field(default_factory=dict)

    @property
    def extension(self):
        return EXTENSIONS[self.format]

    def encode(self):
        output = BytesIO()
        first, *rest = self.frames
        if rest:
            first.save(output, self.format, save_all=True, append_images=rest, **self.options)
        else:
            first.save(output, self.format, **self.options)
        return output.getvalue()


def decode(data, max_pixels):
    """Decode `data` fully, or raise UploadRefused. Nothing is decoded before the pixel budget
    has been checked against the size the file's header declares."""
    try:
        image = Image.open(BytesIO(data), formats=DECODERS)
        if image.format not in EXTENSIONS:
            raise UploadRefused("Only PNG, JPEG, GIF and WebP images can be uploaded.")
        _check_budget(image.width * image.height, max_pixels)
        image.verify()  # structure and checksums, still without decoding
        # verify() leaves the image unusable; decode from a fresh one.
        image = Image.open(BytesIO(data), formats=DECODERS)
        if image.format == "MPO" or getattr(image, "n_frames", 1) == 1:
            return _decode_still(image, data)
        return _decode_animation(image, data, max_pixels)
    except UploadRefused:
        raise
    except Exception as exc:
        # As in Django's forms.ImageField: on hostile input Pillow raises whatever its
        # decoders trip over (UnidentifiedImageError and truncation are OSErrors; plugins use
        # SyntaxError, ValueError, EOFError, struct.error; the bomb guard has its own error).
        # None of them is a server fault: the file is simply not an image we can take.
        raise UploadRefused(
            "This file is not a PNG, JPEG, GIF or WebP image, or it is damaged."
        ) from exc


def _check_budget(pixels, max_pixels):
    if pixels > max_pixels:
        raise UploadRefused(
            f"Images may have at most {max_pixels:,} pixels, all frames of an animation "
            f"together; this one has {pixels:,}."
        )


def _decode_still(image, data):
    image.load()  # the full decode: a truncated or corrupt file fails here
    options = _kept_metadata(image)
    if image.format in ("JPEG", "MPO"):
        options.update(qtables=image.quantization, subsampling=JpegImagePlugin.get_sampling(image))
    elif image.format == "WEBP":
        options.update(_webp_options(data))
    output_format = "JPEG" if image.format == "MPO" else image.format
    return DecodedImage(output_format, [_bare(image)], options)


def _decode_animation(image, data, max_pixels):
    frame_count = image.n_frames
    _check_budget(image.width * image.height * frame_count, max_pixels)
    loop = image.info.get("loop")
    frames, durations, decoded = [], [], 0
    for index in range(frame_count):
        image.seek(index)
        decoded += image.width * image.height  # a GIF frame may grow the canvas
        _check_budget(decoded, max_pixels)
        # Pillow hands out each frame composited onto the ones before it, so every frame is
        # stored whole, in RGBA so transparency survives whatever palette each frame had.
        frames.append(_bare(image.convert("RGBA")))
        durations.append(image.info.get("duration", 0))
    options = {"duration": durations}
    if loop is not None:
        options["loop"] = loop
    if image.format == "GIF":
        options["disposal"] = 2  # whole frames: clear each before drawing the next
    elif image.format == "WEBP":
        options.update(_webp_options(data))
    return DecodedImage(image.format, frames, options)


def _bare(image):
    """A copy of `image` with no metadata: Pillow's encoders write what they find in `info`
    (a GIF or JPEG comment, PNG text), so only what we pass explicitly is written."""
    copy = image.copy()
    copy.info = {}
    return copy


def _kept_metadata(image):
    options = {}
    if "transparency" in image.info:
        options["transparency"] = image.info["transparency"]
    if icc_profile := image.info.get("icc_profile"):
        options["icc_profile"] = icc_profile
    orientation = image.getexif().get(ExifTags.Base.Orientation)
    if orientation in range(2, 9) and image.format != "GIF":
        exif = Image.Exif()
        exif[ExifTags.Base.Orientation] = orientation
        options["exif"] = exif.tobytes()
    return options


def _webp_options(data):
    """Lossless WebP stays lossless, lossy stays lossy: the first image chunk tells which."""
    position = 12  # after "RIFF", the file size and "WEBP"
    while position + 8 <= len(data):
        chunk = data[position : position + 4]
        if chunk in (b"VP8 ", b"VP8L"):
            return {"lossless": True} if chunk == b"VP8L" else {"quality": LOSSY_WEBP_QUALITY}
        if chunk == b"ANMF":
            position += 8 + 16  # into the first frame: its 16-byte header, then its chunks
            continue
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        position += 8 + size + size % 2
    return {"quality": LOSSY_WEBP_QUALITY}
