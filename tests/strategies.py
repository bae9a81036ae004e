"""Hypothesis strategies for the document model (arbitrary but valid model objects).

Texts mix CJK, XML-special characters and characters illegal in XML 1.0, so exporters meet
everything they must escape or replace.
"""

from __future__ import annotations

from hypothesis import strategies as st

from bulletins.model import (
    GENRES,
    NOTICE_KINDS,
    RESIDUE_KINDS,
    AttendeeGroup,
    Block,
    Bulletin,
    Caption,
    Closing,
    Date,
    Dateline,
    Diagnostic,
    Document,
    EnumItem,
    Figure,
    Headline,
    MetaField,
    NoticeElement,
    Paragraph,
    Point,
    Residue,
    Source,
    SourceLine,
    Speech,
    Subhead,
    Table,
    TableCell,
    TableRow,
    Where,
)

ALPHABET = st.sampled_from(
    [*list("新华社北京电会议出席主持习近平李希、，。：“”《》（）——一二三 \n&<>\"'\t"), "\x01", "\x0b", "\ufffe", "😀"]
)
texts = st.text(alphabet=ALPHABET, max_size=24)
short = st.text(alphabet=st.sampled_from(list("新华社北京会议出席习近平李希王")), min_size=1, max_size=6)
lines = st.integers(1, 500).flatmap(lambda a: st.integers(a, a + 20).map(lambda b: (a, b)))
line = st.integers(1, 500)
maybe = st.none


@st.composite
def dates(draw: st.DrawFn) -> Date:
    year = draw(st.none() | st.integers(1949, 2100))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    iso = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    end = None
    if draw(st.booleans()):
        end_day = draw(st.integers(day, 28))
        end_iso = f"{year:04d}-{month:02d}-{end_day:02d}" if year else f"--{month:02d}-{end_day:02d}"
        end = Date(text=f"{end_day}日", year=year, month=month, day=end_day, iso=end_iso)
    return Date(
        text=f"{month}月{day}日", year=year, month=month, day=day, iso=iso, end=end, year_inferred=draw(st.booleans())
    )


def paragraphs() -> st.SearchStrategy[Paragraph]:
    items = st.builds(
        EnumItem, marker=st.sampled_from(["一要", "二是", "第三，"]), number=st.integers(1, 9), text=texts
    )
    return st.builds(Paragraph, lines=lines, text=texts, enumeration=st.lists(items, max_size=3).map(tuple))


def tables() -> st.SearchStrategy[Table]:
    cells = st.builds(TableCell, text=texts, header=st.booleans(), colspan=st.integers(1, 4), rowspan=st.integers(1, 3))
    rows = st.builds(TableRow, line=line, cells=st.lists(cells, min_size=1, max_size=4).map(tuple))
    return st.builds(Table, lines=lines, text=texts, rows=st.lists(rows, min_size=1, max_size=4).map(tuple))


def blocks() -> st.SearchStrategy[Block]:
    leaf = st.one_of(
        paragraphs(),
        st.builds(Subhead, lines=lines, text=texts),
        st.builds(Caption, lines=lines, text=texts),
        tables(),
    )

    def points(children: st.SearchStrategy[Block]) -> st.SearchStrategy[Block]:
        return st.builds(
            Point,
            lines=lines,
            marker=st.sampled_from(["一、", "（一）", "1.", "一是", "——", "⑴"]),
            style=st.sampled_from(["一、", "（一）", "1.", "一是", "——"]),
            level=st.integers(1, 6),
            number=st.integers(0, 30),
            text=texts,
            children=st.lists(children, max_size=3).map(tuple),
        )

    return st.recursive(leaf, points, max_leaves=8)


groups = st.builds(
    AttendeeGroup,
    verb=st.sampled_from(["出席", "主持", "參加", "陪同 人员"]),
    role=st.none() | texts,
    names=st.lists(short, max_size=4).map(tuple),
    roles=st.lists(st.none() | texts, max_size=4).map(tuple),
    text=texts,
    where=st.none()
    | st.builds(
        Where,
        block=st.sampled_from(["headline", "body/0", "body/1", "body/9"]),
        start=st.integers(0, 10),
        end=st.integers(0, 30),
    ),
)
source_lines = st.lists(st.builds(SourceLine, text=texts, line=line), max_size=3).map(tuple)


