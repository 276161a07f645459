"""The database session store, its one read on every page written out.

Every signed-in page reads its session first; through the ORM that statement was
compiled again each time (a tenth of a kept list page's time after a change on
SQLite). The statement is the same as Django's; what is stored and how is Django's.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        model = self.model
        using = router.db_for_read(model)
        connection = connections[using]
        quote = connection.ops.quote_name
        meta = model._meta
        sql = "SELECT {} FROM {} WHERE {} = %s AND {} > %s".format(
            quote(meta.get_field("session_data").column),
            quote(meta.db_table),
            quote(meta.get_field("session_key").column),
            quote(meta.get_field("expire_date").column),
        )
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])
