from django.urls import path

from authors import views

app_name = "authors"

urlpatterns = [
    path("", views.AuthorListView.as_view(), name="list"),
    path("<uslug:slug>/", views.AuthorDetailView.as_view(), name="detail"),
]
