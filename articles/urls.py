from django.urls import path

from articles import tag_views, views
from articles.feeds import ArticleFeed, AtomArticleFeed
from articles.markdown_views import article_markdown, llms_txt

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("guide/<uslug:section>/", views.section_detail, name="section"),
    path("guide/<uslug:section>/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tags/", tag_views.tag_list, name="tags"),
    path("tags/<uslug:slug>/", tag_views.tag_detail, name="tag"),
    path("guide/<uslug:section>/<uslug:slug>.md", article_markdown, name="markdown"),
    path("llms.txt", llms_txt, name="llms_txt"),
    path("feeds/articles.rss", ArticleFeed(), name="feed_rss"),
    path("feeds/articles.atom", AtomArticleFeed(), name="feed_atom"),
    path("feeds/<scope>/<uslug:slug>.rss", ArticleFeed(), name="scoped_feed_rss"),
    path("feeds/<scope>/<uslug:slug>.atom", AtomArticleFeed(), name="scoped_feed_atom"),
]
