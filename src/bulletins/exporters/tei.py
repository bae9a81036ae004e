"""TEI P5 exporter: a ``teiCorpus`` per source, one ``TEI`` per bulletin, valid against ``tei_all``.

The mapping (DESIGN §5, docs/tei.md):

==========================  ===================================================================
model                       TEI
==========================  ===================================================================
document                    ``teiCorpus``; header with source name, sha256, size, encoding,
                            producing application; residue outside bulletins and diagnostics
                            as ``notesStmt/note``
bulletin                    ``TEI xml:id="b1"``; header with title, line range, genre
                            (``textClass/keywords/term``), section (``seriesStmt``), attendees
                            (``particDesc/listPerson[@type="attendees"]``)
headline lines              ``head type="kicker|main|sub"``
dateline, byline            ``opener/dateline`` with ``orgName``, ``placeName``, ``date``;
                            ``opener/byline``
speech front matter         ``opener`` with ``dateline/date``, ``byline/docAuthor``, ``salute``
addressee (主送机关)         ``opener/salute``
paragraph                   ``p``; enumeration items ``seg type="enum" n`` with ``label``
point                       ``div type="levelN" n``: ``head`` (heading point) or ``p`` with
                            ``label``, then its children
subhead                     ``div type="section"`` with ``head``, over the blocks that follow
caption                     ``figure/head``
credit                      ``note type="credit" subtype="photo|graphic|layout|…"`` in place;
                            credited people in ``titleStmt/respStmt`` (``resp`` = the role)
closing, trailing dateline  ``closer`` with ``signed/orgName`` and ``dateline/date``
notice elements             ``note type="notice" subtype="doc_number|cc|…"`` (份号, 密级, 紧急程度:
                            ``copy_number|classification|urgency``, first in the body)
residue                     ``note type="residue" subtype="image|nav|caption|section|noise"``
attendee names              ``persName ref="#b1-p1"`` in place, where the text has them
==========================  ===================================================================

Content models force two wrappers: paragraphs that follow a ``div`` at one level are grouped in
``div type="unnumbered"``, and the blocks after a subhead form its ``div type="section"``.
Every ``@when`` is zero-padded ISO (``2020-02-09``, ``--09-06``). Characters illegal in XML 1.0
are replaced with U+FFFD and reported in a header note.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar
from urllib.parse import quote

from .. import __version__
from .._xmltext import Sanitizer
from ..lexing.rules.credits import ROLES as CREDIT_SUBTYPES
from ..model import (
    AttendeeGroup,
    Block,
    Bulletin,
    Caption,
    Credit,
    Dateline,
    Document,
    Figure,
    Headline,
    LineBox,
    NoticeElement,
    Paragraph,
    Point,
    Residue,
    Subhead,
    Table,
    iter_blocks,
)
from ._teimarkup import Span, arrange, date_span, marked, marker_n, token

TEI_NS = "http://www.tei-c.org/ns/1.0"


def _uri(src: str) -> str:
    """*src* as a URI reference (``graphic/@url`` is ``teidata.pointer``): spaces and non-ASCII escaped."""
    return quote(src, safe=":/?#[]@!$&'()*+,;=%~")


_HEADING_MAX = 40
_BANNER = frozenset({"copy_number", "classification", "urgency"})


def _end(block: Block) -> int:
    """The last source line of *block* and everything nested under it."""
    if isinstance(block, Point) and block.children:
        return max(block.lines[1], *(_end(child) for child in block.children))
    return block.lines[1]


class TeiExporter:
    """TEI P5 (valid against tei_all): one ``teiCorpus`` per source, one ``TEI`` per bulletin."""

    name: ClassVar[str] = "tei"
    suffix: ClassVar[str] = ".tei.xml"

    def __init__(self, *, persnames: bool = True) -> None:
        """Configure the output.

        Args:
            persnames: Mark attendee names up in place with ``persName`` (they are always
                listed in the bulletin header's ``listPerson``).
        """
        self.persnames = persnames

    def export(self, document: Document) -> str:
        """Return *document* as a TEI P5 ``teiCorpus``."""
        return _Tei(document, Sanitizer(), self.persnames).render()


# -- the document --------------------------------------------------------------------------------


class _Tei:
    def __init__(self, document: Document, sanitizer: Sanitizer, persnames: bool) -> None:
        self.doc = document
        self.s = sanitizer
        self.persnames = persnames
        self.boxes: dict[int, list[LineBox]] = {}
        for box in document.boxes:
            self.boxes.setdefault(box.line, []).append(box)
        self.sizes = {page.number: page for page in document.pages}
        self.prefix = ""  # the current bulletin's xml:id, for its zones' ids
        self.breaks: list[tuple[int, str]] = []  # the current bulletin's page breaks not yet placed

    def render(self) -> str:
        documents = [self.bulletin(b, k) for k, b in enumerate(self.doc.bulletins, 1)] or [self.empty()]
        self.prefix = ""  # the corpus header has no facsimile of its own
        header = self.corpus_header()  # last: it reports the characters replaced above
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<teiCorpus xmlns="{TEI_NS}">\n{header}\n' + "\n".join(documents) + "\n</teiCorpus>\n"
        )

    # header of the corpus

    def _outside(self) -> list[Residue]:
        ranges = [b.lines for b in self.doc.bulletins]
        return [r for r in self.doc.residue if not any(a <= r.lines[0] <= b for a, b in ranges)]

    def corpus_header(self) -> str:
        s, src = self.s, self.doc.source
        name = src.name or "text given without a name"
        notes = [self.residue(r) for r in self._outside()]
        ranges = [b.lines for b in self.doc.bulletins]
        notes += [
            f'<note type="residue" subtype="figure" n="{f.line}">{self.figure(f)}</note>'
            for f in self.doc.figures
            if not any(a <= f.line <= b for a, b in ranges)
        ]
        notes += [
            f'<note type="diagnostic" subtype="{s.attr(token(d.code))}"{self._line_n(d.line)}>'
            f"{s.text(d.message)}</note>"
            for d in self.doc.diagnostics
        ]
        if self.s.replaced:
            notes.append(
                '<note type="diagnostic" subtype="xml-illegal-character">'
                f"{self.s.replaced} character(s) illegal in XML 1.0 replaced with U+FFFD</note>"
            )
        notes_stmt = f"<notesStmt>{''.join(notes)}</notesStmt>" if notes else ""
        sha = f'<idno type="sha256">{s.text(src.sha256)}</idno>' if src.sha256 else ""
        return (
            "<teiHeader><fileDesc>"
            f"<titleStmt><title>{s.text(name)}</title></titleStmt>"
            f'<extent><measure unit="byte" quantity="{src.bytes}">{src.bytes} bytes</measure></extent>'
            f"<publicationStmt><p>Structured by bulletins {__version__}.</p></publicationStmt>"
            f"{notes_stmt}"
            f"<sourceDesc><bibl><title>{s.text(name)}</title>{sha}"
            f'<idno type="format">{s.text(src.format)}</idno>'
            f'<note type="encoding">{s.text(src.encoding)} (confidence {src.confidence:.2f}),'
            f" script {src.script}</note>{self._metadata()}"
            "</bibl></sourceDesc></fileDesc>"
            "<encodingDesc><appInfo>"
            f'<application ident="bulletins" version="{s.attr(__version__)}"><label>bulletins</label>'
            "<desc>Structure recovered from the text of Chinese official notices.</desc></application>"
            "</appInfo></encodingDesc></teiHeader>"
        )

    def _metadata(self) -> str:
        """Container fields (front matter, dataset columns) as notes of the source's ``bibl``."""
        s = self.s
        return "".join(
            f'<note type="metadata" subtype="{s.attr("_".join(field.name.split()) or "field")}">'
            f"{s.text(field.value)}</note>"
            for field in self.doc.source.metadata
        )

    def _line_n(self, line: int | None) -> str:
        return f' n="{line}"' if line else ""

    def residue(self, residue: Residue) -> str:
        a, b = residue.lines
        return (
            f'<note type="residue" subtype="{residue.kind}" n="{a}-{b}"{self.facs(a, b)}>'
            + self.s.text(residue.text).replace("\n", "<lb/>")
            + "</note>"
        )

    def empty(self) -> str:
        return (
            '<TEI xml:id="none"><teiHeader><fileDesc><titleStmt><title>No bulletin found</title></titleStmt>'
            "<publicationStmt><p>Structured by bulletins.</p></publicationStmt>"
            "<sourceDesc><p>The input holds no bulletin; its text, if any, is kept as residue in the"
            " corpus header.</p></sourceDesc></fileDesc></teiHeader><text><body><p/></body></text></TEI>"
        )

    # one bulletin

    def bulletin(self, bulletin: Bulletin, position: int) -> str:
        # xml:id must be an XML name and unique: use the position; keep the model's id in @n.
        people = self._people(bulletin, f"b{position}")
        self.prefix = f"b{position}"
        facsimile, first = self.facsimile(bulletin)
        return (
            f'<TEI xml:id="b{position}" n="{self.s.attr(bulletin.id)}">'
            + self.bulletin_header(bulletin, people)
            + facsimile
            + "<text><body>"
            + first
            + self.front(bulletin, people)
            + self.body(bulletin, people)
            + self.back(bulletin)
            + "</body></text></TEI>"
        )

    # page provenance (paged sources: PDF, OFD, scans)

    def _zone(self, box: LineBox) -> str:
        return f"{self.prefix}-l{box.line}-p{box.page}"

    def facsimile(self, bulletin: Bulletin) -> tuple[str, str]:
        """The bulletin's ``facsimile`` (a ``surface`` per page, a ``zone`` per line box) and its first ``pb``.

        The page breaks inside the bulletin are left in :attr:`breaks` for the body to place: before
        the first line that starts on the page, or after the line that runs onto it (a paragraph
        re-joined over a page break, whose ``@facs`` names its zones on both pages).
        """
        a, b = bulletin.lines
        boxes = [box for n in range(a, b + 1) for box in self.boxes.get(n, ())]
        self.breaks = []
        if not boxes:
            return "", ""
        surfaces: dict[int, list[str]] = {}
        for box in boxes:
            surfaces.setdefault(box.page, []).append(
                f'<zone xml:id="{self._zone(box)}" ulx="{box.left:g}" uly="{box.top:g}" lrx="{box.right:g}"'
                f' lry="{box.bottom:g}"/>'
            )
        out = []
        for number, zones in surfaces.items():
            page = self.sizes.get(number)
            size = f' ulx="0" uly="0" lrx="{page.width:g}" lry="{page.height:g}"' if page else ""
            unit = "PDF points" if page is None or page.unit == "pt" else "image pixels"
            out.append(
                f'<surface xml:id="{self.prefix}-page{number}" n="{number}"{size}>'
                f"<desc>page {number}; coordinates in {unit} from the top left</desc>{''.join(zones)}</surface>"
            )
        first_page = boxes[0].page
        started: set[int] = {first_page}
        for n in range(a, b + 1):
            line_boxes = self.boxes.get(n, ())
            for k, box in enumerate(line_boxes):
                if box.page in started or box.page < first_page:
                    continue
                started.add(box.page)
                # Starts on the page: the break goes before it; runs onto it: after it.
                self.breaks.append((n if k == 0 else n + 1, self._pb(box.page)))
        return f"<facsimile>{''.join(out)}</facsimile>", self._pb(first_page)

    def _pb(self, page: int) -> str:
        return f'<pb n="{page}" facs="#{self.prefix}-page{page}"/>'

    def facs(self, first: int, last: int | None = None) -> str:
        """`` facs="#…"`` naming the zones of source lines *first*–*last*, or nothing outside a paged source."""
        zones = [self._zone(box) for n in range(first, (last or first) + 1) for box in self.boxes.get(n, ())]
        return f' facs="{" ".join("#" + z for z in zones)}"' if zones and self.prefix else ""

    def take_breaks(self, lo: int, hi: int) -> list[tuple[int, str, str]]:
        """The page breaks at lines *lo*–*hi* as ``global`` items, taken out of those still to place."""
        taken = [(n, "global", xml) for n, xml in self.breaks if lo <= n <= hi]
        self.breaks = [(n, xml) for n, xml in self.breaks if not lo <= n <= hi]
        return taken

    def _people(self, bulletin: Bulletin, prefix: str) -> list[tuple[str, AttendeeGroup, int]]:
        """(xml:id, group, index of the name in the group) for every attendee mention."""
        out: list[tuple[str, AttendeeGroup, int]] = []
        for group in bulletin.attendees:
            for k in range(len(group.names)):
                out.append((f"{prefix}-p{len(out) + 1}", group, k))
        return out

    def bulletin_header(self, bulletin: Bulletin, people: Sequence[tuple[str, AttendeeGroup, int]]) -> str:
        s = self.s
        a, b = bulletin.lines
        title = bulletin.headline.title if bulletin.headline and bulletin.headline.title else None
        title = title or f"Bulletin without a headline, lines {a}–{b}"
        series = f"<seriesStmt><title>{s.text(bulletin.section)}</title></seriesStmt>" if bulletin.section else ""
        persons = ""
        if people:
            entries = []
            for ident, group, k in people:
                role = group.roles[k] if k < len(group.roles) else group.role
                occupation = f"<occupation>{s.text(role)}</occupation>" if role else ""
                entries.append(
                    f'<person xml:id="{ident}" role="{s.attr(token(group.verb))}">'
                    f"<persName>{s.text(group.names[k])}</persName>{occupation}</person>"
                )
            persons = f'<particDesc><listPerson type="attendees">{"".join(entries)}</listPerson></particDesc>'
        source = s.text(self.doc.source.name or "text given without a name")
        # Credited people (本报记者  李  舸摄) are statements of responsibility (TEI §2.2.1).
        responsible = "".join(
            f"<respStmt><resp>{s.text(credit.role)}</resp>"
            + "".join(f"<persName>{s.text(name)}</persName>" for name in credit.names)
            + "</respStmt>"
            for credit in bulletin.credits
            if credit.names
        )
        # Where the bulletin came from in a structured input: an HTML element path, a DOCX paragraph.
        origin = (
            f'<idno type="origin" subtype="{s.attr(self.doc.source.format)}">{s.text(bulletin.origin)}</idno>'
            if bulletin.origin
            else ""
        )
        # The date the bulletin carries as its own (题注, 落款, speech, dateline or metadata).
        issued = ""
        if bulletin.date is not None:
            when = f' when="{s.attr(bulletin.date.iso)}"' if bulletin.date.iso else ""
            kind = f'type="issued" subtype="{s.attr(bulletin.date.source)}"'
            issued = f"<date {kind}{when}>{s.text(bulletin.date.text)}</date>"
        return (
            "<teiHeader><fileDesc>"
            f"<titleStmt><title>{s.text(title)}</title>{responsible}</titleStmt>"
            f"<publicationStmt><p>Structured by bulletins {__version__}.</p></publicationStmt>{series}"
            f'<sourceDesc><bibl><title>{source}</title><biblScope unit="line" from="{a}" to="{b}"/>'
            f"{issued}{origin}</bibl>"
            "</sourceDesc></fileDesc><profileDesc>"
            f'<textClass><keywords><term type="genre">{s.text(bulletin.genre)}</term></keywords></textClass>'
            f"{persons}</profileDesc></teiHeader>"
        )

    def _person_spans(
        self, text: str, groups: Iterable[tuple[str, AttendeeGroup, int]], start: int, end: int
    ) -> list[Span]:
        """PersName spans for the names of attendee groups whose sentence lies in text[start:end]."""
        spans: list[Span] = []
        cursor = start
        for ident, group, k in groups:
            name = group.names[k]
            at = text.find(name, cursor, end)
            if at < 0:
                continue
            spans.append((at, at + len(name), f'<persName ref="#{ident}">', "</persName>"))
            cursor = at + len(name)
        return spans

    def _mentions(
        self, people: Sequence[tuple[str, AttendeeGroup, int]], block: str
    ) -> dict[tuple[int, int], list[tuple[str, AttendeeGroup, int]]]:
        found: dict[tuple[int, int], list[tuple[str, AttendeeGroup, int]]] = {}
        if not self.persnames:
            return found
        for entry in people:
            where = entry[1].where
            if where is not None and where.block == block:
                found.setdefault((where.start, where.end), []).append(entry)
        return found

    def _spans_for(self, text: str, people: Sequence[tuple[str, AttendeeGroup, int]], block: str) -> list[Span]:
        """PersName spans for the attendees read from body block *block* (offsets into its text)."""
        spans: list[Span] = []
        for (start, end), entries in self._mentions(people, block).items():
            spans.extend(self._person_spans(text, entries, start, end))
        return spans

    def front(self, bulletin: Bulletin, people: Sequence[tuple[str, AttendeeGroup, int]]) -> str:
        s = self.s
        out: list[str] = []
        elements = bulletin.notice_elements
        head_line = bulletin.headline.line_numbers[0] if bulletin.headline and bulletin.headline.line_numbers else 0
        # The 版头 marks (份号, 密级, 紧急程度) stand above everything else, then the masthead.
        out += [self.notice(e) for e in elements if e.kind in _BANNER]
        out += [self.notice(e) for e in elements if e.kind in {"masthead", "doc_number"} and e.lines[0] <= head_line]
        if bulletin.headline is not None:
            out += self.heads(bulletin.headline, people)
        opener: list[str] = []
        opener += [self.notice(e) for e in elements if e.kind == "doc_number" and e.lines[0] > head_line]
        if bulletin.dateline is not None and not bulletin.dateline.trailing:
            opener.append(self.dateline(bulletin.dateline, bulletin.byline))
        for line in bulletin.byline_lines:
            opener.append(f"<byline>{s.text(line.text)}</byline>")
        if bulletin.speech is not None:
            for source_line in bulletin.speech.source_lines:
                text = source_line.text
                if bulletin.speech.date is not None and bulletin.speech.date.text in text:
                    opener.append(f"<dateline>{marked(text, date_span(text, bulletin.speech.date), s)}</dateline>")
                elif text == bulletin.speech.speaker:
                    opener.append(f"<byline><docAuthor>{s.text(text)}</docAuthor></byline>")
                else:
                    opener.append(f"<salute>{s.text(text)}</salute>")
        opener += [f"<salute>{s.text(e.text)}</salute>" for e in elements if e.kind == "addressee"]
        if opener:
            out.append("<opener>" + "".join(opener) + "</opener>")
        return "".join(out)

    def heads(self, headline: Headline, people: Sequence[tuple[str, AttendeeGroup, int]]) -> list[str]:
        out = []
        offset = 0
        for k, line in enumerate(headline.lines):
            facs = self.facs(headline.line_numbers[k]) if k < len(headline.line_numbers) else ""
            if headline.kicker is not None and line == headline.kicker:
                kind = "kicker"
            elif line and line in headline.title:
                kind = "main"
            else:
                kind = "sub"
            spans = []
            for (start, end), entries in self._mentions(people, "headline").items():
                if offset <= start < offset + len(line) + 1:
                    spans += [
                        (a - offset, b - offset, o, c)
                        for a, b, o, c in self._person_spans("\n".join(headline.lines), entries, start, end)
                    ]
            out.append(f'<head type="{kind}"{facs}>{marked(line, spans, self.s)}</head>')
            offset += len(line) + 1
        return out

    def dateline(self, dateline: Dateline, byline: Sequence[str]) -> str:
        text = dateline.text
        spans: list[Span] = []
        cursor = 0
        if dateline.agency and (at := text.find(dateline.agency)) >= 0:
            spans.append((at, at + len(dateline.agency), "<orgName>", "</orgName>"))
            cursor = at + len(dateline.agency)
        if dateline.place and (at := text.find(dateline.place, cursor)) >= 0:
            spans.append((at, at + len(dateline.place), "<placeName>", "</placeName>"))
            cursor = at + len(dateline.place)
        spans += date_span(text, dateline.date, cursor)
        for name in byline:
            if (at := text.find(name)) >= 0:
                spans.append((at, at + len(name), "<persName>", "</persName>"))
        return f"<dateline>{marked(text, spans, self.s)}</dateline>"

    def notice(self, element: NoticeElement) -> str:
        a, b = element.lines
        text = self.s.text(element.text).replace("\n", "<lb/>")
        return f'<note type="notice" subtype="{element.kind}" n="{a}-{b}"{self.facs(a, b)}>{text}</note>'

    # the body

    def body(self, bulletin: Bulletin, people: Sequence[tuple[str, AttendeeGroup, int]]) -> str:
        index = {id(block): k for k, block in enumerate(iter_blocks(bulletin.body))}
        inner = [r for r in self.doc.residue if bulletin.lines[0] <= r.lines[0] <= bulletin.lines[1]]
        elements = [e for e in bulletin.notice_elements if e.kind in {"attachment", "cc", "imprint", "keywords"}]
        elements = [
            e for e in elements if bulletin.closing is None or e.lines[0] < bulletin.closing.source_lines[0].line
        ]
        items: list[tuple[int, str, str]] = []  # (line, kind: div|p|global, xml)
        sections: list[tuple[Subhead, list[Block]]] = []
        lead: list[Block] = []
        for block in bulletin.body:
            if isinstance(block, Subhead):
                sections.append((block, []))
            elif sections:
                sections[-1][1].append(block)
            else:
                lead.append(block)
        for block in lead:
            items.append(self.block(block, index, people, 1))
        for residue in inner:
            items.append((residue.lines[0], "global", self.residue(residue)))
        for element in elements:
            items.append((element.lines[0], "global", self.notice(element)))
        for credit in bulletin.credits:
            items.append((credit.line, "global", self.credit(credit)))
        for figure in self.doc.figures:
            if bulletin.lines[0] <= figure.line <= bulletin.lines[1]:
                items.append((figure.line, "global", self.figure(figure)))
        for subhead, blocks in sections:
            rendered = [self.block(b, index, people, 1) for b in blocks]
            inside = self.take_breaks(subhead.lines[1] + 1, max((_end(b) for b in blocks), default=0))
            content = arrange(sorted(inside + rendered, key=lambda item: item[0]))
            head = self.s.text(subhead.text).replace("\n", "<lb/>")
            facs = self.facs(*subhead.lines)
            items.append((subhead.lines[0], "div", f'<div type="section"><head{facs}>{head}</head>{content}</div>'))
        # Breaks after the closing's first line are placed among the notes after it (back()).
        last = bulletin.closing.source_lines[-1].line if bulletin.closing is not None else bulletin.lines[1] + 1
        items = self.take_breaks(0, last) + items
        items.sort(key=lambda item: item[0])
        if not any(kind in {"p", "div"} for _, kind, _ in items):
            # A body needs at least one paragraph or division; a headline-only bulletin has none.
            items.insert(0, (0, "p", "<p/>"))
        return arrange(items)

    def figure(self, figure: Figure) -> str:
        """A picture: ``figure`` with its ``graphic[@url]``, caption as ``head``, alt text as ``figDesc``."""
        s = self.s
        graphic = f'<graphic url="{s.attr(_uri(figure.src))}"/>' if figure.src else ""
        head = f"<head>{s.text(figure.caption)}</head>" if figure.caption else ""
        desc = f"<figDesc>{s.text(figure.alt)}</figDesc>" if figure.alt else ""
        return f"<figure>{head}{graphic}{desc}</figure>"

    def credit(self, credit: Credit) -> str:
        """A credit in place: ``note type="credit" subtype="photo|graphic|…"``; its people are in the header."""
        return (
            f'<note type="credit" subtype="{CREDIT_SUBTYPES[credit.role]}" n="{credit.line}">'
            f"{self.s.text(credit.text)}</note>"
        )

    def block(
        self, block: Block, index: dict[int, int], people: Sequence[tuple[str, AttendeeGroup, int]], level: int
    ) -> tuple[int, str, str]:
        s = self.s
        if isinstance(block, Table):
            return block.lines[0], "p", self.table(block)
        spans = self._spans_for(block.text, people, f"body/{index.get(id(block), -1)}")
        facs = self.facs(*block.lines)
        if isinstance(block, Paragraph):
            spans += self._enum_spans(block)
            return block.lines[0], "p", f"<p{facs}>{marked(block.text, spans, s)}</p>"
        if isinstance(block, Caption):
            return block.lines[0], "global", f"<figure{facs}><head>{s.text(block.text)}</head></figure>"
        if isinstance(block, Subhead):  # nested subheads are rare; keep the text as a labelled p
            return block.lines[0], "p", f'<p rend="subhead"{facs}>{s.text(block.text)}</p>'
        assert isinstance(block, Point)
        label = f"<label>{s.text(block.marker)}</label>"
        text = marked(block.text, spans, s)
        heading = len(block.text) <= _HEADING_MAX and not any(ch in "。！？；" for ch in block.text)
        opening = f"<head{facs}>{label}{text}</head>" if heading else f"<p{facs}>{label}{text}</p>"
        rendered = [self.block(child, index, people, level + 1) for child in block.children]
        if rendered:  # page breaks among the children go inside the point's div
            rendered = sorted(self.take_breaks(block.lines[1] + 1, _end(block)) + rendered, key=lambda item: item[0])
        children = arrange(rendered)
        kind = f"level{block.level}"
        return (
            block.lines[0],
            "div",
            f'<div type="{kind}" n="{s.attr(marker_n(block.marker))}">{opening}{children}</div>',
        )

    def table(self, table: Table) -> str:
        """A table as TEI's ``table/row/cell``: header cells ``role="label"``, spans as ``cols``/``rows``."""
        s = self.s
        width = max((sum(c.colspan for c in row.cells) for row in table.rows), default=0)
        rows = []
        for row in table.rows:
            cells = []
            for cell in row.cells:
                extra = ' role="label"' if cell.header else ""
                extra += f' cols="{cell.colspan}"' if cell.colspan > 1 else ""
                extra += f' rows="{cell.rowspan}"' if cell.rowspan > 1 else ""
                cells.append(f"<cell{extra}>{s.text(cell.text)}</cell>")
            label = ' role="label"' if row.cells and all(c.header for c in row.cells) else ""
            rows.append(f'<row{label} n="{row.line}"{self.facs(row.line)}>' + "".join(cells) + "</row>")
        return f'<table rows="{len(table.rows)}" cols="{width}">' + "".join(rows) + "</table>"

    def _enum_spans(self, paragraph: Paragraph) -> list[Span]:
        items = paragraph.enumeration
        if not items:
            return []
        total = sum(len(i.marker) + len(i.text) for i in items)
        start = len(paragraph.text) - total
        spans: list[Span] = []
        for item in items:
            end = start + len(item.marker) + len(item.text)
            spans.append((start, end, f'<seg type="enum" n="{item.number}">', "</seg>"))
            spans.append((start, start + len(item.marker), "<label>", "</label>"))
            start = end
        return spans

    def back(self, bulletin: Bulletin) -> str:
        s = self.s
        closer: list[str] = []
        if bulletin.closing is not None:
            closing = bulletin.closing
            issuers = [line.text for line in closing.source_lines[:-1]]
            if issuers:
                closer.append(
                    "<signed>" + "<lb/>".join(f"<orgName>{s.text(t)}</orgName>" for t in issuers) + "</signed>"
                )
            date_line = closing.source_lines[-1].text
            closer.append(f"<dateline>{marked(date_line, date_span(date_line, closing.date), s)}</dateline>")
        if bulletin.dateline is not None and bulletin.dateline.trailing:
            closer.append(self.dateline(bulletin.dateline, ()))
        facs = ""
        if bulletin.closing is not None:
            facs = self.facs(bulletin.closing.source_lines[0].line, bulletin.closing.source_lines[-1].line)
        out = f"<closer{facs}>{''.join(closer)}</closer>" if closer else ""
        after = [e for e in bulletin.notice_elements if e.kind in {"note", "attachment", "cc", "imprint", "keywords"}]
        if bulletin.closing is not None:
            first = bulletin.closing.source_lines[0].line
            notes = [(e.lines[0], "global", self.notice(e)) for e in after if e.lines[0] > first]
            out += "".join(xml for _, _, xml in sorted(self.take_breaks(first, 10**9) + notes, key=lambda i: i[0]))
        return out
