from django.utils.text import slugify


def unique_slug(instance, source, fallback, queryset=None, field="slug"):
    """A slug for `instance` from `source` that no other row in `queryset` uses.

    Unicode titles keep their letters ("Café" -> "café"); a title with no letters or digits at
    all (punctuation, emoji) falls back to `fallback`.
    """
    max_length = instance._meta.get_field(field).max_length
    base = slugify(source, allow_unicode=True)[:max_length].strip("-") or fallback
    if queryset is None:
        queryset = type(instance)._default_manager.all()
    taken = set(
        queryset.exclude(pk=instance.pk)
        .filter(**{f"{field}__startswith": base})
        .values_list(field, flat=True)
    )
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)] + suffix
        number += 1
    return candidate
