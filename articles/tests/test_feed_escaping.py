"""Plain text stays text in every feed: markup typed into a title, a lede, a chapter summary,
an author's name or job title, or a tag never comes out as live HTML, in RSS or Atom.

Feed readers show RSS descriptions and titles, and Atom's `type="html"` constructs, as HTML,
and many treat every other element the same way, so the check is strict: for every element of
the feed, its text and its attributes, decoded from XML and parsed as HTML, hold no tag at all.
"""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

# Script tags, event handlers, javascript: URLs, SVG and MathML, entities (which a careless
# double decoding turns into tags), broken and nested tags, CDATA and comment tricks.
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script/xss src=//xss.example/x.js></script>",
    "<img src=x onerror=alert(2)>",
    '<img src="x" onerror="alert(2)">',
    "<IMG SRC=javascript:alert(3)>",
    "<img src=`x`onerror=alert(4)>",
    "<img/src=x/onerror=alert(5)>",
    '<img """><script>alert(6)</script>">',
    "<img src=x:alert(7) onerror=eval(src)>",
    "<svg onload=alert(8)>",
    "<svg/onload=alert(9)>",
    "<svg><script>alert(10)</script></svg>",
    "<svg><animate onbegin=alert(11) attributeName=x dur=1s>",
    '<svg><a xlink:href="javascript:alert(12)"><text x="0" y="20">x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(13)>",
    "<body onload=alert(14)>",
    "<iframe src=javascript:alert(15)></iframe>",
    '<iframe srcdoc="<script>alert(16)</script>"></iframe>',
    '<a href="javascript:alert(17)">click</a>',
    '<a href="JaVaScRiPt:alert(18)">click</a>',
    '<a href="&#106;avascript:alert(19)">click</a>',
    '<a href="java\tscript:alert(20)">click</a>',
    '<a href=" javascript:alert(21)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgyMik8L3NjcmlwdD4=">x</a>',
    '<a href="vbscript:msgbox(23)">x</a>',
    "<div onmouseover=alert(24)>hover</div>",
    "<input autofocus onfocus=alert(25)>",
    "<details open ontoggle=alert(26)>",
    "<video><source onerror=alert(27)></video>",
    "<audio src=x onerror=alert(28)>",
    "<object data=javascript:alert(29)>",
    "<embed src=javascript:alert(30)>",
    "<form action=javascript:alert(31)><button>x</button></form>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(32)">',
    '<link rel="stylesheet" href="javascript:alert(33)">',
    "<style>@import 'javascript:alert(34)';</style>",
    '<div style="background:url(javascript:alert(35))">',
    '<base href="javascript:alert(36)//">',
    "<marquee onstart=alert(37)>",
    "&lt;script&gt;alert(38)&lt;/script&gt;",
    "&lt;img src=x onerror=alert(39)&gt;",
    "&#60;img src=x onerror=alert(40)&#62;",
    "&#x3C;svg onload=alert(41)&#x3E;",
    "&amp;lt;script&amp;gt;alert(42)&amp;lt;/script&amp;gt;",
    "\\u003cimg src=x onerror=alert(43)\\u003e",
    "%3Cimg%20src%3Dx%20onerror%3Dalert(44)%3E",
    "<img src=x onerror=alert(45)",
    "<img src=x onerror=alert(46)//",
    "<<script>alert(47)//<</script>",
    "<scri\tpt>alert(48)</script><img src=x onerror=alert(48)>",
    "<b onclick=alert(49)>bold</b>",
    "</title><script>alert(50)</script>",
    "</summary><script>alert(51)</script>",
    "]]><script>alert(52)</script><![CDATA[",
    "<![CDATA[<script>alert(53)</script>]]>",
    "<!--<img src=--><img src=x onerror=alert(54)//-->",
    "--><script>alert(55)</script><!--",
    '"><script>alert(56)</script>',
    "'><img src=x onerror=alert(57)>",
    "<p>Harmless <em>looking</em> markup</p>",
    '<noscript><p title="</noscript><img src=x onerror=alert(59)>">',
    "<template><script>alert(60)</script></template>",
    "<x onclick=alert(61)>custom element</x>",
    "<isindex type=image src=1 onerror=alert(62)>",
    "Roadmaps & OKRs <3 > plans",
]


