from django.apps import AppConfig

# apps whose changes make cached figures and pages stale (core: attachments, references)
TRACKED_APPS = {"core", "organization", "partners", "agreements", "activities", "resources",
                "news"}
#: models whose changes no cached page shows
UNTRACKED_MODELS = {"dataversion"}


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = "doingoai"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import search
        from .models import bump_data_version

        search.connect_signals()

        def changed(sender, **kwargs):
            meta = getattr(sender, "_meta", None)
            if meta is None or meta.app_label not in TRACKED_APPS:
                return
            if (meta.model_name.startswith("historical") or meta.model_name in UNTRACKED_MODELS
                    or kwargs.get("raw")):
                return
            if set(kwargs.get("update_fields") or ()) == {"last_login"}:
                return  # a login changes nothing shown
            action = kwargs.get("action")  # many-to-many changes: count each once, after it
            if action is not None and not action.startswith("post_"):
                return
            bump_data_version(meta.app_label)

        post_save.connect(changed, dispatch_uid="doingoai-data-version-save", weak=False)
        post_delete.connect(changed, dispatch_uid="doingoai-data-version-delete", weak=False)
        m2m_changed.connect(changed, dispatch_uid="doingoai-data-version-m2m", weak=False)

        from .bulk import records_changed

        def changed_in_bulk(sender, **kwargs):  # bulk_update and the like send no signals
            meta = getattr(sender, "_meta", None)
            bump_data_version(meta.app_label if meta is not None else None)

        records_changed.connect(changed_in_bulk, dispatch_uid="doingoai-data-version-bulk",
                                weak=False)