@st.composite
def bulletins_(draw: st.DrawFn, index: int = 1) -> Bulletin:
    headline = draw(
        st.none()
        | st.builds(
            Headline,
            lines=st.lists(texts, min_size=1, max_size=4).map(tuple),
            line_numbers=st.lists(line, max_size=4).map(tuple),
            kicker=st.none() | texts,
            title=texts,
            subtitles=st.lists(texts, max_size=2).map(tuple),
        )
    )
    return Bulletin(
        id=draw(st.sampled_from([f"b{index}", "x y", "1&2"])),
        lines=draw(lines),
        origin=draw(st.none() | st.sampled_from(["/html[1]/body[1]/p[2]", "paragraph 3", "row 1"]) | texts),
        genre=draw(st.sampled_from(GENRES)),
        section=draw(st.none() | texts),
        headline=headline,
        dateline=draw(
            st.none()
            | st.builds(
                Dateline,
                text=texts,
                line=line,
                agency=st.none() | short,
                place=st.none() | short,
                date=st.none() | dates(),
                trailing=st.booleans(),
            )
        ),
        byline=tuple(draw(st.lists(short, max_size=2))),
        byline_lines=draw(source_lines),
        speech=draw(
            st.none()
            | st.builds(
                Speech,
                speaker=st.none() | short,
                date=st.none() | dates(),
                salutation=st.none() | texts,
                source_lines=source_lines,
            )
        ),
        addressee=draw(st.none() | texts),
        doc_number=draw(st.none() | texts),
        notice_elements=tuple(
            draw(
                st.lists(
                    st.builds(NoticeElement, kind=st.sampled_from(NOTICE_KINDS), lines=lines, text=texts), max_size=3
                )
            )
        ),
        body=tuple(draw(st.lists(blocks(), max_size=4))),
        closing=draw(
            st.none()
            | st.builds(
                Closing,
                issuer=st.none() | texts,
                date=st.none() | dates(),
                source_lines=st.lists(st.builds(SourceLine, text=texts, line=line), min_size=1, max_size=3).map(tuple),
            )
        ),
        attendees=tuple(draw(st.lists(groups, max_size=3))),
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    count = draw(st.integers(0, 3))
    return Document(
        source=draw(
            st.builds(
                Source,
                name=st.none() | texts,
                sha256=st.none() | st.just("ab" * 32),
                bytes=st.integers(0, 10**6),
                encoding=st.sampled_from(["utf-8", "gb18030"]),
                confidence=st.floats(0, 1),
                script=st.sampled_from(["hans", "hant"]),
                format=st.sampled_from(["text", "html", "markdown", "docx", "records"]),
                metadata=st.lists(
                    st.builds(MetaField, name=st.sampled_from(["title", "date", "last updated", "url"]), value=texts),
                    max_size=3,
                ).map(tuple),
            )
        ),
        bulletins=tuple(draw(bulletins_(k)) for k in range(1, count + 1)),
        residue=tuple(
            draw(st.lists(st.builds(Residue, kind=st.sampled_from(RESIDUE_KINDS), lines=lines, text=texts), max_size=3))
        ),
        diagnostics=tuple(
            draw(
                st.lists(
                    st.builds(
                        Diagnostic,
                        level=st.sampled_from(["info", "warning"]),
                        code=st.sampled_from(["wrapped-paragraph", "odd code"]),
                        line=st.none() | line,
                        message=texts,
                    ),
                    max_size=2,
                )
            )
        ),
        figures=tuple(
            draw(
                st.lists(
                    st.builds(
                        Figure,
                        line=line,
                        src=st.none() | st.sampled_from(["images/a b.png", "http://x/图.jpg", "a\"<&'.gif"]),
                        alt=st.none() | texts,
                        caption=st.none() | texts,
                    ),
                    max_size=2,
                )
            )
        ),
    )
