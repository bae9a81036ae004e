"""Audit the attendee names read over a corpus folder: names that are not names, deck+body duplicates.

    python3 bench/names.py [FOLDER] [--jobs N] [--limit N] [--dump OUT.jsonl]
    python3 bench/names.py --compare BEFORE.jsonl AFTER.jsonl [--sample 40] [--seed 15]

FOLDER defaults to the corpus's rmrb/. Files with no attendance verb in their bytes are skipped
(they cannot give an attendee). Prints:

* attendee names (one per name per group) and how many are not plausibly a person's name, by
  class: a verb, adverb or preposition inside (看望了, 亲自, 到福建, 应…邀请), a collective or
  organisation word (军方高级将领, 名单草案的议案, …委员会), a country or a province (美国, 福建),
  more than 4 Han characters with no ``·`` (a Chinese name has 2–4; a transliterated name may be
  longer: those are listed so that a reader can tell), a role word inside (书记, 省长);
* person-in-bulletin keys (file, bulletin, name in Simplified) and how many of them are named
  both by a headline group and by a body group with no link between the two (the deck+body
  duplicates of issue 15; a body group whose ``decks`` lists the deck is one attendee);
* ``--dump`` writes every bulletin's groups as JSON lines, for ``--compare``: the bulletins whose
  groups changed between two dumps, and a seeded random sample of them printed for reading.

The classes are a check, not a definition: a word list can flag a real name (a surname that is
also a word) and miss a phrase; the examples printed let a reader judge.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TypedDict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from locate import corpus_dir  # noqa: E402

CORPUS = corpus_dir()
sys.path.insert(0, str(ROOT / "src"))

import bulletins  # noqa: E402
from bulletins.script import shadow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attendance import map_folder  # noqa: E402

_VERBS = tuple(v.encode() for v in ("出席", "列席", "参加", "陪同", "主持", "与会", "参观", "參加", "與會", "參觀"))

# Words that are never part of a person's name (checked on the Simplified shadow).
_VERB_WORDS = re.compile(
    r"看望|亲自|邀请|会见|会谈|考察|视察|调研|讲话|致辞|发言|指出|强调|表示|来到|前往|抵达|出访|访问|同志们"
    r"|出席|列席|参加|陪同|主持|与会|参观|了$|的|^[到赴在向同与对应从于将]|[等们]$"
)
_COLLECTIVE_WORDS = re.compile(
    r"将领|官员|代表|人员|人士|干部|群众|同志|领导|成员|嘉宾|师生|官兵|议案|草案|名单|会议|大会|活动"
    r"|委员会|政府|部门|单位|集团|公司|大学|学院|组织|协会|联合会|中心|机构|军方|[部局厅委办院党社团队]$"
)
_COUNTRIES = frozenset(
    """中国 美国 俄罗斯 日本 韩国 朝鲜 印度 法国 德国 英国 意大利 西班牙 葡萄牙 巴西 阿根廷 墨西哥 加拿大
    澳大利亚 新西兰 南非 埃及 伊朗 伊拉克 以色列 土耳其 沙特 巴基斯坦 越南 老挝 柬埔寨 泰国 缅甸 新加坡
    马来西亚 印度尼西亚 菲律宾 蒙古 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 白俄罗斯 乌克兰 波兰
    希腊 古巴 委内瑞拉 智利 秘鲁 尼泊尔 斯里兰卡 孟加拉国 阿富汗 叙利亚 约旦 黎巴嫩 卡塔尔 阿联酋 科威特
    塞尔维亚 匈牙利 捷克 奥地利 瑞士 瑞典 挪威 芬兰 丹麦 荷兰 比利时 爱尔兰 冰岛 尼日利亚 埃塞俄比亚 肯尼亚
    坦桑尼亚 津巴布韦 安哥拉 刚果 苏丹 阿尔及利亚 摩洛哥 突尼斯 利比亚 欧盟 联合国 东盟 非盟 香港 澳门 台湾
    北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南
    四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆""".split()  # noqa: SIM905 - a word list
)
_ROLE_WORDS = re.compile(r"书记|省长|市长|主席|总理|总统|部长|主任|委员长|大使|秘书长|局长|厅长|司令")
_HAN = re.compile(r"^[\u3400-\u9fff]+$")


def classes(name: str) -> list[str]:
    """The classes that make *name* implausible as a person's name (empty: plausible)."""
    simple = shadow(name)
    found = []
    if _VERB_WORDS.search(simple):
        found.append("verb")
    if _COLLECTIVE_WORDS.search(simple):
        found.append("collective")
    if simple in _COUNTRIES or any(simple.startswith(c) and len(simple) > len(c) + 1 for c in _COUNTRIES):
        found.append("place")
    if _ROLE_WORDS.search(simple):
        found.append("role")
    if _HAN.match(simple) and len(simple) > 4:
        found.append("long")
    return found


