import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")

django_application = get_wsgi_application()

# Imported once the apps are loaded (get_wsgi_application sets Django up).
from kb.pagecache.wsgi import PageCacheFront  # noqa: E402

# Hits of the page cache are answered before Django's request handling (kb/pagecache/wsgi.py).
application = PageCacheFront(django_application)
