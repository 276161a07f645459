"""Reading news articles from files: .txt, .html/.htm, .docx, folders and ZIPs.

``read_document(source, filename)`` returns a :class:`Document` with the
title, the publication date (from a dateline such as
"H.Y 28/04/2022 - 22:04 (GMT+7)" or the page's metadata) and the body text
without page furniture: comment forms ("Ý kiến bạn đọc", "(*) Nội dung bắt
buộc cần có", "Xem thêm bình luận"...), "Đọc thêm"/"Xem thêm" links,
"• Mới cập nhật:" boxes, section labels ("Xã hội"), photo captions
("... Ảnh: Hội LHPN tỉnh cung cấp. |") and the author's byline at the end.

``segment(text)`` does the same line classification on a text without
changing it, so that the extractor can skip furniture and still report
character offsets into the text it was given.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from doingoai.core.text import fold

from .dates import parse_dateline

__all__ = ["Document", "Line", "read_archive", "read_document", "segment", "SUFFIXES"]

SUFFIXES = (".txt", ".html", ".htm", ".docx")

# What reading articles may unpack ("zip bombs": a few KB claiming gigabytes). An
# article is at most MAX_ARTICLE_CHARS characters (news.services); its file at most
# MAX_ARTICLE_BYTES (an HTML page carries scripts and styles besides the text).
MB = 1024 * 1024
MAX_ARTICLE_BYTES = 10 * MB
#: a ZIP of articles: how many files, and what they unpack to in all
MAX_ARCHIVE_MEMBERS = 5_000
MAX_ARCHIVE_UNPACKED = 500 * MB
#: a Word article: what it unpacks to in all (pictures included), and its text part
MAX_DOCX_UNPACKED = 100 * MB
MAX_DOCX_MEMBERS = 2_000


@dataclass
class Document:
    title: str
    published: date | None
    body_text: str
    filename: str = ""


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    role: str  # title, dateline, body, furniture, caption, byline, related, blank


# Whole lines (folded) that are page furniture.
_FURNITURE_EXACT = {
    "y kien ban doc",
    "y kien cua ban",
    "binh luan",
    "xem them binh luan",
    "nhap thong tin cua ban",
    "doc them",
    "xem them",
    "moi cap nhat",
    "tin lien quan",
    "chia se",
    "in bai",
    "gui binh luan",
    "gui",
    "tu khoa",
    "tags",
    "tag",
    "ban dang xem",
    "quay lai",
    "trang chu",
    "facebook",
    "zalo",
    "twitter",
    "copy link",
    "theo doi",
    "dang nhap",
    "dang ky",
    "len dau trang",
    "tin moi",
    "tin moi nhat",
    "doc nhieu",
    "tin cung chuyen muc",
    "bai viet lien quan",
    "xem tiep",
    "luu",
    "thich",
    "chia se bai viet",
    "in",
    "email",
    "top",
    "video",
    "anh",
    "noi dung bat buoc can co",
}
_FURNITURE_PREFIX = (
    "noi dung bat buoc",
    "xem them binh luan",
    "binh luan ",
    "moi cap nhat",
    "y kien ban doc",
    "y kien cua ban",
    "nhap thong tin",
    "ban con ",
    "gui y kien",
    "dang nhap de",
    "vui long",
    "ho va ten",
    "email cua ban",
    "tu khoa ",
    "tags ",
    "chia se ",
    "theo doi ",
    "tin lien quan",
    "doc them ",
    "xem them ",
)
# Section labels of news sites: short lines before the title.
_SECTIONS = {
    "xa hoi",
    "thoi su",
    "tin tuc",
    "kinh te",
    "van hoa",
    "giao duc",
    "phap luat",
    "the gioi",
    "doi song",
    "suc khoe",
    "hoat dong hoi",
    "tin tuc su kien",
    "doi ngoai",
    "phu nu",
    "gia dinh",
    "quoc te",
    "chinh tri",
    "dia phuong",
    "tin hoat dong",
    "hoi nhap",
    "hop tac quoc te",
    "tin tuc hoat dong",
    "tieu diem",
    "su kien",
    "chuyen de",
    "ban tin",
}
_CAPTION = re.compile(
    r"(?:^|[\s.(])Ảnh\s*(?:\d+\s*)?:|\bẢnh\s*minh\s*họa\b|[-–]\s*Ảnh\s*\d+\.?\s*$|\|\s*$|"
    r"^\s*\(?Ảnh\s*:|\bNguồn\s*ảnh\s*:|^\s*Clip\s*:|^\s*Video\s*:",
    re.IGNORECASE,
)
#: a photo's credit ending with its agency, then a paragraph of at least 200 characters
_CAPTION_THEN_BODY = re.compile(
    r"(?P<credit>\bẢnh\s*\d*\s*:\s*[^.\n:]{1,40}?[-–/]\s*(?:TTXVN|VNA|Vietnam\+|TTXVN\)))"
    r"(?=\s+[^\W\d][^\n]{200,}$)"
)
_BYLINE = re.compile(
    r"^(?:(?:Tin|Bài|Bài và ảnh|Tin và ảnh|Tin, ảnh|Bài, ảnh|Nguồn|Theo)\s*[:,]?\s*)?"
    r"[\w.]+(?:\s+[\w.]+){0,4}(?:\s*\([^)]{1,30}\))?$"
)


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    folded = fold(stripped)
    if stripped.startswith(("•", "»", "›", "©", "(*)")):
        return True
    if folded in _FURNITURE_EXACT:
        return True
    words = folded.split()
    if len(words) <= 8 and folded.startswith(_FURNITURE_PREFIX):
        return True
    if re.fullmatch(r"(?:binh luan|thich|chia se|luot xem)\s*\d*", folded):
        return True
    # a breadcrumb ("Trang chủ Nhân quyền Góc nhìn Thời đại Chuyên đề"), the paper's hot
    # line ("| Hotline: 0983.970.780"), its offer of a lighter page
    if len(words) <= 12 and re.match(r"\W*(?:trang chu|hotline|duong day nong)\b", folded):
        return True
    if folded.startswith("ban co the chuyen sang phien ban"):
        return True
    return False


def _is_caption(line: str) -> bool:
    return bool(_CAPTION.search(line))


def _is_byline(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 60 or stripped.endswith((".", ":", ";", ",", "…")):
        return False
    if not _BYLINE.match(stripped):
        return False
    words = re.findall(r"[^\W\d]+", stripped)
    if not words:
        return False
    if re.match(r"(?:Tin|Bài|Nguồn|Theo)\b", stripped):
        return True
    if len(words) > 5:
        return False
    # A name: every word capitalised ("Vân Anh", "H.Y", "Minh Trang").
    return all(w[0].isupper() for w in words)


def _is_related_link(line: str) -> bool:
    """A link to another article, as news sites print it in the middle of a story: its
    headline written twice, as the link's text and its image's title ("Gia Lai tặng 1.000
    bình lọc nước ... Gia Lai tặng 1.000 bình lọc nước ..."), or after the image's name,
    an unmarked copy of a headline ("hon 20000 bo dung cu ve sinh duoc phat mien phi Bằng
    mọi phương tiện ..."). Five words or more of Vietnamese with no mark at all, followed
    by a marked capitalised word, are not written by hand."""
    words = line.split()
    half = len(words) // 2
    if len(words) >= 8 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return True
    plain = 0
    for word in words:
        if not (word.isascii() and (word.isdigit() or (word.isalpha() and word.islower()))):
            break
        plain += 1
    rest = words[plain:]
    return plain >= 5 and bool(rest) and rest[0][0].isupper() and not rest[0].isascii()


#: a lead's opening: the stored page's date mark, then the day ("Ngày 22/10,", "Sáng 8/9,")
_OPENS_WITH_DAY = re.compile(
    r"\s*(?:date\s+\d{4}-\d\d(?:-\d\d)?\s+)?"
    r"(?:(?:Sáng|Chiều|Tối|Trưa)(?:\s+nay)?\s+)?(?:[Nn]gày\s+)?\(?\d{1,2}\s*[/-]\s*\d{1,2}\b"
)


def _substantial(line: str) -> bool:
    if fold(line) in _SECTIONS:
        return False
    words = re.findall(r"\w+", line)
    return len(words) >= 4 or len(line.strip()) >= 25


def segment(text: str) -> list[Line]:
    """Classify each line of ``text`` (offsets into ``text``, which is unchanged)."""
    lines: list[Line] = []
    pos = 0
    raw = text.split("\n")
    for chunk in raw:
        start, end = pos, pos + len(chunk)
        pos = end + 1
        stripped = chunk.strip()
        if not stripped:
            role = "blank"
        elif _is_furniture(chunk):
            role = "furniture"
        elif parse_dateline(stripped) is not None:
            role = "dateline"
        elif _is_caption(chunk):
            role = "caption"
            glued = _CAPTION_THEN_BODY.search(chunk)
            if glued:
                # "... phát biểu tại sự kiện. Ảnh: Ánh Tuyết - TTXVN Bà Andrea Sühl, Tổng
                # Lãnh sự ...": the stored page glued the caption to the paragraph after it;
                # only the caption and its credit are furniture
                cut = glued.end("credit")
                lines.append(Line(start, start + cut, chunk[:cut], "caption"))
                start, chunk, role = start + cut, chunk[cut:], "body"
        else:
            role = "body"
        lines.append(Line(start, end, chunk, role))

    # Title: the first substantial body line; short lines before it are labels. A line
    # that opens with the day of the event ("Ngày 22/10, hơn 200 đại biểu ...", after the
    # stored page's " date 2025-10-22" mark) is the lead: the excerpt has no headline.
    title_index = None
    for i, line in enumerate(lines):
        if line.role != "body":
            continue
        if _substantial(line.text):
            if not _OPENS_WITH_DAY.match(line.text):
                title_index = i
            break
        lines[i] = Line(line.start, line.end, line.text, "furniture")
    if title_index is not None:
        t = lines[title_index]
        lines[title_index] = Line(t.start, t.end, t.text, "title")

    # Links to related articles and the one-line summary printed under one.
    links = [line.role == "body" and _is_related_link(line.text) for line in lines]
    for i, line in enumerate(lines):
        if links[i]:
            lines[i] = Line(line.start, line.end, line.text, "furniture")
        elif (
            line.role == "body"
            and i > 0
            and links[i - 1]
            and (i + 1 == len(lines) or links[i + 1] or lines[i + 1].role == "blank")
        ):
            # the linked article's summary: another story, but words of the page, kept in
            # the text that is stored and compared
            lines[i] = Line(line.start, line.end, line.text, "related")

    # Section labels anywhere, and the trailing byline.
    for i, line in enumerate(lines):
        if line.role == "body" and fold(line.text) in _SECTIONS:
            lines[i] = Line(line.start, line.end, line.text, "furniture")
    body_positions = [i for i, line in enumerate(lines) if line.role == "body"]
    if len(body_positions) >= 2:
        last = body_positions[-1]
        if _is_byline(lines[last].text):
            ln = lines[last]
            lines[last] = Line(ln.start, ln.end, ln.text, "byline")
    return lines


def _document_from_text(
    text: str, filename: str = "", title: str | None = None, published: date | None = None
) -> Document:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = segment(text)
    found_title = next((ln.text.strip() for ln in lines if ln.role == "title"), "")
    if published is None:
        for ln in lines:
            if ln.role == "dateline":
                published = parse_dateline(ln.text)
                break
    body = [ln.text.strip() for ln in lines if ln.role in ("body", "related")]
    if title and found_title and fold(found_title) != fold(title):
        # The page title came from metadata: the first line is body text.
        body.insert(0, found_title)
    return Document(
        title=title or found_title,
        published=published,
        body_text="\n".join(body),
        filename=filename,
    )


# --- formats --------------------------------------------------------------------


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return text
    return data.decode("latin-1")


_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "figure",
]
_DROP_CLASS = re.compile(
    r"comment|menu|\bnav|navbar|footer|header|share|social|related|breadcrumb|sidebar|"
    r"banner|advert|\bads?\b|tags?\b|newsletter|login|popup|cookie|binh-?luan|tin-?lien-?quan|"
    r"most-?read|box-?news|widget",
    re.IGNORECASE,
)
_BLOCKS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "td",
    "th",
    "pre",
    "figcaption",
    "time",
    "dt",
    "dd",
}


def _html_to_document(data: bytes | str, filename: str) -> Document:
    import lxml.html

    if isinstance(data, bytes):
        head = data[:4096].decode("ascii", "ignore")
        charset = re.search(r"charset=[\"']?([\w-]+)", head, re.IGNORECASE)
        try:
            data = data.decode(charset.group(1) if charset else "utf-8")
        except (LookupError, UnicodeDecodeError):
            data = _decode(data)
    data = re.sub(r"^\s*<\?xml[^>]*>", "", data)
    root = lxml.html.document_fromstring(data)
    published = None
    for meta in root.xpath(
        "//meta[@property='article:published_time' or "
        "@name='pubdate' or @name='publishdate' or "
        "@itemprop='datePublished' or @name='date']"
    ):
        content = meta.get("content") or ""
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", content)
        if m:
            published = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            break
    page_title = None
    h1 = root.xpath("//h1")
    if h1:
        page_title = " ".join(h1[0].text_content().split())
    for el in root.xpath("//comment()"):
        el.getparent().remove(el)
    for tag in _DROP_TAGS:
        for el in root.xpath(f"//{tag}"):
            if tag == "figure":
                # Keep nothing of a figure: image and caption are furniture.
                pass
            if tag == "header" and el.xpath(".//h1"):
                # An article header holds the title and dateline: keep it.
                continue
            el.drop_tree()
    for el in root.xpath("//*[@class or @id]"):
        marker = f"{el.get('class', '')} {el.get('id', '')}"
        if _DROP_CLASS.search(marker) and el.getparent() is not None and not el.xpath(".//h1"):
            el.drop_tree()
    scope = root.xpath("//article") or root.xpath("//main") or root.xpath("//body") or [root]
    container = scope[0]
    lines: list[str] = []
    for el in container.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        is_leaf_div = tag == "div" and not any(
            isinstance(c.tag, str) and (c.tag.lower() in _BLOCKS or c.tag.lower() == "div")
            for c in el
        )
        if tag in _BLOCKS or is_leaf_div:
            if any(isinstance(a.tag, str) and a.tag.lower() in _BLOCKS for a in el.iterancestors()):
                continue
            value = " ".join(el.text_content().split())
            if not value:
                continue
            if tag == "figcaption":
                continue
            if tag == "time" and published is None:
                stamp = el.get("datetime") or ""
                m = re.match(r"(\d{4})-(\d{2})-(\d{2})", stamp)
                if m:
                    published = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            lines.append(value)
    text = "\n".join(lines)
    if page_title is None:
        titles = root.xpath("//title")
        if titles:
            page_title = " ".join(titles[0].text_content().split()) or None
    doc = _document_from_text(text, filename, published=published)
    if page_title and fold(page_title) != fold(doc.title):
        if fold(doc.title).startswith(fold(page_title)[:20]):
            pass
        else:
            doc.body_text = "\n".join(x for x in [doc.title, doc.body_text] if x)
            doc.title = page_title
    return doc


def _check_docx(data: bytes, filename: str) -> None:
    """A Word article within the limits before python-docx unpacks it: its text part
    (word/document.xml) at most MAX_ARTICLE_BYTES, everything at most MAX_DOCX_UNPACKED."""
    from doingoai.core.uploads import check_zip

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # python-docx says what is wrong
    with zf:
        infos = check_zip(
            zf, filename, max_members=MAX_DOCX_MEMBERS, max_unpacked=MAX_DOCX_UNPACKED
        )
        for info in infos:
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                if info.file_size > MAX_ARTICLE_BYTES:
                    from django.core.exceptions import ValidationError
                    from django.utils.translation import gettext as _

                    raise ValidationError(
                        _(
                            "“%(name)s”: its text unpacks to %(size).0f MB; the limit is "
                            "%(limit).0f MB."
                        )
                        % {
                            "name": filename,
                            "size": info.file_size / MB,
                            "limit": MAX_ARTICLE_BYTES / MB,
                        },
                        code="too_big_unpacked",
                    )


def _docx_to_document(data: bytes, filename: str) -> Document:
    import docx

    _check_docx(data, filename)
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    title = None
    for para in document.paragraphs:
        value = para.text.strip()
        if not value:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        if title is None and (style == "Title" or style.startswith("Heading")):
            title = value
        lines.append(value)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                lines.append(" | ".join(cells))
    text = "\n".join(lines)
    doc = _document_from_text(text, filename)
    if title and fold(title) != fold(doc.title):
        doc.body_text = "\n".join(x for x in [doc.title, doc.body_text] if x)
        doc.title = title
    return doc


def read_document(source: str | Path | bytes, filename: str | None = None) -> Document:
    """Read one article from a path or from bytes (``filename`` gives the type).

    Raises ``ValueError`` for an unsupported file type.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        data = path.read_bytes()
        filename = filename or path.name
    else:
        data = source
        filename = filename or ""
    suffix = Path(filename).suffix.lower()
    if suffix in (".html", ".htm"):
        return _html_to_document(data, filename)
    if suffix == ".docx":
        return _docx_to_document(data, filename)
    if suffix in (".txt", ""):
        return _document_from_text(_decode(data), filename)
    raise ValueError(
        f"{filename}: unsupported file type {suffix!r} (expected one of {', '.join(SUFFIXES)})"
    )


def read_archive(path: str | Path) -> Iterator[Document]:
    """Every article in a folder (recursively) or a ZIP file, in name order.

    Files of other types are skipped.
    """
    path = Path(path)
    if path.is_dir():
        for item in sorted(path.rglob("*")):
            if item.is_file() and item.suffix.lower() in SUFFIXES:
                yield read_document(item)
        return
    with zipfile.ZipFile(path) as archive:
        for name, read in archive_members(archive, str(path)):
            yield read_document(read(), name)


def archive_members(archive: zipfile.ZipFile, label: str) -> list:
    """(name, read) of every article of an open ZIP, in name order; ``read()`` unpacks
    that one member, at most MAX_ARTICLE_BYTES. The archive as a whole is checked first
    (MAX_ARCHIVE_MEMBERS, MAX_ARCHIVE_UNPACKED): a ValidationError names the limit."""
    from doingoai.core.uploads import check_zip, read_member

    infos = check_zip(
        archive, label, max_members=MAX_ARCHIVE_MEMBERS, max_unpacked=MAX_ARCHIVE_UNPACKED
    )
    out = []
    for info in sorted(infos, key=lambda i: i.filename):
        name = info.filename
        if info.is_dir() or Path(name).suffix.lower() not in SUFFIXES:
            continue
        if Path(name).name.startswith(".") or "__MACOSX" in name:
            continue

        def read(info=info):
            return read_member(archive, info, f"{label}:{info.filename}", limit=MAX_ARTICLE_BYTES)

        out.append((name, read))
    return out
