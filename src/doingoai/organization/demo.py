"""Demo users (the interface contract) on top of the unit tree."""

from doingoai.core.scope import Role

from . import services
from .models import User

DEMO_PASSWORD = "doingoai-demo"
DEMO_USERS = [
    # username, full name, province (None = central), role
    ("admin", "Quản trị hệ thống", None, Role.SYSTEM_ADMIN),
    ("trunguong", "Nguyễn Thị Lan (Ban Quốc tế TW Hội)", None, Role.VIEWER),
    ("daklak", "H'Yam Niê (Hội LHPN tỉnh Đắk Lắk)", "Đắk Lắk", Role.EDITOR),
    ("daklak_lead", "Trần Thị Hương (Chủ tịch Hội LHPN tỉnh Đắk Lắk)", "Đắk Lắk", Role.APPROVER),
    ("hanoi", "Lê Thị Mai (Hội LHPN thành phố Hà Nội)", "Hà Nội", Role.VIEWER),
]


def demo_user(username: str, full_name: str, unit, role) -> User:
    """A demo user as the demo wants her, made with the demo password; one already there
    and as wanted is left alone (loading the demo again changes nothing: no new version,
    no history row)."""
    user = User.objects.filter(username=username).first()
    wanted = {"full_name": full_name, "unit_id": unit.pk, "role": role, "is_active": True}
    if user is not None and all(getattr(user, k) == v for k, v in wanted.items()):
        return user
    if user is None:
        user = User(username=username)
        user.set_password(DEMO_PASSWORD)
    for name, value in wanted.items():
        setattr(user, name, value)
    user.save()
    return user


def load_demo_users() -> list[User]:
    central = services.central_unit()
    return [
        demo_user(username, full_name, services.province(province) if province else central, role)
        for username, full_name, province, role in DEMO_USERS
    ]
