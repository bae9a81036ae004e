"""Character classes, numerals and word lists shared by the lexer and the analysers.

Everything here is matched against the Simplified shadow (see :mod:`bulletins.script`),
so only Simplified forms are listed.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""Han character ranges for regex classes, supplementary planes included: rare characters in
names are often there (𬍛), and OpenCC maps a few Traditional characters to them (俓 → 𠇹)."""

CN_DIGITS = "〇○零一二三四五六七八九十百两"
"""Chinese numeral characters (〇 and ○ both occur as zero in dates)."""

SENTENCE_PUNCT = "。！？!?；;"
"""Punctuation that ends or splits sentences: a line containing one is not a headline."""

SENTENCE = re.compile(f"[^{SENTENCE_PUNCT}]+[{SENTENCE_PUNCT}]?")
"""One sentence (or clause ended by ；) with its closing punctuation, for ``finditer`` over a text."""

FINAL_PUNCT = "。！？!?；;…：:"
"""Punctuation that may end a complete paragraph (a colon ends a lead-in to a list)."""

CLOSERS = "”’」』）)】》\"'"
"""Closing quotes and brackets that may follow final punctuation."""

_FINAL_RE = re.compile(f"[{re.escape(FINAL_PUNCT)}][{re.escape(CLOSERS)}]*$")


def ends_complete(text: str) -> bool:
    """Return True when *text* ends with sentence-final punctuation (possibly quoted)."""
    return _FINAL_RE.search(text) is not None


_UNITS = {"十": 10, "百": 100, "千": 1000}  # 第一千二百六十条: the 民法典 has 1,260 articles
_DIGIT_VALUES = {
    "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip


def cn_to_int(numeral: str) -> int | None:
    """Convert a Chinese numeral (一, 十一, 二十三, 一百零五) or Arabic digits to an int.

    Returns None when *numeral* is not a number.
    """
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(ch not in _DIGIT_VALUES and ch not in _UNITS for ch in numeral):
        return None
    total = 0
    current = 0
    for ch in numeral:
        if ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            current = current * 10 + _DIGIT_VALUES[ch] if current else _DIGIT_VALUES[ch]
    return total + current


def cn_digits_to_int(numeral: str) -> int | None:
    """Convert digit-by-digit Chinese numerals (二〇二〇 → 2020)."""
    if not numeral or any(ch not in _DIGIT_VALUES for ch in numeral):
        return None
    return int("".join(str(_DIGIT_VALUES[ch]) for ch in numeral))


# Common Chinese surnames (Simplified), single and compound. Used to recognise byline and
# speaker lines and, later, to split glued names. Sources: the seeds' officials and the
# usual Hundred Family Surnames frequency lists.
SURNAMES_SINGLE = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封栗廉楼鞠郁习蔺皮赖洪粟冼揭阎鄢晁"
)
SURNAMES_DOUBLE = frozenset(
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容",
        "夏侯", "长孙", "宇文", "司徒", "申屠", "独孤", "端木", "呼延", "南宫", "万俟",
    }
)  # fmt: skip


# Foreign countries by their usual Chinese short names: a place named in a list is no one (analyze/attendees.py),
# and a writer's line (尼泊尔)拉吉姆 / (日本)佐藤利行 names the writer by his country's usage, not by a Chinese
# surname (lexing/rules/credits.py foreign_writer).
FOREIGN_COUNTRIES = frozenset(
    """美国 俄罗斯 日本 韩国 朝鲜 印度 法国 德国 英国 意大利 西班牙 葡萄牙 巴西 阿根廷 墨西哥 加拿大
    澳大利亚 新西兰 南非 埃及 伊朗 伊拉克 以色列 土耳其 沙特 巴基斯坦 越南 老挝 柬埔寨 泰国 缅甸
    新加坡 马来西亚 印度尼西亚 印尼 菲律宾 蒙古 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦
    土库曼斯坦 白俄罗斯 乌克兰 波兰 希腊 古巴 委内瑞拉 智利 秘鲁 哥伦比亚 厄瓜多尔 玻利维亚 乌拉圭
    巴拉圭 尼泊尔 斯里兰卡 孟加拉国 阿富汗 叙利亚 约旦 黎巴嫩 卡塔尔 阿联酋 科威特 阿曼 巴林 也门
    塞尔维亚 匈牙利 捷克 斯洛伐克 奥地利 瑞士 瑞典 挪威 芬兰 丹麦 荷兰 比利时 卢森堡 爱尔兰 冰岛
    罗马尼亚 保加利亚 克罗地亚 阿尔巴尼亚 尼日利亚 埃塞俄比亚 肯尼亚 坦桑尼亚 津巴布韦 赞比亚 安哥拉
    刚果 苏丹 南苏丹 阿尔及利亚 摩洛哥 突尼斯 利比亚 加纳 塞内加尔 卢旺达 乌干达 吉布提 冈比亚 喀麦隆
    莫桑比克 纳米比亚 马里 乍得 斐济 萨摩亚 汤加 瓦努阿图 纽埃 牙买加 圭亚那 苏里南 巴哈马 巴巴多斯
    格林纳达 多米尼克""".split()  # noqa: SIM905 - a word list
)


def looks_like_name(text: str) -> bool:
    """Return True when *text* is plausibly one Chinese personal name (2–4 Han, known surname)."""
    if not 2 <= len(text) <= 4 or not re.fullmatch(f"[{HAN}]+", text):
        return False
    if text[:2] in SURNAMES_DOUBLE:
        return len(text) >= 3
    return text[0] in SURNAMES_SINGLE and len(text) <= 3
