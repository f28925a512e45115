from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("guide/<uslug:section>/", views.section_detail, name="section"),
    path("guide/<uslug:section>/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tags/", views.tag_list, name="tags"),
    path("tags/<uslug:slug>/", views.tag_detail, name="tag"),
]
