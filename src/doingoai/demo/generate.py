"""National-scale generated data for benchmarks: deterministic (seeded), bulk-inserted.

``generate(activities=1_000_000, resources=200_000, agreements=50_000,
partners=100_000, seed=1)`` fills the database with twenty years (2006 to today)
of plausible records: every province of today and the 63 before the 2025 merger,
the communes of several provinces, partners in many countries with their ISO
3166-2 subdivisions, agreements with parties, commitments and reviews,
activities with places, partners, units and delegation members, resources in
several currencies with their VND and USD equivalents, and history rows for a
fraction of the records.

Rows are built in memory with explicit primary keys (so links need no read back)
and written with ``bulk_create`` in batches, one transaction per chunk; no
``save()`` per row, so ``search_text``, ``amount`` and the equivalents are
computed here the way the models compute them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from doingoai.core.countries import country_name, subdivision_aliases, subdivisions_of
from doingoai.core.progress import Progress
from doingoai.core.text import fold

DEFAULTS = {
    "activities": 1_000_000,
    "resources": 200_000,
    "agreements": 50_000,
    "partners": 100_000,
}
START = dt.date(2006, 1, 1)
CHUNK = 10_000
BATCH = 2_000
#: share of records that get bulk-created history rows
HISTORY_SHARE = 0.1
#: provinces whose communes are loaded (codes of today)
COMMUNE_PROVINCES = ["01", "66", "52", "40", "44", "46", "79", "82", "91", "19"]

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "H'",
    "Y",
]
GIVEN = [
    "Lan",
    "Hương",
    "Mai",
    "Hoa",
    "Thu",
    "Hằng",
    "Ngọc",
    "Thảo",
    "Linh",
    "Trang",
    "Phương",
    "Hạnh",
    "Yến",
    "Nhung",
    "Vân",
    "Thủy",
    "Dung",
    "Hiền",
    "Oanh",
    "Loan",
    "Bích",
    "Nga",
    "Liên",
    "Tuyết",
    "Xuân",
    "Quyên",
    "Diệu",
    "Ánh",
]
MIDDLE = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Minh", "Thanh", "Kim"]
POSITIONS = [
    "Chủ tịch",
    "Phó Chủ tịch",
    "Trưởng ban Đối ngoại",
    "Phó Trưởng ban",
    "Chuyên viên",
    "Ủy viên Ban Thường vụ",
    "Cán bộ Văn phòng",
]
TOPICS = [
    "bình đẳng giới",
    "phòng chống mua bán người",
    "khởi nghiệp của phụ nữ",
    "phòng chống bạo lực gia đình",
    "biến đổi khí hậu",
    "chuyển đổi số",
    "phụ nữ và hòa bình",
    "sinh kế bền vững",
    "sức khỏe sinh sản",
    "phụ nữ dân tộc thiểu số",
    "an ninh lương thực",
    "di cư an toàn",
    "kinh tế tập thể",
    "giáo dục trẻ em gái",
    "lãnh đạo nữ",
]
GIFTS = [
    "máy may",
    "xe đạp",
    "học bổng",
    "nhu yếu phẩm",
    "thiết bị y tế",
    "máy tính",
    "giống cây trồng",
    "bò giống",
    "áo ấm",
    "sách vở",
]
AREAS = [
    "bình đẳng giới",
    "sinh kế",
    "giáo dục",
    "y tế",
    "văn hóa",
    "du lịch",
    "thương mại",
    "phòng chống mua bán người",
    "nông nghiệp",
    "chuyển đổi số",
]
#: country weights (partners and places)
COUNTRIES = [
    ("LA", 14),
    ("KH", 9),
    ("CN", 8),
    ("JP", 6),
    ("KR", 6),
    ("TH", 5),
    ("US", 5),
    ("FR", 4),
    ("DE", 4),
    ("AU", 4),
    ("GB", 3),
    ("RU", 3),
    ("IN", 3),
    ("ID", 2),
    ("PH", 2),
    ("MY", 2),
    ("SG", 2),
    ("MM", 2),
    ("CU", 2),
    ("CA", 2),
    ("SE", 1),
    ("NL", 1),
    ("BE", 1),
    ("IT", 1),
    ("ES", 1),
    ("CH", 1),
    ("NO", 1),
    ("DK", 1),
    ("FI", 1),
    ("NZ", 1),
    ("BR", 1),
    ("ZA", 1),
    ("MN", 1),
    ("BD", 1),
    ("TL", 1),
    ("MZ", 1),
    ("AO", 1),
    ("VE", 1),
    ("BY", 1),
    ("HU", 1),
    ("PL", 1),
    ("CZ", 1),
]
OVERSEAS = ["DE", "CZ", "PL", "RU", "JP", "KR", "FR", "US", "AU", "UA", "HU", "TW", "GB"]
SECTORS = [
    ("Thương mại", "Trading"),
    ("Dệt may", "Textile"),
    ("Nông sản", "Agriculture"),
    ("Du lịch", "Tourism"),
    ("Thủ công mỹ nghệ", "Handicraft"),
    ("Cà phê", "Coffee"),
    ("Xây dựng", "Construction"),
    ("Giáo dục", "Education"),
    ("Y tế", "Health"),
    ("Công nghệ", "Technology"),
    ("Thực phẩm", "Food"),
    ("Logistics", "Logistics"),
]
INGO_WORDS = [
    ("Quỹ", "Foundation"),
    ("Tổ chức", "Organization"),
    ("Mạng lưới", "Network"),
    ("Liên minh", "Alliance"),
    ("Trung tâm", "Centre"),
]
INGO_CAUSES = [
    ("vì Phụ nữ", "for Women"),
    ("vì Trẻ em", "for Children"),
    ("Phát triển Cộng đồng", "Community Development"),
    ("Hòa bình và Phát triển", "Peace and Development"),
    ("Bình đẳng giới", "Gender Equality"),
    ("Sức khỏe Gia đình", "Family Health"),
    ("Sinh kế Bền vững", "Sustainable Livelihoods"),
    ("Giáo dục", "Education"),
]
UN_AGENCIES = [
    ("Cơ quan Liên hợp quốc về Bình đẳng giới", "UN Women", "UN Women"),
    ("Quỹ Dân số Liên hợp quốc", "United Nations Population Fund", "UNFPA"),
    ("Quỹ Nhi đồng Liên hợp quốc", "United Nations Children's Fund", "UNICEF"),
    ("Chương trình Phát triển Liên hợp quốc", "United Nations Development Programme", "UNDP"),
    ("Tổ chức Lao động Quốc tế", "International Labour Organization", "ILO"),
    ("Tổ chức Di cư Quốc tế", "International Organization for Migration", "IOM"),
    ("Tổ chức Lương thực và Nông nghiệp", "Food and Agriculture Organization", "FAO"),
    ("Tổ chức Y tế Thế giới", "World Health Organization", "WHO"),
]
CURRENCIES = [
    ("VND", 45),
    ("USD", 30),
    ("EUR", 8),
    ("JPY", 6),
    ("KRW", 5),
    ("AUD", 3),
    ("CNY", 2),
    ("LAK", 1),
]
#: đồng per unit in 2006 and 2026 (illustrative, not official rates)
RATE_SPAN = {
    "USD": (15950, 26300),
    "EUR": (20000, 30200),
    "JPY": (137, 175),
    "KRW": (16.7, 18.2),
    "AUD": (12000, 16900),
    "CNY": (2000, 3650),
    "LAK": (1.55, 1.21),
}


def _weighted(pairs):
    values = [v for v, _w in pairs]
    cum, total = [], 0
    for _v, w in pairs:
        total += w
        cum.append(total)
    return values, cum


_fold = lru_cache(maxsize=100_000)(fold)


@lru_cache(maxsize=4096)
def _aliases(code: str) -> tuple[str, ...]:
    return tuple(subdivision_aliases(code))


@lru_cache(maxsize=4096)
def _sub_name(code: str) -> str:
    aliases = _aliases(code)
    return aliases[0] if aliases else code


@lru_cache(maxsize=512)
def _country_vi(code: str) -> str:
    return country_name(code, "vi")


@lru_cache(maxsize=512)
def _country_en(code: str) -> str:
    return country_name(code, "en")


@lru_cache(maxsize=512)
def _subs(country: str) -> tuple[str, ...]:
    return tuple(sorted(subdivisions_of(country)))


_MISSING = object()


def _decimal_adapter(ops, digits, places):
    def adapt(v):
        return ops.adapt_decimalfield_value(v, digits, places)

    return adapt


def _json(v):
    return json.dumps(v, ensure_ascii=False)


#: the main purposes of the delegations generated, weighted by repetition
DELEGATION_PURPOSES = (
    ["visit"] * 8 + ["study"] * 4 + ["conference"] * 4 + ["agreement"] * 3 + ["resources"] * 2
) + ["other"]


class Row(dict):
    """A row to insert: a dict by attribute name, readable as attributes."""

    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__


class Table:
    """A prepared INSERT of a model's concrete fields; defaults filled in, values
    adapted for the database the way ``bulk_create`` would, minus its per-row cost."""

    def __init__(self, model):
        ops = connection.ops
        qn = ops.quote_name
        now = timezone.now()
        self.names, self.defaults, self.convs = [], [], []
        fields = []
        for f in model._meta.concrete_fields:
            if f.primary_key and (model._meta.auto_created or f.attname != "id"):
                continue  # through tables and history_id: the database numbers them
            fields.append(f)
            self.names.append(f.attname)
            kind = f.get_internal_type()
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                default = now
            else:
                default = f.get_default()  # "" for text without a default, None if null
            self.defaults.append(default)
            if kind == "DateField":
                conv = ops.adapt_datefield_value
            elif kind == "DateTimeField":
                conv = ops.adapt_datetimefield_value
            elif kind == "DecimalField":
                conv = _decimal_adapter(ops, f.max_digits, f.decimal_places)
            elif kind == "JSONField":
                conv = _json
            else:
                conv = None
            self.convs.append(conv)
        cols = ", ".join(qn(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        self.sql = f"INSERT INTO {qn(model._meta.db_table)} ({cols}) VALUES ({marks})"
        self.defaults = [
            conv(d) if conv is not None and d is not None else d
            for d, conv in zip(self.defaults, self.convs, strict=True)
        ]
        self.spec = list(zip(self.names, self.defaults, self.convs, strict=True))

    def insert(self, rows, batch=BATCH):
        data = []
        for row in rows:
            if "pk" in row:
                row["id"] = row.pop("pk")
            values = []
            for name, default, conv in self.spec:
                v = row.get(name, _MISSING)
                if v is _MISSING:
                    v = default
                elif conv is not None and v is not None:
                    v = conv(v)
                values.append(v)
            data.append(values)
        with connection.cursor() as cur:
            for i in range(0, len(data), batch):
                cur.executemany(self.sql, data[i : i + batch])


def _next_id(model) -> int:
    return (model._base_manager.aggregate(m=Max("pk"))["m"] or 0) + 1


class Generator:
    def __init__(self, *, seed=1, stream=None, quiet=False, today=None):
        self.rnd = random.Random(seed)
        self.seed = seed
        self.stream = stream
        self.quiet = quiet
        self.today = today or dt.date.today()
        self.last_day = self.today + dt.timedelta(days=60)
        self.now = timezone.now()
        self.stats: dict[str, int] = {}
        self.tables: dict = {}

    # ------------------------------------------------------------ helpers

    def progress(self, title, total):
        return Progress(title, total, stream=self.stream, quiet=self.quiet)

    def pick(self, weighted):
        values, cum = weighted
        return self.rnd.choices(values, cum_weights=cum)[0]

    def date(self, start=START, end=None) -> dt.date:
        """A date between ``start`` and ``end``, more of them in later years."""
        end = end or self.last_day
        span = (end - start).days
        # density grows linearly with time: sqrt of a uniform number
        return start + dt.timedelta(days=int(span * (self.rnd.random() ** 0.6)))

    def person(self) -> str:
        r = self.rnd
        family = r.choice(FAMILY)
        if family in ("H'", "Y"):
            return (
                f"{family}{r.choice(['Yam', 'Blăk', 'Hiên', 'Nhi', 'Lan'])} "
                f"{r.choice(['Niê', 'Êban', 'Mlô', 'Ksơr', 'Byă'])}"
            )
        return f"{family} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def bulk(self, model, rows, batch=BATCH):
        """Insert ``rows`` (dicts by attribute name) with one prepared statement."""
        if rows:
            table = self.tables.get(model) or self.tables.setdefault(model, Table(model))
            table.insert(rows, batch)
            self.stats[model._meta.label] = self.stats.get(model._meta.label, 0) + len(rows)

    def history(self, model, rows):
        """History rows ("created") for a seeded share of ``rows``."""
        chosen = [o for o in rows if self.rnd.random() < HISTORY_SHARE]
        if not chosen:
            return
        hist = model.history.model
        out = []
        for o in chosen:
            day = o.get("start_date") or o.get("date") or o.get("signed_date") or self.today
            h = Row(o)
            if "pk" in h:
                h["id"] = h.pop("pk")
            h.update(
                history_date=dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC),
                history_type="+",
                history_change_reason=None,
                history_user_id=None,
            )
            out.append(h)
        self.bulk(hist, out)

    # ------------------------------------------------------------ reference data

    def load_reference(self, commune_provinces=None):
        from doingoai.organization import services as org
        from doingoai.organization.demo import load_demo_users
        from doingoai.organization.models import Term, Unit

        org.load_units()
        org.load_terms()
        for number, name, start, end in [
            (10, "X", dt.date(2007, 3, 1), dt.date(2012, 2, 29)),
            (11, "XI", dt.date(2012, 3, 1), dt.date(2017, 2, 28)),
        ]:
            Term.objects.get_or_create(
                number=number, defaults={"name": name, "start_date": start, "end_date": end}
            )
        codes = COMMUNE_PROVINCES if commune_provinces is None else commune_provinces
        with self.progress("Loading communes", len(codes)) as p:
            for code in codes:
                if Unit.objects.filter(
                    level=Unit.Level.PROVINCE, code=code, valid_to__isnull=True
                ).exists():
                    org.load_communes(province_code=code)
                p.advance(1, code)
        load_demo_users()
        units = list(
            Unit.objects.order_by("pk").values(
                "pk", "level", "valid_to", "area_name", "name", "parent_id", "successor_id"
            )
        )
        self.units = {u["pk"]: u for u in units}
        self.central = next(u["pk"] for u in units if u["level"] == Unit.Level.CENTRAL)
        self.old_provinces = [
            u["pk"] for u in units if u["level"] == Unit.Level.PROVINCE and u["valid_to"]
        ]
        self.new_provinces = [
            u["pk"] for u in units if u["level"] == Unit.Level.PROVINCE and not u["valid_to"]
        ]
        self.communes = [u["pk"] for u in units if u["level"] == Unit.Level.COMMUNE]
        self.reform = org.REFORM_DATE

    def unit_for(self, day: dt.date) -> int:
        """An organizing unit that existed on ``day``."""
        r = self.rnd.random()
        if r < 0.08:
            return self.central
        if day < self.reform:
            return self.rnd.choice(self.old_provinces)
        if r < 0.55 or not self.communes:
            return self.rnd.choice(self.new_provinces)
        return self.rnd.choice(self.communes)

    def area(self, unit_id: int) -> str:
        return self.units[unit_id]["area_name"] or "Việt Nam"

    # ------------------------------------------------------------ exchange rates

    def exchange_rates(self):
        from doingoai.resources.models import ExchangeRate

        if ExchangeRate.objects.filter(source__startswith="[generated]").exists():
            return
        rnd = random.Random(self.seed + 7)
        rows = []
        next_id = _next_id(ExchangeRate)
        for currency, (first, last) in RATE_SPAN.items():
            day = dt.date(2005, 12, 1)
            while day <= self.last_day:
                pos = (day - START).days / 7665
                base = first + (last - first) * max(0.0, min(pos, 1.0))
                value = Decimal(str(base * (1 + rnd.uniform(-0.01, 0.01))))
                digits = Decimal("0.0001") if base < 100 else Decimal(1)
                rows.append(
                    Row(
                        pk=next_id + len(rows),
                        currency=currency,
                        date=day,
                        vnd_per_unit=value.quantize(digits),
                        source="[generated] Tỷ giá minh họa",
                    )
                )
                day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        self.bulk(ExchangeRate, rows)

    # ------------------------------------------------------------ partners

    def partner_values(self, kind: str, country: str) -> dict:
        r = self.rnd
        subs = _subs(country)
        sub = r.choice(subs) if subs else ""
        sub_vi = _sub_name(sub) if sub else ""
        cvi, cen = _country_vi(country), _country_en(country)
        level, acronym, aliases, local = "national", "", [], ""
        if kind == "womens_union":
            if sub and r.random() < 0.8:
                level = "provincial"
                name_vi = f"Hội Phụ nữ tỉnh {sub_vi}, {cvi}"
                name_en = f"Women's Union of {_aliases(sub)[-1]} Province, {cen}"
                aliases = [f"Hội LHPN tỉnh {a}" for a in _aliases(sub)[:3]]
            else:
                name_vi = f"Hội Liên hiệp Phụ nữ {cvi}"
                name_en = f"{cen} Women's Union"
        elif kind == "government":
            dept = r.choice(
                [
                    ("Bộ Lao động và Phúc lợi Xã hội", "Ministry of Labour and Social Welfare"),
                    ("Sở Ngoại vụ", "Department of Foreign Affairs"),
                    (
                        "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ",
                        "National Commission for the Advancement of Women",
                    ),
                ]
            )
            if sub and dept[0].startswith("Sở"):
                level = "provincial"
                name_vi = f"{dept[0]} tỉnh {sub_vi} ({cvi})"
                name_en = f"{dept[1]}, {_aliases(sub)[-1]}"
            else:
                name_vi, name_en = f"{dept[0]} {cvi}", f"{dept[1]}, {cen}"
        elif kind == "un_agency":
            vi, en, acronym = r.choice(UN_AGENCIES)
            level = "international"
            name_vi, name_en = f"{vi} tại {cvi}", f"{en} in {cen}"
        elif kind == "ingo":
            word, cause = r.choice(INGO_WORDS), r.choice(INGO_CAUSES)
            level = "international"
            place = sub_vi or cvi
            name_vi = f"{word[0]} {cause[0]} {place}"
            name_en = f"{place} {cause[1]} {word[1]}"
        elif kind == "embassy":
            name_vi = f"Đại sứ quán {cvi} tại Việt Nam"
            name_en = f"Embassy of {cen} in Viet Nam"
            if r.random() < 0.3:
                name_vi = f"Tổng Lãnh sự quán {cvi} tại Thành phố Hồ Chí Minh"
                name_en = f"Consulate General of {cen} in Ho Chi Minh City"
        elif kind == "business":
            sector = r.choice(SECTORS)
            level = "provincial" if sub else "national"
            place = sub_vi or cvi
            name_vi = (
                f"{r.choice(['Hiệp hội Doanh nghiệp nữ', 'Công ty', 'Tập đoàn'])} "
                f"{sector[0]} {place}"
            )
            name_en = f"{place} {sector[1]} {r.choice(['Association', 'Co., Ltd.', 'Group'])}"
        elif kind == "university":
            place = sub_vi or cvi
            name_vi = (
                f"Trường Đại học {r.choice(['Quốc gia', 'Sư phạm', 'Y khoa', 'Nông lâm'])} {place}"
            )
            name_en = f"{place} {r.choice(['National', 'Pedagogical', 'Medical'])} University"
        elif kind == "overseas_vn":
            name_vi = f"Hội Phụ nữ Việt Nam tại {cvi}"
            name_en = f"Association of Vietnamese Women in {cen}"
            if sub and r.random() < 0.6:
                level = "provincial"
                name_vi += f" (chi hội {sub_vi})"
                name_en += f" ({_aliases(sub)[-1]} chapter)"
        elif kind == "donor":
            name_vi = f"Cơ quan Hợp tác Phát triển {cvi}"
            name_en = f"{cen} Development Cooperation Agency"
        else:
            name_vi = f"Hội Hữu nghị {cvi} – Việt Nam" + (f" tỉnh {sub_vi}" if sub else "")
            name_en = f"{cen}–Viet Nam Friendship Association"
            level = "local" if sub else "national"
        if country == "LA" and kind == "womens_union" and sub:
            local = f"ສະຫະພັນແມ່ຍິງແຂວງ {_aliases(sub)[-1]}"
        return {
            "name_vi": name_vi[:300],
            "name_en": name_en[:300],
            "name_local": local,
            "acronym": acronym,
            "aliases": aliases,
            "kind": kind,
            "level": level,
            "country": country,
            "subdivision": sub if level in ("provincial", "local") else "",
            "city": "",
        }

    def partners(self, n: int):
        from doingoai.partners.models import Partner, PartnerContact

        countries = _weighted(COUNTRIES)
        kinds = _weighted(
            [
                ("womens_union", 25),
                ("government", 10),
                ("un_agency", 4),
                ("ingo", 14),
                ("embassy", 4),
                ("business", 20),
                ("university", 8),
                ("overseas_vn", 5),
                ("donor", 3),
                ("other", 7),
            ]
        )
        pid, cid = _next_id(Partner), _next_id(PartnerContact)
        self.partner_ids: list[int] = []
        self.partner_info: dict[int, tuple[str, str, str]] = {}
        done = 0
        with self.progress("Partners", n) as p:
            while done < n:
                size = min(CHUNK, n - done)
                partners, contacts, working = [], [], []
                for _ in range(size):
                    kind = self.pick(kinds)
                    country = (
                        self.rnd.choice(OVERSEAS) if kind == "overseas_vn" else self.pick(countries)
                    )
                    values = self.partner_values(kind, country)
                    since = self.date(dt.date(1990, 1, 1), self.today)
                    obj = Row(
                        pk=pid, unit_id=self.unit_for(since), relationship_since=since, **values
                    )
                    names = [
                        obj.name_vi,
                        obj.name_en,
                        obj.name_local,
                        obj.acronym,
                        *obj.aliases,
                        *_aliases(obj.subdivision),
                        _country_vi(country),
                        obj.city,
                    ]
                    obj.search_text = fold(" ".join(x for x in names if x))
                    partners.append(obj)
                    self.partner_ids.append(pid)
                    self.partner_info[pid] = (country, obj.subdivision, obj.name_vi)
                    if self.rnd.random() < 0.5:
                        contacts.append(
                            Row(
                                pk=cid,
                                partner_id=pid,
                                name=self.person(),
                                position=self.rnd.choice(POSITIONS),
                                email=f"lienhe{cid}@example.org",
                                language="tiếng Anh",
                            )
                        )
                        cid += 1
                    if kind in ("ingo", "un_agency", "donor") and self.rnd.random() < 0.5:
                        working.append(
                            Row(partner_id=pid, unit_id=self.rnd.choice(self.new_provinces))
                        )
                    pid += 1
                with transaction.atomic():
                    self.bulk(Partner, partners)
                    self.bulk(PartnerContact, contacts)
                    self.bulk(Partner.working_units.through, working)
                    self.history(Partner, partners)
                done += size
                p(done, n)

    def some_partners(self, k: int, country: str | None = None) -> list[int]:
        return self.rnd.sample(self.partner_ids, k) if self.partner_ids else []

    # ------------------------------------------------------------ agreements

    def agreements(self, n: int):
        from doingoai.agreements.models import Agreement, Commitment, Review

        aid, cid, rid = _next_id(Agreement), _next_id(Commitment), _next_id(Review)
        kinds = _weighted(
            [("agreement", 50), ("memorandum", 25), ("programme", 15), ("project", 10)]
        )
        self.agreement_ids: list[int] = []
        self.agreement_units: dict[int, int] = {}
        self.agreement_partners: dict[int, list[int]] = {}
        by_unit: dict[int, list[int]] = {}
        done = 0
        with self.progress("Agreements", n) as p:
            while done < n:
                size = min(CHUNK, n - done)
                rows, parties_u, parties_p, commitments, reviews = [], [], [], [], []
                for _ in range(size):
                    r = self.rnd
                    signed = self.date()
                    unit = self.unit_for(signed)
                    partners = self.some_partners(r.choice([1, 1, 1, 2, 3]))
                    kind = self.pick(kinds)
                    first = self.partner_info[partners[0]][2] if partners else "đối tác"
                    kind_label = {
                        "agreement": "Thỏa thuận hợp tác",
                        "memorandum": "Biên bản ghi nhớ hợp tác",
                        "programme": "Chương trình hợp tác hữu nghị",
                        "project": "Văn kiện dự án",
                    }[kind]
                    years = r.choice([2, 3, 5, 5])
                    areas = r.sample(AREAS, r.randint(1, 3))
                    title = (
                        f"{kind_label} giữa {self.units[unit]['name']} và {first} "
                        f"giai đoạn {signed.year}–{signed.year + years}"
                    )
                    draft = r.random() < 0.03
                    start = signed + dt.timedelta(days=r.randint(0, 60))
                    end = dt.date(start.year + years, start.month, min(start.day, 28))
                    override = ""
                    if not draft and end < self.today and r.random() < 0.1:
                        override = r.choice(["terminated", "renewed"])
                    ref = f"{r.randint(1, 300)}/TTHT-{signed.year}"
                    obj = Row(
                        pk=aid,
                        title=title[:400],
                        kind=kind,
                        reference=ref,
                        unit_id=unit,
                        signed_date=None if draft else signed,
                        signed_place=self.area(unit),
                        start_date=start,
                        end_date=end,
                        status_override=override,
                        areas=areas,
                        summary=f"Hợp tác trong các lĩnh vực {', '.join(areas)}.",
                        search_text=fold(f"{title} {ref} {' '.join(areas)}"),
                    )
                    prev = by_unit.get(unit)
                    if prev and r.random() < 0.1:
                        obj.renews_id = r.choice(prev[-20:])
                    by_unit.setdefault(unit, []).append(aid)
                    rows.append(obj)
                    self.agreement_ids.append(aid)
                    self.agreement_units[aid] = unit
                    self.agreement_partners[aid] = partners
                    parties_u.append(Row(agreement_id=aid, unit_id=unit))
                    for pid in partners:
                        parties_p.append(Row(agreement_id=aid, partner_id=pid))
                    for j in range(2):
                        commitments.append(
                            Row(
                                pk=cid,
                                agreement_id=aid,
                                description=f"Phối hợp tổ chức hoạt động về {r.choice(TOPICS)}",
                                responsible=r.choice(["Hai bên", "Phía Việt Nam", "Phía bạn"]),
                                due_date=start + dt.timedelta(days=365 * (j + 1)),
                                state=r.choice(["planned", "in_progress", "done", "done"]),
                            )
                        )
                        cid += 1
                    half = start + (end - start) / 2
                    for kind_r, when in (("mid_term", half), ("final", end)):
                        held = when < self.today and r.random() < 0.8
                        reviews.append(
                            Row(
                                pk=rid,
                                agreement_id=aid,
                                kind=kind_r,
                                scheduled_date=when,
                                held_date=when if held else None,
                                state="held" if held else "scheduled",
                                findings="Các bên hoàn thành phần lớn cam kết." if held else "",
                                rating=r.randint(2, 5) if held else None,
                            )
                        )
                        rid += 1
                    aid += 1
                with transaction.atomic():
                    self.bulk(Agreement, rows)
                    self.bulk(Agreement.units.through, parties_u)
                    self.bulk(Agreement.partners.through, parties_p)
                    self.bulk(Commitment, commitments)
                    self.bulk(Review, reviews)
                    self.history(Agreement, rows)
                done += size
                p(done, n)

    # ------------------------------------------------------------ activities

    def activity_title(self, kind, unit, partner_name, place_label, topic) -> list[str]:
        """The title in pieces (folded one by one, with a cache, for search_text)."""
        uname = self.units[unit]["name"]
        r = self.rnd
        cap = f"{topic[:1].upper()}{topic[1:]}"
        return {
            "delegation_out": ["Đoàn công tác ", uname, " thăm và làm việc tại ", place_label],
            "delegation_in": [uname, " tiếp đoàn ", partner_name],
            "conference": ["Hội nghị “", cap, "” với ", partner_name],
            "review_meeting": [
                f"Hội nghị {r.choice(['sơ kết', 'tổng kết'])} thỏa thuận hợp tác giữa ",
                uname,
                " và ",
                partner_name,
            ],
            "workshop": ["Hội thảo “", cap, "” tại ", place_label],
            "signing": ["Lễ ký kết thỏa thuận hợp tác giữa ", uname, " và ", partner_name],
            "exhibition": [
                "Triển lãm sản phẩm của phụ nữ khởi nghiệp ",
                self.area(unit),
                " tại ",
                place_label,
            ],
            "ceremony": ["Lễ kỷ niệm quan hệ hữu nghị giữa ", uname, " và ", partner_name],
            "online_event": ["Tọa đàm trực tuyến về ", topic, " với ", partner_name],
            "aid_handover": [f"Trao tặng {r.choice(GIFTS)} cho phụ nữ nghèo tại ", place_label],
            "other": ["Làm việc với ", partner_name, " về ", topic],
        }[kind]

    def activities(self, n: int):
        from doingoai.activities.models import Activity, ActivityPlace, DelegationMember

        aid = _next_id(Activity)
        plid, mid = _next_id(ActivityPlace), _next_id(DelegationMember)
        kinds = _weighted(
            [
                ("delegation_out", 12),
                ("delegation_in", 14),
                ("conference", 12),
                ("review_meeting", 5),
                ("workshop", 14),
                ("signing", 4),
                ("exhibition", 5),
                ("ceremony", 7),
                ("online_event", 8),
                ("aid_handover", 10),
                ("other", 9),
            ]
        )
        through_u = Activity.units.through
        through_p = Activity.partners.through
        through_a = Activity.agreements.through
        self.activity_ids: list[int] = []
        self.activity_units: list[int] = []
        done = 0
        with self.progress("Activities", n) as p:
            while done < n:
                size = min(CHUNK, n - done)
                rows, places, members, m_u, m_p, m_a = [], [], [], [], [], []
                for _ in range(size):
                    r = self.rnd
                    kind = self.pick(kinds)
                    start = self.date()
                    unit = self.unit_for(start)
                    partners = self.some_partners(r.choice([0, 1, 1, 1, 2]))
                    topic = r.choice(TOPICS)
                    if partners:
                        country, sub, pname = self.partner_info[partners[0]]
                    else:
                        country, sub, pname = "VN", "", "các đối tác quốc tế"
                    plist = []
                    if kind == "delegation_out" and country != "VN":
                        sub = sub or (r.choice(_subs(country)) if _subs(country) else "")
                        plist.append((country, sub, ""))
                        label = f"{_sub_name(sub) + ', ' if sub else ''}{_country_vi(country)}"
                    elif kind == "online_event":
                        label = "trực tuyến"
                    else:
                        plist.append(("VN", "", self.area(unit)))
                        label = self.area(unit)
                    pieces = self.activity_title(kind, unit, pname, label, topic)
                    title = "".join(pieces)
                    topics = [topic] + ([r.choice(TOPICS)] if r.random() < 0.3 else [])
                    total = r.randint(10, 300)
                    outcomes = f"Hai bên trao đổi kinh nghiệm về {topic}."
                    parts = [*pieces, "Hai bên trao đổi kinh nghiệm về", *topics, *topics[:1]]
                    for c, s, city in plist:
                        parts += (
                            [city, _country_vi(c), *_aliases(s)] if s else [city, _country_vi(c)]
                        )
                    obj = Row(
                        pk=aid,
                        title=title[:400],
                        kind=kind,
                        format="online"
                        if kind == "online_event"
                        else ("hybrid" if r.random() < 0.05 else "in_person"),
                        start_date=start,
                        end_date=start + dt.timedelta(days=r.randint(0, 6)),
                        unit_id=unit,
                        topics=topics,
                        participants_total=total,
                        participants_women=r.randint(total // 2, total),
                        outcomes=outcomes,
                        search_text=" ".join(f for f in map(_fold, parts) if f),
                    )
                    if kind in ("delegation_out", "delegation_in"):
                        # from the id, not the random stream: the other figures stay
                        obj.main_purpose = DELEGATION_PURPOSES[aid % len(DELEGATION_PURPOSES)]
                    rows.append(obj)
                    self.activity_ids.append(aid)
                    self.activity_units.append(unit)
                    for pos, (c, s, city) in enumerate(plist):
                        places.append(
                            Row(
                                pk=plid,
                                activity_id=aid,
                                country=c,
                                subdivision=s,
                                city=city,
                                position=pos,
                            )
                        )
                        plid += 1
                    if r.random() < 0.3:
                        other = self.unit_for(start)
                        if other != unit:
                            m_u.append(Row(activity_id=aid, unit_id=other))
                    for pid in partners:
                        m_p.append(Row(activity_id=aid, partner_id=pid))
                    if self.agreement_ids and r.random() < 0.15:
                        m_a.append(Row(activity_id=aid, agreement_id=r.choice(self.agreement_ids)))
                    if kind == "delegation_out":
                        for j in range(r.randint(2, 4)):
                            members.append(
                                Row(
                                    pk=mid,
                                    activity_id=aid,
                                    name=self.person(),
                                    position=r.choice(POSITIONS),
                                    unit_name=self.units[unit]["name"],
                                    unit_id=unit,
                                    position_order=j,
                                )
                            )
                            mid += 1
                    aid += 1
                with transaction.atomic():
                    self.bulk(Activity, rows)
                    self.bulk(ActivityPlace, places)
                    self.bulk(DelegationMember, members)
                    self.bulk(through_u, m_u)
                    self.bulk(through_p, m_p)
                    self.bulk(through_a, m_a)
                    self.history(Activity, rows)
                done += size
                p(done, n)

    # ------------------------------------------------------------ resources

    def resources(self, n: int):
        from doingoai.resources import money
        from doingoai.resources.models import Resource

        rates = money.RateTable()
        currencies = _weighted(CURRENCIES)
        kinds = _weighted(
            [
                ("cash", 40),
                ("in_kind", 25),
                ("project", 15),
                ("technical_assistance", 10),
                ("scholarship", 10),
            ]
        )
        rid = _next_id(Resource)
        done = 0
        cent = Decimal("0.01")
        with self.progress("Resources", n) as p:
            while done < n:
                size = min(CHUNK, n - done)
                rows = []
                for _ in range(size):
                    r = self.rnd
                    day = self.date()
                    unit = self.unit_for(day)
                    activity = agreement = None
                    if self.activity_ids and r.random() < 0.3:
                        i = r.randrange(len(self.activity_ids))
                        activity, unit = self.activity_ids[i], self.activity_units[i]
                    elif self.agreement_ids and r.random() < 0.3:
                        agreement = r.choice(self.agreement_ids)
                        unit = self.agreement_units[agreement]
                    partners = self.agreement_partners.get(agreement) if agreement else None
                    partner = (
                        partners[0]
                        if partners
                        else (r.choice(self.partner_ids) if self.partner_ids else None)
                    )
                    currency = self.pick(currencies)
                    kind = self.pick(kinds)
                    direction = "received" if r.random() < 0.8 else "given"
                    quantity = Decimal(r.choice([1, 1, 1, 2, 4, 10, 50]))
                    usd = Decimal(r.lognormvariate(7.5, 1.6))
                    rate = (
                        money.rate_on(currency, day, rates=rates)
                        if currency != "USD"
                        else (Decimal(1), day)
                    )
                    usd_rate = money.rate_on("USD", day, rates=rates)
                    if currency == "USD" or rate is None or usd_rate is None:
                        value = usd
                    else:
                        value = usd * usd_rate[0] / rate[0]
                    digits = Decimal(1) if currency in ("VND", "JPY", "KRW", "LAK") else cent
                    unit_value = (value / quantity).quantize(digits, rounding=ROUND_HALF_UP)
                    if currency == "VND":
                        unit_value = (unit_value / 1000).quantize(Decimal(1)) * 1000
                    gift = r.choice(GIFTS)
                    title = (
                        f"{'Tiếp nhận' if direction == 'received' else 'Trao tặng'} "
                        f"{gift} cho phụ nữ {self.area(unit)}"
                    )
                    beneficiaries = f"Phụ nữ nghèo, phụ nữ khuyết tật tại {self.area(unit)}"
                    obj = Row(
                        pk=rid,
                        title=title,
                        direction=direction,
                        kind=kind,
                        quantity=quantity,
                        unit_value=unit_value,
                        currency=currency,
                        date=day,
                        stage=r.choice(
                            ["pledged", "committed", "disbursed", "disbursed", "disbursed"]
                        ),
                        beneficiaries=beneficiaries,
                        beneficiaries_count=r.randint(5, 500),
                        partner_id=partner,
                        unit_id=unit,
                        agreement_id=agreement,
                        activity_id=activity,
                        search_text=fold(f"{title} {beneficiaries} {currency}"),
                    )
                    obj.amount = (quantity * unit_value).quantize(cent)
                    eq = money.equivalents(obj.amount, currency, on=day, rates=rates)
                    obj.amount_vnd, obj.amount_usd, obj.rate_note = eq.vnd, eq.usd, eq.note
                    rows.append(obj)
                    rid += 1
                with transaction.atomic():
                    self.bulk(Resource, rows)
                    self.history(Resource, rows)
                done += size
                p(done, n)

    # ------------------------------------------------------------ news

    def news(self, n: int):
        """News items for a share of activities, when the news app has its model."""
        from django.apps import apps

        try:
            model = apps.get_model("news", "NewsItem")
        except LookupError:
            return
        if model._meta.db_table not in connection.introspection.table_names():
            return
        fields = {f.name for f in model._meta.get_fields()}
        if not {"title", "activity", "unit"} <= fields or not self.activity_ids:
            return
        from doingoai.activities.models import Activity

        nid = _next_id(model)
        done = 0
        with self.progress("News items", n) as p:
            while done < n:
                size = min(CHUNK, n - done)
                picks = [self.rnd.randrange(len(self.activity_ids)) for _ in range(size)]
                acts = Activity.objects.in_bulk([self.activity_ids[i] for i in picks])
                rows = []
                for i in picks:
                    act = acts.get(self.activity_ids[i])
                    if act is None:
                        continue
                    values = {
                        "pk": nid,
                        "title": f"Tin: {act.title}"[:300],
                        "activity_id": act.pk,
                        "unit_id": act.unit_id,
                    }
                    for name, value in (
                        ("body", f"{act.title}. {act.outcomes}"),
                        ("published_date", act.end_date or act.start_date),
                        ("search_text", fold(act.title)),
                    ):
                        if name in fields:
                            values[name] = value
                    rows.append(Row(**values))
                    nid += 1
                with transaction.atomic():
                    self.bulk(model, rows)
                done += size
                p(done, n)

    # ------------------------------------------------------------ the run

    def finish(self, search=True):
        """Sequences after explicit keys (PostgreSQL), statistics, the search index."""
        from io import StringIO

        from django.apps import apps
        from django.core.management import call_command
        from django.core.management.color import no_style

        if connection.vendor == "postgresql":
            models = [
                m
                for m in apps.get_models()
                if m._meta.app_label
                in ("partners", "agreements", "activities", "resources", "news", "organization")
            ]
            models += [f.remote_field.through for m in list(models) for f in m._meta.many_to_many]
            sql = connection.ops.sequence_reset_sql(no_style(), models)
            with connection.cursor() as cur:
                for stmt in sql:
                    cur.execute(stmt)
        # bulk inserts send no signals: cached figures keyed by the data version must go
        from doingoai.core import models as core_models

        bump = getattr(core_models, "bump_data_version", None)
        if bump is not None:
            bump()
        # the dashboards' summary tables, counted from what was written
        call_command("rebuild_summaries", stdout=StringIO(), verbosity=0 if self.quiet else 1)
        with connection.cursor() as cur:
            if connection.vendor == "postgresql" and connection.get_autocommit():
                # statistics, and the visibility map that index-only scans need
                cur.execute("VACUUM ANALYZE")
            elif connection.vendor == "postgresql":
                cur.execute("ANALYZE")
            else:
                cur.execute("PRAGMA analysis_limit=1000")
                cur.execute("ANALYZE")
        if not search:
            return
        try:
            call_command("rebuild_search", stdout=StringIO(), quiet=self.quiet)
        except Exception as exc:  # noqa: BLE001 - the index is optional for the data
            if "Unknown command" not in str(exc):
                raise


def reset():
    """Delete the generated records (not units, terms or users)."""
    from django.apps import apps

    labels = [
        "reports.PartnerReach",
        "reports.ActivityMonth",
        "reports.ActivityRecordMonth",
        "reports.TookPartMonth",
        "reports.ResourceMonth",
        "reports.ResourceTotalMonth",
        "reports.ResourcePartnerMonth",
        "reports.ResourcePartnerTerm",
        "reports.ResourceTerm",
        "reports.AgreementMonth",
        "resources.Resource",
        "news.NewsItem",
        "activities.DelegationMember",
        "activities.ActivityPlace",
        "activities.Activity",
        "agreements.Review",
        "agreements.Commitment",
        "agreements.Agreement",
        "partners.PartnerContact",
        "partners.Partner",
        "resources.ExchangeRate",
    ]
    with transaction.atomic(), connection.cursor() as cur:
        for label in labels:
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            tables = [f.remote_field.through._meta.db_table for f in model._meta.many_to_many]
            hist = getattr(model, "history", None)
            if hist is not None:
                tables.append(hist.model._meta.db_table)
            tables.append(model._meta.db_table)
            for table in tables:
                cur.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def fast_sqlite():
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            for pragma in (
                "synchronous=OFF",
                "cache_size=-400000",
                "temp_store=MEMORY",
                "journal_size_limit=67108864",
            ):
                cur.execute(f"PRAGMA {pragma}")


def generate(
    *,
    activities=None,
    resources=None,
    agreements=None,
    partners=None,
    seed=1,
    news=None,
    stream=None,
    quiet=False,
    today=None,
    search=True,
    commune_provinces=None,
) -> dict:
    """Fill the database; returns the number of rows written per model."""
    counts = {
        k: DEFAULTS[k] if v is None else v
        for k, v in (
            ("activities", activities),
            ("resources", resources),
            ("agreements", agreements),
            ("partners", partners),
        )
    }
    started = time.monotonic()
    fast_sqlite()
    from doingoai.reports.summaries import invalidate

    invalidate()  # rows are written in bulk, without signals: counted again at the end
    gen = Generator(seed=seed, stream=stream, quiet=quiet, today=today)
    gen.load_reference(commune_provinces)
    gen.exchange_rates()
    gen.partners(max(counts["partners"], 1 if counts["agreements"] or counts["activities"] else 0))
    gen.agreements(counts["agreements"])
    gen.activities(counts["activities"])
    gen.resources(counts["resources"])
    gen.news(news if news is not None else counts["activities"] // 20)
    gen.finish(search=search)
    gen.stats["seconds"] = round(time.monotonic() - started, 1)
    return gen.stats
