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


def load_demo_users() -> list[User]:
    central = services.central_unit()
    users = []
    for username, full_name, province, role in DEMO_USERS:
        unit = services.province(province) if province else central
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            user.set_password(DEMO_PASSWORD)
        user.full_name = full_name
        user.unit = unit
        user.role = role
        user.is_active = True
        user.save()
        users.append(user)
    return users
