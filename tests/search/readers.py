"""Readers the search tests share."""

from doingoai.organization.models import Unit, User


def commune_reader(world) -> tuple[Unit, User]:
    """A commune of Đắk Lắk (the test world has provinces only) and its reader,
    ``xa_reader``."""
    commune = Unit.objects.create(
        level="commune",
        code="24001",
        name="Hội LHPN xã Ea Kao",
        area_name="Ea Kao",
        parent=world.daklak,
    )
    reader = User.objects.create_user("xa_reader", password="x-Long-pass-42", unit=commune)
    return commune, reader
