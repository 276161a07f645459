from django.utils.translation import gettext_lazy as _

from doingoai.core.apps import RecordApp


class OrganizationConfig(RecordApp):
    name = "doingoai.organization"
    label = "organization"
    verbose_name = _("Organization")
