"""Error pages (issue 17): 403, 404, 500 and a CSRF failure answer in Vietnamese, in
the site's layout, saying what to do next."""

from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views import defaults


def test_a_viewer_opening_an_add_page_gets_a_vietnamese_403_in_the_layout(world, login):
    client = login("hanoi")
    response = client.get(reverse("activities_add"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "403 Forbidden" not in page
    assert "Bạn không có quyền mở trang này" in page
    assert "người quản trị của đơn vị" in page  # what to do next
    assert 'class="sidenav"' in page and "Về trang tổng quan" in page


def test_a_record_out_of_scope_or_missing_gets_a_vietnamese_404(world, login):
    client = login("hanoi")
    response = client.get("/activities/987654321/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page and "ô tìm kiếm" in page
    assert 'class="sidenav"' in page


def test_an_expired_form_gets_a_vietnamese_csrf_page(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user("daklak"))
    response = client.post(reverse("resources_add"), {"title": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in page and "tải lại trang" in page
    assert "CSRF verification failed" not in page


def test_a_server_error_page_in_vietnamese(world):
    request = RequestFactory().get("/")
    with translation.override("vi"):
        response = defaults.server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Máy chủ gặp sự cố" in page and "quản trị hệ thống" in page
