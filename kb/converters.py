class UnicodeSlugConverter:
    """Slugs with letters from any script ("café", "产品"), as `allow_unicode` slug fields hold."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
