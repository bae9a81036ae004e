"""Attendee lists: who attended, chaired, accompanied — with their roles, in source order.

Read per sentence and per comma clause, on the Simplified shadow (names are cut from the
original text). The rules, each from the seeds:

* verbs 出席 列席 参加 陪同 主持 与会 参观, in forms such as 出席会议并讲话, 主持召开,
  以视频方式出席, 等陪同人员同机抵达, 参加上述活动, and 在托卡耶夫陪同下;
* the subject before the verb may span comma clauses that hold only names and collective
  nouns (省领导林克庆、张福海…，省直有关单位负责同志…参加会议, seed 001);
* a role printed before the first name applies to every name that has none of its own
  (中共中央政治局常委、中央全面深化改革委员会副主任李克强、王沪宁、韩正); a role printed
  before each name stays with it (俄罗斯总统普京、哈萨克斯坦总统托卡耶夫, seed 000);
* people only: a name is a known surname with one or two characters, or follows a title
  (总统普京); units and collectives (有关单位负责同志) are not names;
* reported speech (会议指出，…习近平总书记主持召开…会议) is about another meeting: skipped;
* glued names in a headline deck (李希王偉中李斌孟凡利出席會議) are split with the names the
  same bulletin lists with separators, else by surnames when only one split fits; otherwise the
  string is kept whole and a diagnostic says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs
from attrs import frozen

from .._text import HAN, SURNAMES_DOUBLE, SURNAMES_SINGLE, looks_like_name
from ..model import AttendeeGroup, Diagnostic, Where

VERBS = ("出席", "列席", "参加", "陪同", "主持", "与会", "参观")
# 詹天佑主持完工了…京张铁路 (rmrb/2020-01/20200101-05-01.txt): 主持 of a work, not of a meeting.
# 列席人员名单草案 (rmrb/2020-05/20200512-01-05.txt): a list named after the verb is a noun.
_VERB = re.compile(
    "(?:"
    + "|".join(VERBS).replace("主持", "主持(?!完工|修建|设计|研制|研发|编写|编纂|起草|翻译)")
    + ")(?!人员名单|名单)"
)
_ESCORTED = re.compile(r"在(?P<who>[^，。；]{2,40}?)(?:的)?陪同下")
_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]?")
_CLAUSE = re.compile(r"[^，,]+")
# 会议指出，…习近平总书记主持召开…会议 (seed 004): what follows 指出/强调 is reported speech about
# another meeting; only the part before the reporting verb is read (楼阳生主持会议并强调，…).
_REPORTED = re.compile(r"(?:指出|强调|认为|要求|表示|希望|提出)[，,：:]")
# Words between the names and the verb: 等, 以视频方式, 在主会场, 分别在太原、大同分会场, 9月6日下午,
# 率团 (王东明率团出席会议, rmrb/2019-10/20191013-03-08.txt), 作为中国代表团团长 (…马晓伟作为中国代表团团长在北京
# 参加会议, 2020-05/20200519-03-06.txt) …
_TRAILING = re.compile(
    r"(?:等|以[^、，]{1,6}方式|分别在.*|在[^，]{0,20}|应邀|一同|共同|先后|也|还|专程|亲切|同机|并|率(?:代表)?团|率队|正在"
    r"|作为[^，、]{2,20}|将|于"
    # 国家主席习近平将于10月11日至13日分别赴印度出席… (rmrb/2019-10/20191010-03-02.txt)
    r"|分别|赴[^，、]{1,12}"
    r"|\d{1,4}年|\d{1,2}月|\d{1,2}日|[上下]午|晚间?|近日|当天|当日|今天|昨天|至)+$"
)
_AND = re.compile(r"以及|和|及")
_LOOKBACK = 4
_PREPOSITIONS = frozenset("同和与及向对在")
_SUBJECT_MAX = 40
_TITLES = (
    "书记处书记", "总书记", "副书记", "书记", "副主任", "主任", "常委", "委员", "省长", "市长", "区长", "县长",
    "部长", "厅长", "局长", "副主席", "主席", "副总理", "总理", "副总统", "总统", "首相", "国王", "女王", "王储",
    "领导", "组长", "院长", "检察长", "秘书长", "成员", "会长", "理事长", "司令员", "政委", "大使", "外长",
    "议长", "负责人", "总指挥", "指挥长", "校长", "董事长", "总经理", "专员", "国务委员", "主委",
    "委员长", "国务卿", "特使", "行政长官", "司长", "审计长", "行长", "署长", "司令", "总干事", "总裁", "参赞",
    "发言人", "资政",
)  # fmt: skip
_TITLES_LONGEST_FIRST = tuple(sorted(_TITLES, key=len, reverse=True))
_TITLE_SET = frozenset(_TITLES)
_FOREIGN_TITLES = ("总统", "总理", "首相", "国王", "女王", "王储", "秘书长", "外长", "议长", "大使", "主席", "领导人")
_UNIT_END = set("部局委厅办会院所处室组队团司社站馆校府党") | {"同志"}
_COLLECTIVE = re.compile(r"(?:负责同志|负责人|领导人|代表|成员|人员|同志|干部|群众|单位|部门)$")
# 楼阳生主持召开省委第二…七次专题会议暨…会议精神； (seed 002's study list): a meeting named as a
# document to study, not a report of who attended.
_REFERENCE = re.compile(r"召开.*精神[；;。]?$")
# 出席闭幕会的领导同志还有：…; 出席座谈会的党外人士还有陈晓光、郑建邦、…、邵峰等 (no colon after 还有,
# rmrb/2020-05/20200509-01-02.txt line 19).
_ATTENDEE_AFTER = re.compile(r"[^，。的]{1,30}的(?P<who>[^，。的]{2,20}?)(?:表示|说|指出|认为|介绍|告诉|$)")
_ROLL_CALL = re.compile(r"^(?P<verb>出席|列席|参加)[^：:，。]{0,20}的[^：:，。]{0,12}?(?:还有[：:]?|有[：:]|是[：:])")
_FOREIGN = re.compile(rf"^[{HAN}·•]{{2,16}}$")
# 艾力更·依明巴海, 帕巴拉·格列朗杰, 若昂·多里亚: the middle dot marks a transliterated personal name.
_DOTTED = re.compile(rf"^[{HAN}]{{1,8}}[·•][{HAN}]{{1,10}}$")


@frozen(kw_only=True)
class TextBlock:
    """A text the analyser reads: where it is, and its original and shadow text."""

    block: str
    """``headline`` or ``body/N``."""
    text: str
    """Original script."""
    shadow: str
    """Simplified shadow, same length."""


@frozen(kw_only=True)
class _Person:
    name: str
    start: int
    role: str | None


def _split_part(part: str, offset: int, original: str, known: set[str]) -> _Person | str | None:
    """Read one 、-separated part: a person (role + name), a role alone, or None (a unit)."""
    if not part:
        return None
    if part in _COMMON_NOUNS or (len(part) == 2 and part[-1] == "国"):  # 韩国 is a country
        return None
    if _DOTTED.match(part):
        # 埃及前总理埃萨姆·谢拉夫 (rmrb/2019-02/20190214-03-05.txt): a title before the name is its role.
        dot = part.find("·") if "·" in part else part.find("•")
        for title in _TITLES_LONGEST_FIRST:
            at = part.rfind(title, 0, dot)
            if at >= 0 and dot - at - len(title) >= 1:
                start = offset + at + len(title)
                return _Person(name=original[start : offset + len(part)], start=start, role=original[offset:start])
        return _Person(name=original[offset : offset + len(part)], start=offset, role=None)
    if part in known or (looks_like_name(part) and part[-1] not in _UNIT_END):
        return _Person(name=original[offset : offset + len(part)], start=offset, role=None)
    for size in (3, 2):
        # 栗战书委员长主持闭幕会 (rmrb/2020-05/20200519-04-11.txt): a name, then its title.
        name, title = part[:size], part[size:]
        if title in _TITLE_SET and (name in known or looks_like_name(name)) and name[-1] not in _UNIT_END:
            return _Person(
                name=original[offset : offset + size], start=offset, role=original[offset + size : offset + len(part)]
            )
    for size in (3, 2, 4):
        if len(part) <= size:
            continue
        name, role = part[-size:], part[:-size]
        # 习近平主席同温敏总统: 同温敏 after a title is a preposition and a name, not a name.
        prepositional = name[0] in _PREPOSITIONS and name not in known
        if (name in known or looks_like_name(name)) and role.endswith(_TITLES) and name[-1] not in _UNIT_END:
            if prepositional:
                continue
            start = offset + len(role)
            return _Person(name=original[start : start + size], start=start, role=original[offset:start])
    for title in _FOREIGN_TITLES:
        at = part.rfind(title)
        if at >= 0 and len(part) > at + len(title):
            name = part[at + len(title) :]
            if _foreign_name(name):
                start = offset + at + len(title)
                return _Person(name=original[start : offset + len(part)], start=start, role=original[offset:start])
    if part.endswith(_TITLES) and not _COLLECTIVE.search(part) and "有关" not in part:
        return original[offset : offset + len(part)]  # a role alone, for the names after it
    return None


def _foreign_name(name: str) -> bool:
    """A transliterated name after a title (总统普京): Han or ·, and no role or list words in it."""
    return (
        _FOREIGN.match(name) is not None
        and _NOT_A_NAME.search(name) is None
        and name[0] not in _PREPOSITIONS
        and not name.endswith(_TITLES)
        and not any(word in name for word in ("以及", "和", "及", "等", "有关", "负责"))
        and name[-1] not in _UNIT_END
    )


def _is_collective(part: str) -> bool:
    """Units and groups of people that are not names: 有关单位负责同志, 各区, 省委有关部委, 政府."""
    if not part:  # 王某和 (a joint at the end of an item) leaves nothing to judge
        return False
    return (
        _COLLECTIVE.search(part) is not None
        or "有关" in part
        or part.startswith("各")
        or part[-1] in _UNIT_END
        or part[-1] in "区县市省州镇乡村"
        or part.endswith(("政府", "党委", "工委", "集团", "公司", "海关", "机场", "中心", "总站", "展览", "中央"))
    )


def _parts(subject: str) -> list[tuple[str, int]]:
    """Split a subject on 、 and on 和/及/以及 before a collective (张瑞鹏和领导小组成员单位负责同志)."""
    parts: list[tuple[str, int]] = []
    position = 0
    for part in subject.split("、"):
        at = position
        position += len(part) + 1
        cut = part.find("等")
        if 0 < cut < len(part) - 1 and _is_collective(part[cut + 1 :]):
            # 中央军委主席习近平等党和国家领导同志 (rmrb/2020-05/20200528-01-05.txt): the names, then
            # the group they lead, which names no one (单位 and 国家领导人出访多国 are not people).
            parts.append((part[:cut], at))
            continue
        for joint in _AND.finditer(part):
            left, right = part[: joint.start()], part[joint.end() :]
            # 张瑞鹏和领导小组成员单位负责同志; 张又侠和魏凤和 (two names; 魏凤和 itself ends in 和).
            if left and (_is_collective(right) or (looks_like_name(left) and looks_like_name(right))):
                parts.append((part[: joint.start()], at))
                parts.append((part[joint.end() :], at + joint.end()))
                break
        else:
            parts.append((part, at))
    return parts


def _people(
    subject: str, offset: int, original: str, known: set[str], doubts: list[str] | None = None
) -> list[_Person] | None:
    """Read the people of a subject; None when the subject is not a list of people.

    A role printed alone before a name joins that name's own role (常委、…副主任李克强); a person
    without a role of their own takes the last full role printed before them (…韩正).

    One item is a person by the surname table or a title before it (总统普京). In a list of
    several items the separators are the evidence (DESIGN §8): once one item is a person by
    that test, every other 2–8 character item is a name too — 巴特尔, 辜胜阻, 艾力更·依明巴海,
    白玛赤林, 蓬佩奥 — and an item that is neither a name nor a collective is set aside
    (appended to *doubts*) without losing the rest of the list.
    """
    subject = _TRAILING.sub("", subject)
    if subject.startswith("来自"):
        # 来自宝马、艾默生、…等跨国公司负责人 (rmrb/2019-10/20191019-01-06.txt): where people come
        # from, not who they are.
        return None
    parts = _parts(subject)
    listed = sum(1 for part, _ in parts if part) >= 2
    people: list[_Person] = []
    lead: str | None = None
    current: str | None = None
    sure = False
    doubtful: list[str] = []
    for part, position in parts:
        found = _split_part(part, offset + position, original, known)
        if found is None and listed and part and not _is_collective(part):
            found = _listed_name(part, offset + position, original)
            if found is None:
                doubtful.append(original[offset + position : offset + position + len(part)])
                continue
            sure = sure or found.role is not None  # 副委员长艾力更·依明巴海: the title is evidence
        elif isinstance(found, _Person):
            sure = True
        if isinstance(found, _Person):
            if found.role is not None:
                current = f"{lead}、{found.role}" if lead else found.role
                lead = None
            elif lead is not None:
                current, lead = lead, None
            people.append(_Person(name=found.name, start=found.start, role=current))
        elif isinstance(found, str):
            lead = f"{lead}、{found}" if lead else found
        elif not part or not _is_collective(part):
            return None
    if people and not sure:  # only loose names: no evidence that these are people
        return None
    if doubts is not None:
        doubts.extend(doubtful)
    return people


_LISTED = re.compile(rf"^[{HAN}][{HAN}·•]{{1,7}}$")
_NOT_A_NAME = re.compile(
    r"[们等各该其此]|代表|委员$|同志$|人士$|^会议$|^大会$|^全体|^部分|^人|首次|国家|人员"
    r"|第[一二三四五六七八九十]|悉数|出面|一同|共同|分别|先后|纷纷"
    # words of institutions and tasks, never of a name: 健全委员履职档案、常委提交履职报告制度
    # (rmrb/2020-05/20200528-03-01.txt) is a list of measures with titles inside.
    r"|制度|机制|档案|报告|工作|体系|建设|情况|问题|措施|履职"
    # …王岐山等党和国家领导人来到天安门广场 (rmrb/2019-10/20191001-01-03.txt): where they went.
    r"|来到|来自|前往|抵达|走进|出访|访问"
    # 应印度总理莫迪和尼泊尔总统班达里邀请 (rmrb/2019-10/20191010-03-02.txt): who invited, not a name.
    r"|邀请"
)
# Nouns that begin with a surname character and stand as subjects: 游客在新疆天池景区参加… (rmrb/
# 2019-02/20190219-07-03.txt), 全国各地…参加 (2019-10/20191030-18-05.txt).
_COMMON_NOUNS = frozenset(
    {
        "游客", "记者", "学生", "群众", "居民", "村民", "市民", "干部", "党员", "专家", "企业", "全国", "全省",
        "全市", "全区", "全县", "全体", "和其他", "全国各", "师生", "官兵", "选手", "观众", "嘉宾", "来宾",
        "解放军", "武警",  # 解放军和武警部队代表 (rmrb/2020-05/20200526-05-01.txt, web/xwlb/20140305.md)
    }
)  # fmt: skip


def _listed_name(part: str, start: int, original: str) -> _Person | None:
    """An item of a list of people read as a name without the surname table (2–8 characters).

    A title inside the item splits off its role (副委员长艾力更·依明巴海).
    """
    for title in _TITLES_LONGEST_FIRST:
        at = part.rfind(title)
        if at >= 0 and 2 <= len(part) - at - len(title) <= 8:
            name_at = at + len(title)
            name = part[name_at:]
            # A Chinese name has at most four characters: 李斌到会指导 is a name and what he did.
            chinese = name[0] in SURNAMES_SINGLE and "·" not in name
            if _LISTED.match(name) and not _NOT_A_NAME.search(name) and not (chinese and len(name) > 4):
                begin = start + name_at
                return _Person(name=original[begin : start + len(part)], start=begin, role=original[start:begin])
    chinese = part[0] in SURNAMES_SINGLE and "·" not in part
    if _LISTED.match(part) and not _NOT_A_NAME.search(part) and not (chinese and len(part) > 4):
        return _Person(name=original[start : start + len(part)], start=start, role=None)
    return None


def _group(verb: str, people: list[_Person], sentence: str, block: TextBlock, start: int) -> AttendeeGroup:
    roles = tuple(p.role for p in people)
    return AttendeeGroup(
        verb=verb,
        role=roles[0] if roles else None,
        names=tuple(p.name for p in people),
        roles=roles,
        text=sentence,
        where=Where(block=block.block, start=start, end=start + len(sentence)),
    )


def _sentence_groups(
    block: TextBlock, start: int, end: int, known: set[str], doubts: list[str] | None = None
) -> list[AttendeeGroup]:
    sentence = block.text[start:end]
    reported = _REPORTED.search(block.shadow, start, end)
    if reported is not None:
        end = reported.start()
    shadow = block.shadow[start:end]
    if not _VERB.search(shadow) or _REFERENCE.search(block.shadow[start : start + len(sentence)]):
        return []
    groups: list[AttendeeGroup] = []
    roll = _ROLL_CALL.search(shadow)
    if roll is not None:
        # 出席闭幕会的领导同志还有：丁薛祥、王晨、… (rmrb/2020-05/20200528-01-02.txt): the names
        # follow the verb, after the colon.
        names_at = start + roll.end()
        found = _people(block.shadow[names_at:end].rstrip("。；;"), names_at, block.text, known, doubts)
        if found:
            verb_at = start + roll.start("verb")
            groups.append(_group(block.text[verb_at : verb_at + 2], found, sentence, block, start))
        return groups
    escorted = _ESCORTED.search(shadow)
    if escorted:
        who_start = start + escorted.start("who")
        # 在托卡耶夫陪同下: whoever stands there is a person, known surname or not.
        who = escorted.group("who")
        # 在缅方领导人陪同下 (rmrb/2020-01/20200118-01-03.txt): a collective escort names no one.
        hosts = None if _is_collective(who) else _people(who, who_start, block.text, known | {who})
        if hosts:
            verb_at = start + escorted.end() - 3  # …陪同下
            groups.append(_group(block.text[verb_at : verb_at + 2], hosts, sentence, block, start))
        # The 陪同 inside 在…陪同下 is read; mask it so that no clause reads it again.
        shadow = shadow[: escorted.start()] + "\u3000" * (escorted.end() - escorted.start()) + shadow[escorted.end() :]
    pending: list[tuple[str, int]] = []
    previous: list[tuple[str, int]] = []
    for clause in _CLAUSE.finditer(shadow):
        text, at = clause.group(0), start + clause.start()
        verb = _VERB.search(text)
        if verb is None:
            pending = [*pending, (text, at)] if _subject_only(text, at, block.text, known) else []
            previous.append((text, at))
            continue
        subject_at = at
        before = text[: verb.start()]
        cut = max(before.rfind("】"), before.rfind("由") if text.startswith("主持", verb.start()) else -1)
        if cut >= 0:
            # 开幕会由汪鸿雁主持 (web/xispeech/all_data_row24.txt): who presides follows 由; a
            # bracketed source before the subject (【环球时报-环球网报道 记者 索炎琦】外交部发言人毛宁
            # 主持…, web/newscrawl) is not part of it.
            before, subject_at = before[cut + 1 :], at + cut + 1
        subjects = [*pending, (before, subject_at)]
        pending = []
        people: list[_Person] = []
        for subject, subject_at in subjects:
            found = _people(subject, subject_at, block.text, known, doubts)
            if found:
                people.extend(found)
        if not people and (after := _ATTENDEE_AFTER.match(text, verb.end())) is not None:
            # 出席《…》首发式的柬埔寨首相洪森表示 (web/xwlb/20170415.md): the attendee is named after
            # the verb and its object, as the subject of what he said.
            found = _people(after.group("who"), at + after.start("who"), block.text, known) or []
            # Only a titled person (首相洪森): 参加高考的有矿工、农民 names no one.
            people = found if found and all(p.role for p in found) else []
        if not people and not _TRAILING.sub("", before):
            # 习近平…在江西考察，主持召开…座谈会: a clause with no subject of its own continues
            # the person a recent clause of the sentence opened with.
            people = _recent_subject(previous, block.text, known)
        previous.append((text, at))
        if people:
            verb_text = block.text[at + verb.start() : at + verb.end()]  # original script: 參加
            groups.append(_group(verb_text, people, sentence, block, start))
    return groups


def _recent_subject(previous: list[tuple[str, int]], original: str, known: set[str]) -> list[_Person]:
    """The people that the first of the sentence's opening clauses to name people opens with.

    The sentence's subject comes first (21日上午，习近平从北京到吕梁…，向晋绥边区…，参观…): a later
    clause opening with a surname-like word (向晋绥) is not read as a person.
    """
    for text, at in previous[:_LOOKBACK]:
        if _INVITATION.search(text):
            # 应…部长潘多尔、…部长勒德里昂…邀请，…王毅将于…赴法国主持… (rmrb/2019-10/20191017-02-08.txt):
            # the hosts who invited are not the subject who attends.
            continue
        for cut in range(min(len(text), _SUBJECT_MAX), 1, -1):
            # The subject ends where a word does: 宁夏海|原县 and 温敏总统和昂山|素季 are not names.
            if cut < len(text) and not _SUBJECT_END.match(text, cut):
                continue
            people = _people(text[:cut], at, original, known)
            if people:
                return people
    return []


# 应南非国际关系与合作部长潘多尔…邀请 / 应…的邀请: a clause naming who invited.
_INVITATION = re.compile(r"应[^，。；]{1,80}?邀请$")
# What may follow a sentence's subject: a time, a place or partner word, or the verb.
_SUBJECT_END = re.compile(
    r"\d|[在同与从到赴来对向于为和及、，,（(今昨近当前先转乘抵深走专回亲发致给也还又就将率带随一]"
    r"|主持|出席|参加|陪同|考察|会见|视察|看望|主席|总书记|总理|书记|委员长|总统"
)


def _subject_only(text: str, at: int, original: str, known: set[str]) -> bool:
    """A clause that holds nothing but names and collectives (to carry to the verb's clause)."""
    stripped = _TRAILING.sub("", text)
    return bool(stripped) and _people(stripped, at, original, known) is not None


def find_groups(
    blocks: Sequence[TextBlock], known: Iterable[str] = (), doubts: list[str] | None = None
) -> list[AttendeeGroup]:
    """Return the attendee groups of *blocks* in source order.

    Args:
        blocks: The texts to read.
        known: Names (Simplified) already known to be people.
        doubts: When given, receives the items of attendee lists that were set aside as
            neither a name nor a collective (the rest of each list is kept).
    """
    known_names = set(known)
    groups: list[AttendeeGroup] = []
    for block in blocks:
        for sentence in _SENTENCE.finditer(block.shadow):
            groups.extend(_sentence_groups(block, sentence.start(), sentence.end(), known_names, doubts))
    return groups


def split_glued(glued: str, shadow: str, known: Sequence[str]) -> list[str] | None:
    """Split names printed without separators (李希王偉中李斌孟凡利); None when unsure.

    Args:
        glued: The names in the original script.
        shadow: Their Simplified shadow.
        known: Names (Simplified) the same bulletin prints with separators.
    """
    by_known = _segment(shadow, lambda piece: piece in known)
    if by_known is not None:
        return [glued[a:b] for a, b in by_known]
    splits = _all_segmentations(shadow)
    if len(splits) == 1:
        return [glued[a:b] for a, b in splits[0]]
    return None


def _segment(text: str, ok: object) -> list[tuple[int, int]] | None:
    check = ok if callable(ok) else (lambda piece: False)
    best: list[list[tuple[int, int]] | None] = [None] * (len(text) + 1)
    best[0] = []
    for i in range(len(text)):
        if best[i] is None:
            continue
        for size in (4, 3, 2):
            j = i + size
            if j <= len(text) and best[j] is None and check(text[i:j]):
                best[j] = [*(best[i] or []), (i, j)]
    return best[len(text)]


def _all_segmentations(text: str, limit: int = 4) -> list[list[tuple[int, int]]]:
    """Every split of *text* into 2–3 character names starting with a known surname (capped)."""
    results: list[list[tuple[int, int]]] = []

    def walk(i: int, acc: list[tuple[int, int]]) -> None:
        if len(results) >= limit:
            return
        if i == len(text):
            results.append(acc)
            return
        for size in (2, 3):
            piece = text[i : i + size]
            if len(piece) == size and (piece[0] in SURNAMES_SINGLE or piece[:2] in SURNAMES_DOUBLE):
                walk(i + size, [*acc, (i, i + size)])

    if len(text) <= 24:
        walk(0, [])
    return results


_DECK = re.compile(
    rf"(?P<names>[{HAN}·•]{{2,60}}?)(?:等)?(?P<verb>出席|主持|参加|陪同)(?:会议|活动)?"
    r"(?:并(?:讲话|致辞|发表重要讲话|作重要讲话|发言))?(?P<rest>.*)$"
)
# 习近平主持并发表重要讲话李克强通报有关情况 (rmrb/2020-05/20200509-01-02.txt), …王岐山等出席栗战书作
# 全国人大常委会工作报告… (20200526-03-06.txt): decks set on one line with no space between them.
# What runs on after the verb is the next deck phrase only when it opens with a person doing
# something; 王东明出席第三次六国议长会议 is a title, not a deck. (Both are used with match(), at a position.)
_RUN_ON = re.compile(rf"(?P<who>[{HAN}]{{2,3}}?)(?:作|通报|讲话|致辞|宣读|介绍|发言|主持|出席)")
_DECK_NAMES_MAX = 24


def _deck_phrase(match: re.Match[str], known: Sequence[str]) -> bool:
    """A deck is names and a verb, nothing else, or the first of decks run together on a line."""
    names, rest = match.group("names"), match.group("rest")
    if not rest:
        return len(names) <= _DECK_NAMES_MAX
    run_on = _RUN_ON.match(rest)
    if run_on is None or not looks_like_name(run_on.group("who")):
        return False
    # The names must split into people: a title's own words (宗教团体负责人) never do.
    return names in known or looks_like_name(names) or split_glued(names, names, known) is not None


def deck_groups(
    lines: Sequence[str], shadows: Sequence[str], known: Sequence[str]
) -> tuple[list[AttendeeGroup], list[Diagnostic]]:
    """Read attendee decks in a headline: 李克强栗战书王沪宁出席, 姜四清讲话 吴秀玲主持 宋红波出席.

    Offsets in ``where`` count in the headline lines joined with newlines.
    """
    groups: list[AttendeeGroup] = []
    diagnostics: list[Diagnostic] = []
    offset = 0
    for line, shadow in zip(lines, shadows, strict=True):
        for piece in re.finditer(r"\S+", shadow):
            at = piece.start()
            # One piece may hold several decks run together: read them one after another.
            while (match := _DECK.match(shadow, at, piece.end())) is not None and _deck_phrase(match, known):
                end = match.start("rest")
                group, doubt = _deck_group(line[at:end], match.group("names"), match.start("verb") - at, known)
                start = offset + at
                groups.append(attrs.evolve(group, where=Where(block="headline", start=start, end=start + end - at)))
                diagnostics.extend(doubt)
                at = end
                if at == piece.end():
                    break
        offset += len(line) + 1
    return groups, diagnostics


def _deck_group(
    original: str, glued_shadow: str, verb_at: int, known: Sequence[str]
) -> tuple[AttendeeGroup, list[Diagnostic]]:
    """The group of one deck phrase *original* whose names (Simplified) are *glued_shadow*."""
    glued = original[: len(glued_shadow)]
    people = _people(glued_shadow, 0, glued, set(known))
    roles: tuple[str | None, ...] = ()
    diagnostics: list[Diagnostic] = []
    if people:  # 中共中央总书记习近平主持会议: a role and one name
        names = [p.name for p in people]
        roles = tuple(p.role for p in people)
    elif glued_shadow in known or looks_like_name(glued_shadow):
        names = [glued]
    else:
        split = split_glued(glued, glued_shadow, known)
        if split is None:
            names = [glued]
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    code="glued-names",
                    message=f"names in the headline deck {original!r} could not be split; kept whole",
                )
            )
        else:
            names = split
    roles = roles or tuple(None for _ in names)
    group = AttendeeGroup(
        verb=original[verb_at : verb_at + 2],
        role=roles[0],
        names=tuple(names),
        roles=roles,
        text=original,
    )
    return group, diagnostics