class Group(TypedDict):
    """One attendee group as --dump writes it."""

    verb: str
    block: str | None
    names: list[str]
    roles: list[str | None]
    decks: list[int]
    text: str


class Record(TypedDict):
    """One bulletin with attendees as --dump writes it (a JSON line)."""

    file: str
    bulletin: str
    groups: list[Group]


def _one(task: tuple[Path, str]) -> list[Record]:
    """Each bulletin of one file with its attendee groups (only bulletins that have some)."""
    path, name = task
    data = path.read_bytes()
    if not any(verb in data for verb in _VERBS):
        return []
    document = bulletins.parse(data, source=name)
    out: list[Record] = []
    for bulletin in document.bulletins:
        groups: list[Group] = [
            {
                "verb": g.verb,
                "block": g.where.block if g.where is not None else None,
                "names": list(g.names),
                "roles": list(g.roles),
                "decks": [d.start for d in getattr(g, "decks", ())],
                "text": g.text,
            }
            for g in bulletin.attendees
        ]
        if groups:
            out.append({"file": name, "bulletin": bulletin.id, "groups": groups})
    return out


def audit(records: list[Record]) -> None:
    """Print the implausible-name counts and the deck+body duplicate count of *records*."""
    names = 0
    by_class: Counter[str] = Counter()
    examples: dict[str, Counter[str]] = {}
    flagged = 0
    keys = 0
    duplicates = 0
    for record in records:
        deck: set[str] = set()
        body: set[str] = set()
        linked: set[str] = set()
        for group in record["groups"]:
            for name in group["names"]:
                names += 1
                found = classes(name)
                flagged += bool(found)
                for c in found:
                    by_class[c] += 1
                    examples.setdefault(c, Counter())[name] += 1
                (deck if group["block"] == "headline" else body).add(shadow(name))
                if group["decks"]:
                    linked.add(shadow(name))
        keys += len(deck | body)
        duplicates += len((deck & body) - linked)
    print(f"bulletins with attendees {len(records)}; attendee names {names}")
    print(f"names not plausibly a person's name (any class) {flagged}")
    for c in ("verb", "collective", "place", "role", "long"):
        common = ", ".join(f"{n}×{k}" if k > 1 else n for n, k in examples.get(c, Counter()).most_common(25))
        print(f"  {c:10} {by_class[c]:5}  {common}")
    print(f"person-in-bulletin keys {keys}; named by a deck and by the body, unlinked {duplicates}")


def _key(record: Record) -> str:
    return f"{record['file']}#{record['bulletin']}"


def compare(before: Path, after: Path, sample: int, seed: int) -> None:
    """Print how many bulletins' groups changed, and a sample of the changes to read."""
    old: dict[str, Record] = {_key(r): r for r in map(json.loads, before.read_text(encoding="utf-8").splitlines())}
    new: dict[str, Record] = {_key(r): r for r in map(json.loads, after.read_text(encoding="utf-8").splitlines())}

    def view(
        record: Record | None,
    ) -> list[tuple[str, str | None, tuple[str, ...], tuple[str | None, ...], tuple[int, ...]]]:
        if record is None:
            return []
        return [
            (g["verb"], g["block"], tuple(g["names"]), tuple(g["roles"]), tuple(g["decks"])) for g in record["groups"]
        ]

    changed = sorted(k for k in old.keys() | new.keys() if view(old.get(k)) != view(new.get(k)))
    print(f"bulletins with attendees: before {len(old)}, after {len(new)}; changed {len(changed)}")
    for key in random.Random(seed).sample(changed, min(sample, len(changed))):
        print(f"\n== {key}")
        for label, record in (("-", old.get(key)), ("+", new.get(key))):
            for verb, block, names, roles, decks in view(record):
                pairs = " ".join(f"{r or ''}|{n}" for n, r in zip(names, roles, strict=False))
                print(f"  {label} {block} {verb}: {pairs}{' decks=' + str(list(decks)) if decks else ''}")
        texts = {g["text"] for r in (old.get(key), new.get(key)) if r for g in r["groups"]}
        for text in sorted(texts)[:4]:
            print(f"    « {text[:160]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS / "rmrb")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--dump", type=Path, help="write every bulletin's groups here (JSON lines)")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    if args.compare:
        before, after = args.compare
        for path in (before, after):
            print(path)
            audit([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
        compare(before, after, args.sample, args.seed)
        return 0
    paths, results = map_folder(args.folder, args.limit, args.jobs, _one)
    records = [record for found in results for record in found]
    print(f"files {len(paths)}")
    audit(records)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