class _TagFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))


def live_tags(text):
    """The tags a browser would build from `text` read as HTML."""
    finder = _TagFinder()
    finder.feed(text)
    finder.close()
    return finder.tags


def dangerous_outputs(feed_xml, skip=()):
    """(element, tags) for every text or attribute of the feed that holds live markup."""
    found = []
    for element in ET.fromstring(feed_xml).iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name in skip:
            continue
        for text in [element.text or "", *element.attrib.values()]:
            tags = live_tags(text)
            if tags:
                found.append((name, text, tags))
    return found


def feeds_carrying(article):
    chapter = {"scope": "chapters", "slug": article.section.slug}
    tag = {"scope": "tags", "slug": article.tags.get().slug}
    author = {"slug": article.author.slug}
    return [
        reverse("articles:scoped_feed_rss", kwargs=chapter),
        reverse("articles:scoped_feed_atom", kwargs=chapter),
        reverse("articles:scoped_feed_rss", kwargs=tag),
        reverse("articles:scoped_feed_atom", kwargs=tag),
        reverse("author_feed_rss", kwargs=author),
        reverse("author_feed_atom", kwargs=author),
    ]


def test_markup_in_plain_text_fields_never_comes_out_live_in_any_feed(client, report_line):
    assert len(set(XSS_PAYLOADS)) >= 60
    dangerous = []
    feeds_read = 0
    for payload in XSS_PAYLOADS:
        article = ArticleFactory(
            title=payload,
            summary=payload,
            section=SectionFactory(title=payload, summary=payload),
            author=AuthorFactory(name=payload, job_title=payload),
            tags=[payload[:100]],
        )
        for url in feeds_carrying(article):
            response = client.get(url)
            assert response.status_code == 200, (url, payload)
            feeds_read += 1
            dangerous += [(url, payload, *found) for found in dangerous_outputs(response.content)]
    for url in ("/feeds/articles.rss", "/feeds/articles.atom"):
        feeds_read += 1
        dangerous += [(url, *found) for found in dangerous_outputs(client.get(url).content)]
        # A full-content feed's entries carry the sanitised body HTML: everything else is text.
        full = client.get(url, {"full": "1"}).content
        feeds_read += 1
        dangerous += [
            (url, *found) for found in dangerous_outputs(full, {"description", "summary"})
        ]

    report_line(
        f"Feed escaping: {len(XSS_PAYLOADS)} payloads in 7 plain-text fields, "
        f"{feeds_read} feeds read, {len(dangerous)} dangerous outputs"
    )
    assert dangerous == []


def test_a_lede_with_markup_reads_as_that_text_in_rss_and_atom(client):
    ArticleFactory(title="Tips & tricks", summary="Use <b> for bold & <i> for italics.")
    rss = ET.fromstring(client.get("/feeds/articles.rss").content)
    assert rss.findtext("channel/item/description") == (
        "Use &lt;b&gt; for bold &amp; &lt;i&gt; for italics."
    )
    atom = ET.fromstring(client.get("/feeds/articles.atom").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = atom.find("a:entry", ns)
    assert entry.find("a:title", ns).get("type") == "html"
    assert entry.findtext("a:title", namespaces=ns) == "Tips &amp; tricks"
    assert entry.findtext("a:summary", namespaces=ns) == (
        "Use &lt;b&gt; for bold &amp; &lt;i&gt; for italics."
    )


def test_full_content_feed_still_carries_the_sanitised_body_html(client):
    ArticleFactory(summary="<b>lede</b>", body="Some **bold** text.\n\n<script>alert(1)</script>")
    description = ET.fromstring(client.get("/feeds/articles.rss", {"full": "1"}).content).findtext(
        "channel/item/description"
    )
    assert "<strong>bold</strong>" in description
    assert "<script" not in description and "alert" not in description
