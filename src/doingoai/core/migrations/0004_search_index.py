"""The search index of every record kind (see doingoai.core.searchindex).

SQLite: an FTS5 virtual table with the trigram tokenizer. PostgreSQL: a table
with a pg_trgm GIN index on the key. Rows are keyed by
``content_type_id << 40 | object_id``; ``key`` is the phonetic key of the whole
record, ``name`` that of its title (to rank the records named by the query first),
``title`` its folded title. Fill it with ``doingoai rebuild_search``
after loading data in bulk; saves and deletes keep it current.
"""

from django.db import migrations


def create(apps, schema_editor):
    conn = schema_editor.connection
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cur.execute(
                "CREATE TABLE IF NOT EXISTS core_search ("
                "id bigint PRIMARY KEY, title text NOT NULL DEFAULT '', "
                "name text NOT NULL DEFAULT '', key text NOT NULL DEFAULT '')"
            )
            cur.execute(
                "CREATE INDEX IF NOT EXISTS core_search_key_trgm "
                "ON core_search USING gin (key gin_trgm_ops)"
            )
            cur.execute(
                "CREATE INDEX IF NOT EXISTS core_search_name_trgm "
                "ON core_search USING gin (name gin_trgm_ops)"
            )
        elif conn.vendor == "sqlite":
            cur.execute("DROP TABLE IF EXISTS core_search")  # an earlier draft's layout
            cur.execute(
                "CREATE VIRTUAL TABLE core_search "
                "USING fts5(key, name, title UNINDEXED, tokenize='trigram')"
            )
        else:  # pragma: no cover - other databases: a plain table, scanned
            cur.execute(
                "CREATE TABLE core_search (id bigint PRIMARY KEY, title text, name text, key text)"
            )


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS core_search")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_externalref"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
