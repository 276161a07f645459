from doingoai.core.apps import RecordApp


class Config(RecordApp):
    name = "doingoai.protection"
    label = "protection"
    declarations = ("selectors",)

    def ready(self):
        super().ready()
        from .crypto import check_configured

        check_configured()  # no key in production: refuse to start
        from django.contrib.auth.signals import user_logged_in

        from .otp import ask_at_sign_in

        user_logged_in.connect(ask_at_sign_in, dispatch_uid="protection_second_factor")
