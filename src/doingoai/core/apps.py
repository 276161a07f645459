from django.apps import AppConfig, apps


class RecordApp(AppConfig):
    """The base of every doingoai app that holds records or features.

    ``ready()`` imports the app's declaration modules (those it has), so every kind,
    page, panel, hook provider and importer is registered before the first request,
    command or test, wherever it starts:

    - ``kinds``: record kinds (``@register``);
    - ``views``: pages and panels declared against kinds (``kind_view``, ``detail_panel``);
    - ``selectors``: functions providing to other apps' hooks (``@hook.provide``);
    - ``imports``: spreadsheet importers (``@register_importer``);
    - ``signals``: signal receivers.

    A change to a record of an app with ``tracked = True`` moves the data versions
    (``core.models.bump_data_version``): cached pages and figures of it are recomputed.
    """

    declarations = ("kinds", "views", "selectors", "imports", "signals")
    tracked = True
    #: not chosen itself where it is imported into an app's ``apps.py``; its subclasses are
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = True

    def ready(self):
        from .registry import optional_module

        for name in self.declarations:
            optional_module(self.name, name)


def is_tracked(app_label: str) -> bool:
    try:
        config = apps.get_app_config(app_label)
    except LookupError:
        return False
    return getattr(config, "tracked", False)


class CoreConfig(RecordApp):
    name = "doingoai.core"
    label = "core"
    verbose_name = "doingoai"

    def ready(self):
        super().ready()
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_save,
            pre_delete,
            pre_save,
        )

        from . import searchindex
        from .bulk import records_changed
        from .models import bump_data_version, bump_topics

        searchindex.connect_signals()

        from django.core.signals import request_finished, request_started

        from .memo import request_begins, request_ends

        request_started.connect(request_begins, dispatch_uid="doingoai-memo-request-begins")
        request_finished.connect(request_ends, dispatch_uid="doingoai-memo-request-ends")

        from django.db.backends.signals import connection_created

        from .text import register_sqlite_function

        # names sorted in Vietnamese order on SQLite too (core.text.vietnamese_order)
        connection_created.connect(
            register_sqlite_function, dispatch_uid="doingoai-vietnamese-key", weak=False
        )

        from . import seen

        def counted(sender, kwargs) -> bool:
            meta = getattr(sender, "_meta", None)
            if meta is None or not is_tracked(meta.app_label) or kwargs.get("raw"):
                return False
            if meta.model_name.startswith("historical") or not getattr(
                sender, "data_versioned", True
            ):
                return False
            return set(kwargs.get("update_fields") or ()) != {"last_login"}  # a login: no

        def before(sender, **kwargs):  # the units a record touched before it changes
            if counted(sender, kwargs):
                seen.before_change(sender, **kwargs)

        def changed(sender, **kwargs):
            if not counted(sender, kwargs):
                return
            # the subtrees whose readers may see it changed (core.seen)
            topics = seen.change_topics(sender, kwargs)
            action = kwargs.get("action")  # many-to-many changes: count each once, after it
            if action is not None and not action.startswith("post_"):
                return
            if topics:
                bump_topics([sender._meta.app_label, *topics])
            else:
                bump_data_version(sender._meta.app_label)

        pre_save.connect(before, dispatch_uid="doingoai-seen-before-save", weak=False)
        pre_delete.connect(before, dispatch_uid="doingoai-seen-before-delete", weak=False)
        post_save.connect(changed, dispatch_uid="doingoai-data-version-save", weak=False)
        post_delete.connect(changed, dispatch_uid="doingoai-data-version-delete", weak=False)
        m2m_changed.connect(changed, dispatch_uid="doingoai-data-version-m2m", weak=False)

        def changed_in_bulk(sender, **kwargs):  # bulk_update and the like send no signals
            meta = getattr(sender, "_meta", None)
            if meta is None:
                bump_data_version()
                return
            from .tables import rows_topic

            # its app's figures, and the list rows kept under its records' versions
            # (which such writes do not move: core.tables.RecordTable.row_topics), and
            # every subtree reader's lists (which records, and so whose: not known)
            bump_topics([meta.app_label, rows_topic(sender), seen.SEEN_ALL])

        records_changed.connect(
            changed_in_bulk, dispatch_uid="doingoai-data-version-bulk", weak=False
        )
