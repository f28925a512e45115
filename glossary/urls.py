from django.urls import path

from glossary import views

app_name = "glossary"

urlpatterns = [
    path("", views.GlossaryIndexView.as_view(), name="index"),
    path("<uslug:slug>/", views.GlossaryTermDetailView.as_view(), name="detail"),
    path("<uslug:slug>/used-in/", views.GlossaryTermUsedInView.as_view(), name="used_in"),
]
