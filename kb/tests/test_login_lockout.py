"""Password guessing at /admin/login/ is locked out, per username and per address (django-axes)."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("anna", password="right-password", is_staff=True)


def sign_in(client, password, username="anna", address="10.1.1.1"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )  # fmt: skip


def test_after_five_wrong_passwords_even_the_right_one_is_refused(staff, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    response = sign_in(client, "right-password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_username_is_locked_from_every_address(staff, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "wrong", address=f"10.2.0.{n}")
    assert sign_in(Client(), "right-password", address="10.9.9.9").status_code == 429


def test_the_address_is_locked_for_every_username(staff, settings, django_user_model):
    django_user_model.objects.create_user("ben", password="bens-password", is_staff=True)
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "wrong", username=f"guess{n}")
    assert sign_in(Client(), "bens-password", username="ben").status_code == 429


def test_an_admin_unlocks_a_username(staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "wrong")
    call_command("axes_reset_username", "anna", stdout=open("/dev/null", "w"))
    call_command("axes_reset_ip", "10.1.1.1", stdout=open("/dev/null", "w"))
    response = sign_in(Client(), "right-password")
    assert response.status_code == 302
