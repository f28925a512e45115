"""Template tags for page metadata: canonical URL, link previews and JSON-LD."""

from django import template

from kb import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return seo.canonical_url(context["request"])


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context, title, description, og_type="website", image=None):
    """image: an ImageField's file (empty when none was uploaded)."""
    request = context["request"]
    return {
        "title": title,
        "description": description,
        "og_type": og_type,
        "image_url": request.build_absolute_uri(image.url) if image else "",
        "url": seo.canonical_url(request),
        "site_title": context.get("site_title", ""),
    }


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, tags):
    return seo.json_ld_script(seo.article(article, tags, context["request"]))


@register.simple_tag(takes_context=True)
def person_json_ld(context, author):
    return seo.json_ld_script(seo.person_page(author, context["request"]))


@register.simple_tag(takes_context=True)
def defined_term_json_ld(context, term):
    return seo.json_ld_script(seo.defined_term(term, context["request"]))


@register.simple_tag(takes_context=True)
def defined_term_set_json_ld(context, terms):
    return seo.json_ld_script(seo.defined_term_set(terms, context["request"]))


@register.simple_tag(takes_context=True)
def breadcrumbs_json_ld(context, *names_and_urls):
    """{% breadcrumbs_json_ld "Guide" home_url chapter.title chapter_url ... %}"""
    crumbs = list(zip(names_and_urls[::2], names_and_urls[1::2], strict=True))
    return seo.json_ld_script(seo.breadcrumbs(crumbs, context["request"]))
