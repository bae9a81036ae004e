"""Every context rule (bulletins.lexing.ruler.RULES) with a table of real lines it must take and look-alikes it must leave.

Each row names a file in the repository (the corpus sample, the seeds, the readers' fixtures) or
gives lines copied from a corpus file (the file is named), the line, and the rule that must
decide it; each look-alike row names the rule that decides it instead. ``bulletins.explain``
says which rule took a line, so a newcomer who finds a line read wrongly can find the rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import bulletins
from bulletins.lexing.ruler import RULES, Ruler
from bulletins.model import Paragraph, Point

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "files"
READERS = ROOT / "tests" / "fixtures" / "readers"
SEEDS = ROOT / "seeds"

# gov.cn row23.html lines 1-9 (../shared/corpus/govcn-html), as text: a reply letter with its attachments.
GOVCN_ROW23 = (
    "国务院办公厅关于湖北省巴东县\n地质灾害险情有关问题的复函\n国办函〔2004〕80号\n湖北省人民政府：\n"
    "你省《关于恳请解决巴东县官渡口镇马鬃山村地质险情有关问题的请示》（鄂政文〔2004〕15号）收悉。\n"
    "附件：1.国土资源部关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告\n"
    "2.湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见\n国务院办公厅\n二〇〇四年十一月四日\n"
)
# web/hkcnews/article_21342.md's lines 17, 19 and 30 with the subhead set as a ## heading, and a
# hidden share widget (as gov.cn pages hide theirs) in HTML.
_TITLE_21342 = "【記者會語錄】7次被問會否辭職下台　林鄭：過去兩年做到嘢，會繼續努力"
_LEDE_21342 = "行政長官林鄭月娥在昨日的記者會上，先後七次被問到，她會否因修例風波而辭職下台。"
MARKED_SUBHEAD = f"# {_TITLE_21342}\n\n{_LEDE_21342}\n\n## 林鄭回應會否下台／辭職／道歉／社會撕裂\n\n{_LEDE_21342}\n"
HIDDEN = f"<h1>{_TITLE_21342}</h1><p>{_LEDE_21342}</p><p style='display:none'>分享到微信</p><p>{_LEDE_21342}</p>"
# gov.cn row44.html (../shared/corpus/govcn-html): the 落款, then an annex of coordinate tables,
# each under its centred title, with a note; cut to one table of two rows.
ROW44 = (
    '<p style="text-align:center">国务院关于授权香港特别行政区实施管辖的深圳湾口岸港方口岸区范围和土地使用期限的批复</p>'
    "<p>广东省人民政府、香港特别行政区政府：</p><p>依照决定，现批复如下。</p>"
    '<p style="text-align:right">国务院</p><p style="text-align:right">二〇〇六年十二月三十日</p>'
    '<p>附件1.</p><p style="text-align:center">深圳湾口岸港方口岸区的</p>'
    '<p style="text-align:center">查验区界址点坐标</p>'
    "<table><tr><td>点号</td><td>X</td><td>Y</td></tr><tr><td>J1</td><td>2490.1</td><td>1123.4</td></tr></table>"
    "<p>注：坐标系统为深圳独立坐标系统。</p>"
)
# The same table and note inside a body (before the closing): the note is body text there.
IN_BODY = ROW44.replace(
    '<p style="text-align:right">国务院</p><p style="text-align:right">二〇〇六年十二月三十日</p><p>附件1.</p>', ""
)
# A gov.cn page laid out in a one-cell table: its rows are text, not a data table.
LAYOUT = "<table><tr><td><p style='text-align:center'>关于做好春节期间工作的通知</p><p>各地要做好工作。</p></td></tr></table>"


# Official documents (lexing/rules/contents.py, laws.py): lines copied from the corpus.
# formats/pdf-text/guhhhhaa_xianfa-2018.pdf lines 1–19 (the contents cut to three chapters): a 题注 over two
# lines, a 目录 whose first entry (序言) is printed again where the text begins.
LAW = (
    "中华人民共和国宪法\n"
    "（1982年12月4日第五届全国人民代表大会第五次会议通过1982年12月4日全国人民代表大会公告公布施行\n"
    "根据1988年4月12日第七届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》和2018年3月11日"
    "第十三届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》修正）\n"
    "目录\n序言\n第一章总纲\n第二章公民的基本权利和义务\n第三章国家机构\n序言\n"
    "中国是世界上历史最悠久的国家之一。中国各族人民共同创造了光辉灿烂的文化，具有光荣的革命传统。\n"
    "第一章 总纲\n"
    "第一条 中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。\n"
)
# formats/pdf-text/weilueluo_minfadian.pdf lines 2397–2402: 附 则 between two articles, the dateline printed last.
LAW_END = (
    "中华人民共和国民法典\n"
    "第一千二百五十八条 在公共场所或者道路上挖掘、修缮安装地下设施等造成他人损害，施工人不能证明已经设置明显标志和"
    "采取安全措施的，应当承担侵权责任。\n"
    "附 则\n"
    "第一千二百五十九条 民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，"
    "不包括本数。\n"
    "第一千二百六十条 本法自2021年1月1日起施行。\n"
    "新华社北京6月1日电\n"
)
# govcn-html/row33.html lines 1–8: a 国务院令 over the regulation it promulgates.
ORDER = (
    "中华人民共和国国务院令\n第707号\n"
    "现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。\n"
    "总理　　李克强\n2018年12月18日\n"
    "中华人民共和国个人所得税法实施条例\n"
    "第一条　根据《中华人民共和国个人所得税法》（以下简称个人所得税法），制定本条例。\n"
    "第二条　个人所得税法所称在中国境内有住所，是指因户籍、家庭、经济利益关系而在中国境内习惯性居住。\n"
)
# rmrb/2019-02/20190214-16-02.txt lines 2–11: the 主席令 printed under the law's title and 题注.
INLINE_ORDER = (
    "中华人民共和国车辆购置税法\n"
    "（二〇一八年十二月二十九日第十三届全国人民代表大会常务委员会第七次会议通过）\n"
    "中华人民共和国主席令\n第十九号\n"
    "《中华人民共和国车辆购置税法》已由中华人民共和国第十三届全国人民代表大会常务委员会第七次会议于2018年12月29日"
    "通过，现予公布，自2019年7月1日起施行。\n"
    "中华人民共和国主席  习近平\n2018年12月29日\n"
    "第一条  在中华人民共和国境内购置汽车、有轨电车、汽油发动机、摩托车，为车辆购置税的纳税人，应当依照本法规定缴纳车辆购置税。\n"
    "第二条  本法所称购置，是指以购买、进口、自产、受赠、获奖或者其他方式取得并自用应税车辆的行为。\n"
)

# govcn-html/row18.html lines 1–12, 52–56 (paragraphs but line 53 cut): a 印发 notice issuing two 规定, the second under
# its own title after the first's last paragraph — neither with a 落款 of its own.
ISSUED_TWO = (
    "国务院办公厅关于印发文化体制改革中\n经营性文化事业单位转制为企业和进一步\n支持文化企业发展两个规定的通知\n"
    "国办发〔2018〕124号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "中央宣传部会同中央网信办、发展改革委、科技部、财政部、人力资源社会保障部、自然资源部、商务部制定的"
    "《进一步支持文化企业发展的规定》已经国务院同意，现印发给你们，请认真贯彻执行。\n"
    "国务院办公厅\n2018年12月18日\n（此件公开发布）\n"
    "文化体制改革中经营性文化事业单位\n转制为企业的规定\n"
    "为进一步深化文化体制改革，继续推进国有经营性文化事业单位转企改制，特制定以下规定：\n"
    "（三十一）转制企业要认真学习贯彻习近平新时代中国特色社会主义思想，坚持正确政治方向，站稳政治立场。\n"
    "中央所属转制文化企业的认定，由中央宣传部会同财政部、税务总局确定并发布名单；地方所属转制文化企业的认定，"
    "按照登记管理权限，由地方各级宣传部门会同同级财政、税务部门确定和发布名单，并按程序抄送中央宣传部、财政部和"
    "税务总局。除第二十三条、第二十四条所列政策外，上述政策凡未注明具体期限的，执行期限为2019年1月1日至2023年12月31日。\n"
    "进一步支持文化企业发展的规定\n"
    "为进一步深化文化体制改革，促进文化企业发展，特制定以下规定：\n"
    "一、关于财政税收\n"
)
# govcn-html/row55.html lines 1–4, 8–15, 24–30 (paragraphs but line 24 cut): a 批复's annex under its 附件 label after the
# 落款, and the member list the annex prints under a title of its own.
ANNEX = (
    "国务院关于同意建立国务院职业教育工作\n部际联席会议制度的批复\n国函〔2018〕144号\n教育部：\n"
    "同意建立由国务院领导同志牵头负责的国务院职业教育工作部际联席会议制度。\n"
    "附件：国务院职业教育工作部际联席会议制度\n国务院\n2018年11月20日\n（此件公开发布）\n附件\n"
    "国务院职业教育工作部际联席会议制度\n"
    "为贯彻落实全国教育大会精神，进一步加强对职业教育工作的领导，强化统筹协调。\n"
    "一、主要职能\n"
    "各成员单位要按照职责分工，积极研究办好新时代职业教育的有关问题，制定相关配套政策措施或提出政策建议；"
    "及时向联席会议办公室提出需联席会议讨论的议题，按要求参加联席会议，认真落实联席会议确定的工作任务和议定事项；"
    "互通信息，相互支持，密切配合，形成工作合力，充分发挥联席会议作用。联席会议办公室要及时向各成员单位通报相关情况，"
    "推动会议议定事项的落实。\n"
    "国务院职业教育工作\n部际联席会议成员名单\n召 集 人：孙春兰　　国务院副总理\n"
    "副召集人：陈宝生　　教育部部长\n　　　　　丁向阳　　国务院副秘书长\n成    员：孙　尧　　教育部副部长\n"
    "连维良　　发展改革委副主任\n"
)
# govcn-html/row23.html lines 9–14, 26–29 (paragraphs cut) after GOVCN_ROW23: the annex is a report with its own
# 落款 (国土资源部 / 二〇〇四年十月十日): a bulletin of its own.
SIGNED_ANNEX = GOVCN_ROW23 + (
    "附件1\n关于湖北省巴东县官渡口镇马鬃山村\n地质险情调研情况的报告\n国务院：\n"
    "为落实曾培炎副总理的批示，国土资源部会同中国地震局组织专家组进行了调查。\n"
    "建议湖北省人民政府按照专家组意见，做好马鬃山村及周围地区地下振动的监测工作。\n"
    "国土资源部\n二〇〇四年十月十日\n"
)
# formats/pdf-text/zxjbudget_putuo-wanli-jiedao-2025-bumen-yusuan_wps-office.pdf lines 1–6, 14–15: a contents
# line holding five entries run together, each closed by its dot leader; the text's first heading over a sentence.
PACKED_CONTENTS = (
    "上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区人民政府万里街道办事处\n目录\n"
    "一、部门主要职能………………………………二、部门机构设置………………………………三、名词解释…………………"
    "………………四、部门预算编制说明…………………………………五、部门预算表……………………………………\n"
    "1.2025年部门财务收支预算总表……………………………………………………………………………………\n"
    "2.2025年部门收入预算总表…………………………………………………………………………………………\n"
    "上海市普陀区人民政府万里街道办事处（部门）主要职能\n"
    "上海市普陀区人民政府万里街道办事处是普陀区政府的派出机关，依据法律法规的规定履行相应的政府服务管理职能。\n"
)

# formats/pdf-text/forhumanity_shangwubuling-2014-3_jingwai-touzi-guanli_govcn-gongbao_macos-print.pdf lines 1–12
# (article cut): a browser print's page title, closed by the site's name, over a ministry's order.
PRINTED_ORDER = (
    "中华人民共和国商务部令\n（2014年第3号）　　境外投\n资管理办法__2014年第35号\n国务院公报_中国政府网\n"
    "中华人民共和国商务部令\n2014年第3号\n"
    "《境外投资管理办法》已经2014年8月19日商务部第27次部务会议审议通过，现予发布，自2014年10月6日起施行。\n"
    "部　长　　高虎城\n2014年9月6日\n境外投资管理办法\n第一章　总　　则\n"
    "第一条　为了促进和规范境外投资，提高境外投资便利化水平，制定本办法。\n"
)
# formats/pdf-text/forhumanity_guoziwei-ling35_zhongyang-qiye-jingwai-touzi_macos-print.pdf lines 1–10 (sentences
# cut): the page's title wrapped over two lines and its publication stamp, then an order with no masthead.
BARE_ORDER = (
    "中央企业境外投资监督管理办\n法\n2017-01-18 13:34\n第35号\n"
    "《中央企业境外投资监督管理办法》已经国务院国有资产监督管理委员会主任办公会议审议通过，现予公布，自公布之日起施行。\n"
    "国务院国有资产监督管理委员会主任\n2017年1月7日\n中央企业境外投资监督管理办法\n第一章　总则\n"
    "第一条　为加强中央企业境外投资监督管理，推动中央企业提升国际化经营水平，制定本办法。\n"
)

# formats/html-pages/simonxinw_yichun-gov_jiangxi-tjgb-2022.html lines 21–24 (the sentence cut): a statistical
# communiqué's issuers and date under its title, the text below.
COMMUNIQUE = (
    "江西省2022年国民经济和社会发展统计公报[1]\n江西省统计局  国家统计局江西调查总队\n2023年3月28日\n"
    "2022年是党的二十大胜利召开之年，是党和国家历史上极为重要的一年。\n"
)
# The same page's lines 78–81 (sentences cut), as the page sets them: a table's unit under the caption of a
# table printed as an image.
UNIT_HTML = (
    "<html><body><h1>江西省2022年国民经济和社会发展统计公报</h1>\n"
    "<p>年末共有普通高等学校（含普通、职业本专科）106所，普通高中561所。</p>\n"
    '<p align="center" style="text-align:center">表9  2022年各类学校招生、在校生和毕业生人数</p>\n'
    '<p align="center" style="text-align:center">                                               单位：万人</p>\n'
    "<p>11文化旅游、卫生健康与体育</p>\n<p>年末共有公有制艺术表演团体81个，文化馆117个，公共图书馆114个。</p></body></html>"
)

# formats/pdf-text/hushengjie_ncepu-huadiankongji-2019-7_jiaoxue-dudao-xize.pdf lines 1–3, 18–28 as the PDF sets them:
# the 落款, the 版记 in a table, a bare 附件 label over the annexed member list, and the 落款 printed again under it.
_NCEPU = [
    "控制与计算机工程学院文件",
    "华电控计〔2019〕7号",
    "控制与计算机工程学院教学督导工作细则",
    "教学督导经费由控制与计算机工程学院教学业务费列支。教学督导组成员按学期发放督导工作酬金，"
    "由控制与计算机工程学院调控酬金列支。",
    "控制与计算机工程学院",
    "2019年6月18日",
    "<table><tr><td>华北电力大学控制与计算机工程学院</td><td>2019年6月18日</td></tr></table>",
    "附件",
    "控制与计算机工程学院督导组成员名单",
    "依据《控制与计算机工程学院教学督导组工作细则》决定控制与计算机工程学院本届教学督导组名单如下：",
    "组 长：师瑞峰，田亮",
    "成 员：杨国田，林碧英，杨锡运，林永君，苏杰，焦嵩鸣，夏宏，苏林萍",
    "控制与计算机工程学院",
    "2019年6月18日",
]
ANNEX_SIGNED_AGAIN = (
    "<html><body>\n"
    + "\n".join(
        line if line.startswith("<table>") else f'<p style="text-align: {align};">{line}</p>'
        for line, align in zip(
            _NCEPU,
            [
                "center",
                "left",
                "center",
                "left",
                "right",
                "right",
                "",
                "left",
                "center",
                "left",
                "left",
                "left",
                "right",
                "right",
            ],
            strict=True,
        )
    )
    + "\n</body></html>"
)

# formats/ofd/ofdrw_signout_shouwen-chulidan.ofd lines 1–7 as a page would set them: a date between two rows of a
# form (收文处理单), not a 落款.
FORM_DATE = (
    "<html><body>\n<p style='text-align:center'>XX市政府文件处理</p>\n<p>府办专督〔2020〕24号</p>\n"
    "<table><tr><td>来文日期</td><td>阅文时限</td></tr></table>\n<p>2020年06月15日</p>\n"
    "<table><tr><td>收文日期</td><td>单位收文编号X 725</td></tr></table>\n</body></html>"
)


def _file(path: Path) -> tuple[bytes, str]:
    return path.read_bytes(), path.name


def _text(text: str, name: str = "snippet.txt") -> tuple[bytes, str]:
    return text.encode("utf-8"), name


def _page(text: str, centred: set[int], right: set[int]) -> str:
    """*text* as a gov.cn page sets it: one ``<p>`` a line, the titles centred and the 落款 right-aligned."""
    paragraphs = []
    for number, line in enumerate(text.splitlines(), 1):
        align = "center" if number in centred else "right" if number in right else "justify"
        paragraphs.append(f'<p style="text-align: {align};">{line}</p>')
    return "<html><body>\n" + "\n".join(paragraphs) + "\n</body></html>"


# web/govreport/2026_宁夏回族自治区_政府工作报告_row1.txt lines 18-23: the speaker's line, a photo caption
# with its credit, then the salutation.
NINGXIA = (
    "政府工作报告\n——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上\n自治区人民政府主席 张雨浦\n"
    "2月3日，宁夏回族自治区第十三届人民代表大会第四次会议在银川开幕。自治区人民政府主席张雨浦作政府工作报告。"
    " 宁夏日报全媒体记者 王鼎 摄\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。\n"
)
# The same front matter with the speaker's office and name on two lines and the date in parentheses
# (the layout issue 15 names; the lines are 宁夏's and 贵州's, the split is made here), and with the
# speaker printed before the date (贵州 lines 2-5, lines 3 and 4 swapped).
SPLIT_SPEAKER = (
    "政府工作报告\n（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）\n自治区人民政府主席\n张　雨　浦\n"
    "各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。\n"
)
SPEAKER_FIRST = (
    "政府工作报告\n省长 李炳军\n（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）\n各位代表：\n"
    "现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。\n"
)

# rmrb/2019-02/20190219-04-01.txt lines 1–10: a stat callout box (its heading, two figures, each over its
# sentence) between the headline and the text.
STAT_BOX = (
    "卓长立代表——\n愿把家政行业办成爱心工程（新思想基层结硕果）\n\n　　2018年济南市——\n　　10.8万\n"
    "　　家政服务公司412家，从业人员10.8万人，服务家庭29万户。\n　　95%\n"
    "　　培训各类家政服务员5万人，其中农民工4.1万人，农民工比例达到82%，95%的学员实现就业。\n　　\n"
    "　　2月12日，春节长假后第二个工作日。\n"
)
# rmrb/2020-01/20200120-08-03.txt lines 2–7: a box headed by a year alone.
STAT_YEAR = (
    "电信网络诈骗案件去年共破获二十万起\n破案数上升 发案数下降\n　　2019年\n　　123.3%\n"
    "　　全国抓获电信网络诈骗犯罪嫌疑人16.3万人，同比上升123.3%\n　　3.1%\n　　全国电信网络诈骗犯罪发案数同比下降3.1%\n"
)
# rmrb/2019-02/20190212-01-01.txt: its title (line 2), a body paragraph (line 11), then the figure and its
# sentence of lines 8–9 (the order is made here): a figure over its sentence inside the text is no callout box.
STAT_IN_BODY = (
    "牢记嘱托勇为人先 改革创新砥砺奋进\n　　前不久闭幕的上海市两会上，落实总书记和中央交付上海的新的三项重大任务，成为会场内外热议的话题。\n"
    "　　229\n　　2017年2月，上海宣布对229名领导干部亲属经商办企业行为进行了规范，其中137人的亲属退出经商办企业。\n"
)

# web/govreport/2026_河南省_政府工作报告_row1.txt lines 10–16 and 2026_青海省_政府工作报告_row1.txt lines 1–7: the
# site's metadata inside the front matter, before the speaker's line or after it (the fresh draw's two misses).
HENAN = (
    "2026年河南省政府工作报告\n——2026年1月26日在河南省第十四届人民代表大会第四次会议上\n来源：河南日报\n"
    "时间：2026-02-03\n河南省人民政府省长 王凯\n各位代表：\n"
    "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。\n"
)
QINGHAI = (
    "政府工作报告\n――2026年1月27日在青海省第十四届人民代表大会第四次会议上\n省长 罗东川\n2026-01-31 07:00:44\n"
    "来源：青海日报\n各位代表：\n"
    "现在，我代表省人民政府向大会报告工作，请予审议，并请各位政协委员和列席会议的同志提出意见。\n"
)
# The same metadata under a title with no speech after it (河南's lines 10, 12, 13, then its line 16) stays chrome.
HENAN_NO_SPEECH = (
    "2026年河南省政府工作报告\n来源：河南日报\n时间：2026-02-03\n"
    "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。\n"
)

# rmrb/2019-10/20191001-03-01.txt lines 2–6 (the fresh draw's rmrb speech miss): the salutation over two lines.
SALUTATION_TWO_LINES = (
    "在庆祝中华人民共和国成立70周年招待会上的讲话\n（2019年9月30日）\n女士们，先生们，\n同志们，朋友们：\n"
    "　　在这金风送爽的美好时节，我们迎来了中华人民共和国成立70周年。\n"
)
# rmrb/2019-10/20191002-02-02.txt lines 2–6 (the second draw's rmrb speech miss, its last sentence cut): a
# plural addressee with who they are (全国同胞们，) over the salutation line.
COMPATRIOTS = (
    "在庆祝中华人民共和国成立70周年大会上的讲话\n（2019年10月1日）\n全国同胞们，\n同志们，朋友们：\n"
    "　　今天，我们隆重集会，庆祝中华人民共和国成立70周年。\n"
)
# The same lines with the last salutation line left out (made here): an addressee line over body text is no
# salutation, and the date is the document's.
SALUTATION_CUT = SALUTATION_TWO_LINES.replace("同志们，朋友们：\n", "")

# After rmrb/2020-05/20200528-04-02.txt lines 2–7 (its title shortened, its sentences cut, and no part 二: made
# here): a lone 一 numbers nothing.
LONE_NUMERAL = (
    "中国人民政治协商会议全国委员会常务委员会工作报告\n各位委员：\n"
    "　　我代表中国人民政治协商会议第十三届全国委员会常务委员会，向大会报告工作，请予审议。\n　　一\n"
    "　　全国政协委员、政协各参加单位和各专门委员会坚持以习近平新时代中国特色社会主义思想为指导。\n"
)

# rmrb/2019-02/20190215-02-01.txt lines 1–8: three ■ bullets under the title (the last two read as a second
# bulletin's headline before).
BULLETS = "国办印发意见\n切实支持小微企业和“三农”发展\n\n　　■国家融资担保基金再担保业务收费一般不高于省级担保、再担保基金（机构），引导合作机构逐步将平均担保费率降至1%以下\n　　■原则上国家融资担保基金和银行业金融机构承担的风险责任比例均不低于20%\n　　■重点支持单户担保金额500万元及以下小微企业和“三农”主体\n　　\n　　据新华社北京2月14日电  日前，国务院办公厅印发《关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见》（以下简称《意见》）。\n"

# rmrb/2020-02/20200202-04-01.txt lines 1–7: a feature's first subhead over a dated lede, after an undated
# introduction of one paragraph (it opened a second bulletin before).
FIRST_SUBHEAD = "各地各部门继续强化措施\n千方百计做好疫情防控工作（坚定信心 同舟共济）\n\n　　当前，疫情防控正处于关键期。连日来，各地各部门强化措施，组织各方力量开展防控，千方百计做好疫情防控工作。\n　　多种措施构筑严密防线\n　　2月1日，公安部交通管理局召开视频调度会，要求各地公安交管部门统筹做好疫情防控和春运返程交通安保工作，切实筑牢疫情不蔓延不扩散的“红线”，守住春运交通安全的“底线”，坚决打赢疫情防控交通阻击战和春节返程交通安保收官战。会议要求，任何单位和个人不得以疫情防控为由擅自封闭高速公路、阻断国省道干线公路，不得在公路设置路障阻拦所有车辆通行，切实保障应急救护、生产生活物资运输；对未经批准擅自设卡拦截、断路阻断交通等违法行为，要立即报告党委政府或者疫情防控指挥部，及时协调解决，全力维护国家干线公路正常通行秩序。\n　　2月1日，国家市场监管总局召开应对新型冠状病毒感染的肺炎疫情工作领导小组全体会议，强调要紧盯“问题口罩”，集中开展专项整治行动，坚决查处生产、销售假冒伪劣口罩的违法行为。加快案件处罚进度，加大案件曝光力度。保持对违法行为的高压震慑态势，为疫情防控营造有序市场环境。同时，国家市场监管总局还发布相关指导意见，明确经营者不得捏造、散布防疫用品、民生商品涨价信息。\n"

# rmrb/2020-01/20200108-16-01.txt lines 2–3 and 34–39: a ■ box after the article's trailing dateline.
BOX_AFTER_DATELINE = "单边军事行动没有出路（国际视点）\n\n\n　　专家指出，单边军事行动没有出路，惟有开展对话，才能为不断滑向失控的中东局势踩“刹车”。伊核问题全面协议是维护中东和平稳定的重要支撑，继续保留该协议至关重要。\n　　（本报华盛顿、开罗1月7日电） \n　\n　　■点评\n　　刘中民（上海外国语大学中东研究所所长）：苏莱曼尼遇袭身亡无疑将推高美国与伊朗对峙的危险等级，双方相互报复并引发冲突乃至局部战争的风险在增大。值得注意的是，美国的暗杀行动发生在第三国伊拉克，这都反映了美国赤裸裸的单边主义行径，势必进一步激化伊拉克人民的反美情绪。美国伊朗对峙升级以及伊核协议的中止，都令该地区核竞赛的风险不断加大。更令人担忧的是，美国的霸权主义行径正在毒化原本脆弱的中东地区安全环境，它使地区主要国家间的信任正消磨殆尽，国际社会为之努力的阶段性成果也可能付之东流。这也再次证明，依靠武力解决地区及国际问题的老路很难行得通，而美国一再成为这一问题上的反面典型。\n　　李绍先（宁夏大学中国阿拉伯国家研究院院长）：美国的军事冒险行为令美国—伊拉克以及美国—伊朗紧张关系白热化，伊拉克已经成为美国与伊朗博弈的前哨阵地。美国将因为自身做出的冒险举动而面临更大的风险，或将促使该地区从去年开始日益演化的“两大危机”面临最终摊牌：一是美伊对峙，美国去年对伊朗施行的“极限施压”并未达到预期效果，伊朗在受压环境中也急于找到突破口；二是叙利亚问题，叙利亚政府势必在美军撤出后达成其收复全境的目的。与这“两大危机”利益攸关的各方，将以不同的排列组合参与到相关问题的解决中，2020年恐怕将是“中东巨变之年”。\n"

# (rule, input, line): the rule must decide that line.
# web/govreport/2026_陕西省_政府工作报告_row1.txt lines 1–20 (cut): a page saved as text, every link and label
# on a line of its own, the speaker run into the subtitle, a caption between the title and the salutation.
SAVED_PAGE = (
    "分享:\n陕西省2026年政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n"
    "首页\n>\n政府信息公开\n>\n政府工作报告\n>\n省政府工作报告\n陕西省2026年政府工作报告\n"
    "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚\n时间：\n2026-02-02 09:20\n来源：\n"
    "陕西省人民政府\n分享:\n省长赵刚作政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n"
    "一、2025年工作回顾\n刚刚过去的一年，是“十四五”收官之年。\n"
)


MATCHES: list[tuple[str, tuple[bytes, str], int]] = [
    ("table", _text(ROW44, "row44.html"), 9),  # 点号 X Y (the first of the table's rows)
    ("table note", _text(ROW44, "row44.html"), 11),  # 注：坐标系统为深圳独立坐标系统。
    ("contents", _file(CORPUS / "rmrb/2019-02/20190219-14-01.txt"), 12),  # 第二章 总体要求 (under 目 录)
    ("contents", _text(LAW), 4),  # 目录
    ("contents", _text(LAW), 6),  # 第一章总纲 (an entry)
    ("contents", _text(PACKED_CONTENTS), 4),  # 一、部门主要职能………二、部门机构设置……… (five entries on one line)
    ("table of contents", _text("\n".join([*LAW.splitlines()[5:8], "第四章国旗、国歌、国徽、首都"]) + "\n"), 1),
    ("order", _text(ORDER), 1),  # 中华人民共和国国务院令 (over 第707号)
    ("order", _text(INLINE_ORDER), 3),  # 中华人民共和国主席令 under the law's title and 题注
    ("order", _text(BARE_ORDER), 4),  # 第35号 with no masthead, over 现予公布 and a signature
    ("order date", _text(BARE_ORDER), 7),  # 2017年1月7日 (the regulation's title follows)
    ("web print title", _text(PRINTED_ORDER), 1),  # 中华人民共和国商务部令 (the page title's first line)
    ("web print title", _text(PRINTED_ORDER), 4),  # 国务院公报_中国政府网
    ("web print title", _text(BARE_ORDER), 3),  # 2017-01-18 13:34 (under the title printed again on line 8)
    ("order text", _text(ORDER), 3),  # 现公布修订后的《…》…
    ("order date", _text(INLINE_ORDER), 7),  # 2018年12月29日 (the law's articles follow)
    ("communique head", _text(COMMUNIQUE), 2),  # 江西省统计局  国家统计局江西调查总队 (over its date, the text below)
    ("communique head", _text(COMMUNIQUE), 3),  # 2023年3月28日
    ("repeated closing", _text(ANNEX_SIGNED_AGAIN, "page.html"), 13),  # 控制与计算机工程学院 (the 落款 again)
    ("table note", _text(UNIT_HTML, "page.html"), 4),  # 单位：万人 under a table's caption (the table an image)
    ("adoption note", _text(LAW), 2),  # （1982年12月4日…施行 (the parenthesis closes on line 3)
    ("adoption note", _file(CORPUS / "web/lawref/ldb1994_gongzi_zhifu.md"), 15),  # 1995年1月1日 执行 (after the 落款)
    ("issued document", _file(CORPUS / "web/lawref/ldb1994_gongzi_zhifu.md"), 19),  # 第一条 (the issued 规定)
    ("dateline printed last", _text(LAW_END), 6),  # 新华社北京6月1日电
    ("residue line", _file(SEEDS / "001_cb1989d8750bc7f6.txt"), 2),  # ![長者專區](images/zzzq.png)
    ("residue line", _file(CORPUS / "web/newscrawl/add_content_people3_idx256.txt"), 18),  # 分享让更多人看到
    ("note after closing", _file(READERS / "govcn-row2.docx"), 49),  # （此件公开发布）
    ("notice header", _file(READERS / "govcn-row2.docx"), 4),  # 国办发〔2019〕6号 under the title
    ("notice header", _text(GOVCN_ROW23), 3),  # 国办函〔2004〕80号
    ("notice element", _text(GOVCN_ROW23), 6),  # 附件：1.… (and 2.… below it)
    ("addressee", _file(READERS / "govcn-row2.docx"), 5),  # 各省、自治区、直辖市人民政府，…：
    ("trailing dateline", _file(CORPUS / "rmrb/2019-02/20190214-03-05.txt"), 8),  # （本报开罗2月13日电）
    ("trailing dateline", _file(CORPUS / "rmrb/2020-05/20200528-01-05.txt"), 12),  # （新华社北京5月27日电）
    ("credit", _file(CORPUS / "rmrb/2020-01/20200118-05-01.txt"), 34),  # 本报记者  孙广勇摄
    ("credit", _file(CORPUS / "rmrb/2020-05/20200515-20-01.txt"), 28),  # 本版图片来源：人民视觉
    ("headnotes", _file(CORPUS / "rmrb/2020-05/20200528-06-03.txt"), 3),  # （…主席团第三次会议通过）
    ("headnotes", _file(CORPUS / "rmrb/2019-02/20190226-05-06.txt"), 4),  # 提要: “网约护士”从设想走向现实…
    ("box label", _file(CORPUS / "rmrb/2020-02/20200208-05-01.txt"), 4),  # 核心阅读
    ("page trail", _text(SAVED_PAGE), 6),  # 政府信息公开 after a breadcrumb's >
    ("page trail", _text(SAVED_PAGE), 14),  # 2026-02-02 09:20 under 时间：
    ("caption in front matter", _text(SAVED_PAGE), 18),  # 省长赵刚作政府工作报告 over 各位代表：
    ("stat callout", _text(STAT_BOX), 4),  # 2018年济南市—— (the box's heading)
    ("stat callout", _text(STAT_BOX), 5),  # 10.8万
    ("part number", _file(CORPUS / "rmrb/2020-05/20200528-04-02.txt"), 6),  # 一 (the report's part one)
    ("part number", _file(CORPUS / "rmrb/2020-05/20200528-04-02.txt"), 16),  # 二
    ("headnotes", _file(CORPUS / "rmrb/2019-02/20190202-05-01.txt"), 4),  # ■广东省博物馆 (not a headline line)
    ("headnotes", _text(BULLETS), 5),  # ■原则上国家融资担保基金…
    ("headnotes", _text(BULLETS), 6),  # ■重点支持单户担保金额500万元及以下小微企业和“三农”主体
    ("stat callout", _text(STAT_YEAR), 3),  # 2019年 (the box's heading)
    ("stat callout", _text(STAT_YEAR), 6),  # 3.1%
    ("stat callout", _text(STAT_BOX), 8),  # 培训各类家政服务员5万人，…95%的学员实现就业。
    ("box label", _file(CORPUS / "rmrb/2020-01/20200118-05-01.txt"), 29),  # 图片说明：
    ("box label", _text(BOX_AFTER_DATELINE), 7),  # ■点评 (after （本报华盛顿、开罗1月7日电）)
    ("weak caption", _file(CORPUS / "rmrb/2020-02/20200220-20-01.txt"), 1),  # 一批…文艺作品正在涌现 (a kicker)
    ("caption", _file(CORPUS / "rmrb/2020-02/20200217-16-01.txt"), 48),  # 图②：2月2日，…
    ("caption", _file(SEEDS / "002_58afc2a1a6f5e462.txt"), 106),  # …这是习近平在…。新华社记者 … 摄
    ("dateline", _file(SEEDS / "000_2d494656d95ed764.txt"), 7),  # 新华社北京9月6日电 …
    ("dateline", _file(CORPUS / "web/newscrawl/add_content_xinhuanet4_idx95.txt"), 1),  # …电　题：…
    (
        "dateline",
        _file(CORPUS / "web/newscrawl/add_content_xinhuanet4_idx81.txt"),
        1,
    ),  # …电热点问答｜… / 新华社记者王超
    ("document date", _file(CORPUS / "rmrb/2019-02/20190220-01-02.txt"), 3),  # （2019年1月3日）, no speaker
    ("speech date", _file(SEEDS / "004_2ba47e9fb844da27.txt"), 3),  # （2020年2月23日）
    ("speech date", _file(CORPUS / "web/govreport/2026_贵州省_政府工作报告_row1.txt"), 3),  # （…会议上）
    ("speech date", _text(SPEAKER_FIRST), 3),  # （…会议上） under 省长 李炳军
    ("salutation over lines", _text(SALUTATION_TWO_LINES), 3),  # 女士们，先生们，
    ("salutation over lines", _text(SALUTATION_TWO_LINES), 4),  # 同志们，朋友们：
    ("speech date", _text(SALUTATION_TWO_LINES), 2),  # （2019年9月30日） over the two lines
    # rmrb/2019-10/20191002-02-02.txt (the second draw's rmrb speech miss): a plural addressee with who they are.
    ("speech date", _text(COMPATRIOTS), 2),  # （2019年10月1日）
    ("salutation over lines", _text(COMPATRIOTS), 3),  # 全国同胞们，
    ("salutation over lines", _text(COMPATRIOTS), 4),  # 同志们，朋友们：
    ("speech front metadata", _text(HENAN), 3),  # 来源：河南日报 (over the speaker's line)
    ("speech front metadata", _text(HENAN), 4),  # 时间：2026-02-03
    ("speech front metadata", _text(QINGHAI), 4),  # 2026-01-31 07:00:44 (under the speaker's line)
    ("speech front metadata", _text(QINGHAI), 5),  # 来源：青海日报 (over the salutation)
    ("figure in front matter", _text(NINGXIA), 4),  # 2月3日，…开幕。… 王鼎 摄 (then 各位代表：)
    ("figure in front matter", _text(NINGXIA), 5),  # 各位代表： (emitted with the caption above it)
    ("speaker office", _text(SPLIT_SPEAKER), 3),  # 自治区人民政府主席
    ("speaker office", _text(SPLIT_SPEAKER), 4),  # 张　雨　浦
    ("salutation", _file(SEEDS / "004_2ba47e9fb844da27.txt"), 5),  # 同志们：
    ("salutation", _file(CORPUS / "rmrb/2020-01/20200101-02-01.txt"), 4),  # 同志们，朋友们：
    # 尊敬的古特雷斯秘书长先生，尊敬的各位同事： opening a speech printed without its title, run into its text.
    ("salutation", _file(CORPUS / "web/xispeech/all_data_row35.txt"), 1),
    ("byline", _file(SEEDS / "003_eb6abe27dfbda830.txt"), 74),  # 王荣 王晓丽
    ("byline", _file(CORPUS / "web/newscrawl/add_content_xinhuanet4_idx95.txt"), 2),  # 新华社记者刘赞
    ("closing date", _file(SEEDS / "002_58afc2a1a6f5e462.txt"), 31),  # 2020年2月9日 under 党委办公室
    ("closing date", _text(GOVCN_ROW23), 9),  # 二〇〇四年十一月四日
    ("closing date", _text(ANNEX_SIGNED_AGAIN, "page.html"), 6),  # 2019年6月18日 over the 版记's table
    ("hidden text", _text(HIDDEN, "page.html"), 3),  # display:none
    ("marked subhead", _text(MARKED_SUBHEAD, "page.md"), 5),  # ## heading with no marker, in the body
    ("short run", _file(SEEDS / "000_2d494656d95ed764.txt"), 57),  # 中共中央政治局召开会议 习近平主持会议
    ("short run", _file(SEEDS / "003_eb6abe27dfbda830.txt"), 77),  # ——畅通服务群众“最后一米” (a subhead)
    ("short run", _text(GOVCN_ROW23), 8),  # 国务院办公厅 (the issuer above the date)
    ("short run", _text(ANNEX), 11),  # 国务院职业教育工作部际联席会议制度 (the annex's title, under 附件)
    ("short run", _text(ISSUED_TWO), 15),  # 进一步支持文化企业发展的规定 (the second 规定 issued)
    ("body text", _file(CORPUS / "rmrb/2020-05/20200526-07-01.txt"), 44),  # 六、深化司法体制改革… (a point)
    ("body text", _file(CORPUS / "rmrb/2020-05/20200528-06-03.txt"), 6),  # a paragraph
]

# (rule it must not be, input, line, the rule that decides it instead).
LOOK_ALIKES: list[tuple[str, tuple[bytes, str], int, str]] = [
    # A one-cell layout table's paragraph is body text; a table's note inside a body is too.
    ("table", _text(LAYOUT, "layout.html"), 2, "body text"),
    ("table note", _text(IN_BODY, "body.html"), 8, "body text"),
    # 第一章 规划背景 over its text (not a list of headings) is a point of the plan.
    ("table of contents", _file(CORPUS / "rmrb/2019-02/20190219-14-01.txt"), 63, "body text"),
    # 序言 printed again where the text begins ends the contents: a heading of the law, not an entry.
    # A notice's 落款 at its end (nothing but the next title after it): issuer lines, never a headnote.
    ("communique head", _text(GOVCN_ROW23), 8, "short run"),
    # A date between a form's rows, with no issuer line above it: no 落款 (a 版记 table may follow one).
    ("closing date", _text(FORM_DATE, "form.html"), 4, "body text"),
    # The notice's own 落款 is its closing, not a repeat (nothing issued or annexed yet).
    ("repeated closing", _text(ANNEX_SIGNED_AGAIN, "page.html"), 5, "short run"),
    # The order's own masthead under the page title: an order, not a page title (no site name, no stamp).
    ("web print title", _text(PRINTED_ORDER), 5, "order"),
    ("web print title", _text(ORDER), 1, "order"),
    ("contents", _text(PACKED_CONTENTS), 7, "short run"),  # the text's first heading, over its sentence
    ("contents", _text(LAW), 9, "short run"),
    # 第一条 of a law after its order's signature is the law's, not a document a notice issues.
    ("issued document", _text(INLINE_ORDER), 8, "body text"),
    # 新华社北京9月6日电 opening a text is its dateline, not one printed last.
    ("dateline printed last", _file(SEEDS / "000_2d494656d95ed764.txt"), 7, "dateline"),
    # （新华社北京5月21日电） that a bulletin with its own dateline prints again: a paragraph's tail.
    ("trailing dateline", _file(CORPUS / "rmrb/2019-02/20190228-07-02.txt"), 6, "body text"),
    # 正在 in a caption-like line inside a body is not a kicker.
    ("weak caption", _file(SEEDS / "003_eb6abe27dfbda830.txt"), 100, "caption"),
    # （2020年2月23日） with 习近平 / 同志们： below is a speech's date, not the document's.
    ("document date", _file(SEEDS / "004_2ba47e9fb844da27.txt"), 3, "speech date"),
    # （…会议上） over an office line and a name line is the speech's date, not the document's.
    ("document date", _text(SPLIT_SPEAKER), 2, "speech date"),
    # A caption under a speaker's line with no salutation after it is a caption of the body
    # (贵州 line 1's caption, set here under the speaker's line, over the first paragraph).
    (
        "figure in front matter",
        _text(
            "政府工作报告\n省长 李炳军\n政府工作报告。 贵州日报天眼新闻记者 李森 摄\n现在，我代表省人民政府向大会报告工作。\n"
        ),
        3,
        "caption",
    ),
    # 自治区人民政府主席 over a paragraph is a headline line of the run (no name line under it).
    (
        "speaker office",
        _text("政府工作报告\n自治区人民政府主席\n现在，我代表自治区人民政府，向大会报告工作，请予审议。\n"),
        2,
        "short run",
    ),
    # 2020年5月27日 under a speech title is its date line, not a closing.
    ("closing date", _file(CORPUS / "rmrb/2020-05/20200528-01-05.txt"), 3, "speech date"),
    # 核心阅读's box text is body text, not another label.
    ("box label", _file(CORPUS / "rmrb/2020-02/20200220-20-01.txt"), 5, "body text"),
    ("salutation over lines", _text(SALUTATION_CUT), 3, "short run"),
    ("part number", _text(LONE_NUMERAL), 4, "short run"),
    # 来源：河南日报 under a title with no speech after it is the page's chrome.
    ("speech front metadata", _text(HENAN_NO_SPEECH), 2, "residue line"),
    # 229 over its sentence inside the body is a subhead of the text, not a callout under the headline.
    ("stat callout", _text(STAT_IN_BODY), 3, "short run"),
    # 新华社记者刘赞 under a 题：-title is a byline, never a credit (no 摄).
    ("credit", _file(CORPUS / "web/newscrawl/add_content_xinhuanet4_idx95.txt"), 2, "byline"),
    # A salutation after a dispatch's lede (讲话全文如下：) is the quoted speech's text, not a bulletin's opening.
    (
        "salutation",
        _text(
            "新华社北京3月26日电 国家主席习近平26日晚在北京出席二十国集团领导人应对新冠肺炎特别峰会，"
            "并发表题为《携手抗疫 共克时艰》的重要讲话。讲话全文如下：\n尊敬的萨勒曼国王，各位同事：\n大家好！\n"
        ),
        2,
        "body text",
    ),
    # 湖北省人民政府： under the title and its number is the addressee, not a headnote.
    ("headnotes", _text(GOVCN_ROW23), 4, "addressee"),
]


def _rule(data: tuple[bytes, str], line: int) -> str:
    rows = {number: rule for number, rule, _ in bulletins.explain(data[0], source=data[1])}
    assert line in rows, f"line {line} is blank or out of range"
    return rows[line]


@pytest.mark.parametrize(("rule", "data", "line"), MATCHES, ids=[f"{r}:{d[1]}:{n}" for r, d, n in MATCHES])
def test_rule_takes_its_lines(rule: str, data: tuple[bytes, str], line: int) -> None:
    assert _rule(data, line) == rule


@pytest.mark.parametrize(
    ("rule", "data", "line", "instead"), LOOK_ALIKES, ids=[f"{r}:{d[1]}:{n}" for r, d, n, _ in LOOK_ALIKES]
)
def test_rule_leaves_its_look_alikes(rule: str, data: tuple[bytes, str], line: int, instead: str) -> None:
    found = _rule(data, line)
    assert found != rule and found == instead


@pytest.mark.parametrize(
    ("text", "headline", "doc_number", "closing"),
    [
        (LAW, ["中华人民共和国宪法"], None, None),
        (LAW_END, ["中华人民共和国民法典"], None, None),
        (ORDER, ["中华人民共和国个人所得税法实施条例"], "第707号", "总理　　李克强"),
        (INLINE_ORDER, ["中华人民共和国车辆购置税法"], "第十九号", "中华人民共和国主席  习近平"),
        (PRINTED_ORDER, ["境外投资管理办法"], "2014年第3号", "部　长　　高虎城"),
        (BARE_ORDER, ["中央企业境外投资监督管理办法"], "第35号", "国务院国有资产监督管理委员会主任"),
    ],
    ids=["law", "law-end", "order", "inline-order", "printed-order", "bare-order"],
)
def test_an_official_document_is_one_bulletin(
    text: str, headline: list[str], doc_number: str | None, closing: str | None
) -> None:
    # A law with its 题注, 目录 and unnumbered parts, an order with the regulation it promulgates: one
    # bulletin, the order's number and signature its doc_number and closing.
    document = bulletins.parse(text)
    assert len(document.bulletins) == 1
    (bulletin,) = document.bulletins
    assert bulletin.headline is not None and list(bulletin.headline.lines) == headline
    assert bulletin.doc_number == doc_number
    assert (bulletin.closing.issuer if bulletin.closing else None) == closing


@pytest.mark.parametrize(
    ("text", "terminals"),
    [
        # As text, the second title and the member list are subheads of the issued document.
        (ISSUED_TWO, {10: "ISSUED_TITLE", 11: "ISSUED_TITLE", 15: "SUBHEAD"}),
        (ANNEX, {10: "ATTACHMENT", 11: "ISSUED_TITLE", 15: "SUBHEAD"}),
        (PACKED_CONTENTS, {3: "NAV", 4: "NAV", 6: "NAV", 7: "SUBHEAD"}),
    ],
    ids=["two-issued", "annex", "packed-contents"],
)
def test_an_annex_or_a_second_issued_document_stays_in_the_notice(text: str, terminals: dict[int, str]) -> None:
    # GB/T 9704 annexes and the documents a 印发 notice issues, without a 落款 of their own: one bulletin.
    assert len(bulletins.parse(text).bulletins) == 1
    found = {number: terminal for number, _, terminal in bulletins.explain(text)}
    assert {number: found[number] for number in terminals} == terminals


@pytest.mark.parametrize(
    ("text", "centred", "right", "terminals"),
    [
        (ISSUED_TWO, {1, 2, 3, 10, 11, 15}, {7, 8}, {10: "ISSUED_TITLE", 15: "ISSUED_TITLE"}),
        (ANNEX, {1, 2, 11, 15, 16}, {7, 8}, {11: "ISSUED_TITLE", 15: "ISSUED_TITLE", 17: "PARAGRAPH"}),
    ],
    ids=["two-issued", "annex"],
)
def test_a_centred_title_in_an_issued_document_opens_no_bulletin(
    text: str, centred: set[int], right: set[int], terminals: dict[int, str]
) -> None:
    # As the gov.cn pages set them (row18, row55), the titles are centred: headings, which would open a
    # bulletin but for issued_again — the document has no 落款 of its own.
    page = _page(text, centred, right).encode("utf-8")
    assert len(bulletins.parse(page, source="page.html").bulletins) == 1
    found = {number: terminal for number, _, terminal in bulletins.explain(page, source="page.html")}
    assert {number: found[number] for number in terminals} == terminals


def test_an_annex_under_the_notice_s_own_closing_printed_again_stays_in_the_notice() -> None:
    # The annex repeats the notice's 落款 (same issuer, same date): one bulletin, one closing, no recovery.
    document = bulletins.parse(ANNEX_SIGNED_AGAIN.encode("utf-8"), source="page.html")
    assert len(document.bulletins) == 1 and not document.diagnostics
    closing = document.bulletins[0].closing
    assert closing is not None and [line.line for line in closing.source_lines] == [5, 6]


def test_an_annex_that_signs_itself_is_a_bulletin_of_its_own() -> None:
    # govcn-html row23: the annexed report carries its own 落款 (国土资源部 / 二〇〇四年十月十日).
    document = bulletins.parse(SIGNED_ANNEX)
    assert [b.headline.title if b.headline else None for b in document.bulletins] == [
        "国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函",
        "关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告",
    ]
    assert document.bulletins[1].closing is not None and document.bulletins[1].closing.issuer == "国土资源部"


def test_every_rule_has_a_table_and_a_docstring() -> None:
    names = [rule.name for rule in RULES]
    assert len(set(names)) == len(names)
    assert {rule for rule, _, _ in MATCHES} == set(names)
    for rule in RULES:
        assert rule.doc, rule.name


def test_rules_run_in_the_declared_order_per_kind() -> None:
    ruler = Ruler()
    chain = [rule.name for rule in ruler.chain("caption")]
    assert chain.index("weak caption") < chain.index("caption") < chain.index("body text")
    assert chain[-1] == "body text"
    assert [r.name for r in ruler.chain("short")][-2:] == ["short run", "body text"]


def test_explain_names_a_rule_for_every_line() -> None:
    text = (SEEDS / "004_2ba47e9fb844da27.txt").read_text(encoding="utf-8")
    rows = bulletins.explain(text)
    assert [number for number, _, _ in rows] == [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    assert rows[:4] == [
        (1, "short run", "HEADLINE_START"),
        (3, "speech date", "SPEECH_DATE"),
        (4, "byline", "BYLINE"),
        (5, "salutation", "SALUTATION"),
    ]


def test_a_labeller_relabels_lines_before_the_context_rules() -> None:
    # The seam of issue 16 (bulletins.lexing.labeller): the raw kinds a labeller returns are what
    # the context rules read. A short line over a sentence is a headline by the rules alone; a
    # labeller that reads every line as a paragraph makes it a headline-less bulletin's lead.
    import attrs

    from bulletins.lexing import lex
    from bulletins.lexing.lines import Raw
    from bulletins.readers import Hints
    from bulletins.script import shadow

    text = "关于做好春节期间值班工作的通知\n各单位要做好春节期间的值班工作，确保安全。"
    seen: list[tuple[list[str], object]] = []

    def every_line_a_paragraph(raws: list[Raw], hints: Sequence[Hints] | None) -> list[Raw]:
        seen.append(([raw.kind for raw in raws], hints))
        return [attrs.evolve(raw, kind="para") for raw in raws]

    rules_alone, _ = lex(text, shadow(text))
    assert [token.type for token in rules_alone] == ["HEADLINE_START", "PARAGRAPH"]
    relabelled, _ = lex(text, shadow(text), labeller=every_line_a_paragraph)
    assert [token.type for token in relabelled] == ["LEAD", "PARAGRAPH"]
    assert seen == [(["short", "para"], None)]  # the raw-kind pass's kinds; text has no hints


# Issue 15: a speech's front matter comes out whole in every order it is printed in, and the
# speaker's office never joins the headline.
FRONT_MATTER = [
    (_text(NINGXIA), "政府工作报告", "张雨浦", "2026-02-03"),
    (_text(SPLIT_SPEAKER), "政府工作报告", "张雨浦", "2026-01-27"),
    (_text(SPEAKER_FIRST), "政府工作报告", "李炳军", "2026-01-27"),
    (_file(CORPUS / "web/govreport/2026_贵州省_政府工作报告_row1.txt"), "政府工作报告", "李炳军", "2026-01-27"),
    (_text(HENAN), "2026年河南省政府工作报告", "王凯", "2026-01-26"),
    (_text(QINGHAI), "政府工作报告", "罗东川", "2026-01-27"),
]


def test_a_feature_s_first_subhead_after_its_introduction_opens_no_bulletin() -> None:
    (bulletin,) = bulletins.parse(FIRST_SUBHEAD).bulletins
    assert [type(block).__name__ for block in bulletin.body][:2] == ["Paragraph", "Subhead"]


def test_a_box_after_the_trailing_dateline_stays_with_its_article() -> None:
    (bulletin,) = bulletins.parse(BOX_AFTER_DATELINE).bulletins
    assert bulletin.dateline is not None and bulletin.dateline.place == "华盛顿、开罗"


def test_a_salutation_over_two_lines_is_one_salutation() -> None:
    (bulletin,) = bulletins.parse(SALUTATION_TWO_LINES).bulletins
    assert bulletin.speech is not None and bulletin.speech.date is not None
    assert (bulletin.speech.date.iso, bulletin.speech.salutation) == ("2019-09-30", "女士们，先生们，同志们，朋友们：")
    assert [line.line for line in bulletin.speech.source_lines] == [2, 3, 4]


@pytest.mark.parametrize(("data", "title", "speaker", "date"), FRONT_MATTER)
def test_speech_front_matter_whole(data: tuple[bytes, str], title: str, speaker: str, date: str) -> None:
    (bulletin,) = bulletins.parse(data[0], source=data[1]).bulletins
    assert bulletin.headline is not None and bulletin.headline.title == title
    assert bulletin.speech is not None
    assert (bulletin.speech.speaker, bulletin.speech.salutation) == (speaker, "各位代表：")
    assert bulletin.speech.date is not None and bulletin.speech.date.iso == date
    assert bulletin.byline == ()


# govcn-html/row41.html lines 1–8, 38–42 (line 40 cut): a 函 that issues a 预案 printed after its 落款, the 预案 with no
# 落款 of its own (its 目录 left out).
ISSUED_BY_LETTER = (
    "国务院办公厅关于印发\n国 家 粮 食 应 急 预 案 的 函\n国办函〔2005〕57号\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "《国家粮食应急预案》已经国务院同意，现印发给你们，请认真实施。\n"
    "国务院办公厅\n二〇〇五年六月十一日\n国家粮食应急预案\n1　总则\n1.1　编制目的及依据\n"
    "为了有效监测和控制各类突发公共事件或者其他原因引起的国内粮食市场异常波动，确保粮食市场供应，保持粮食市场价格基本稳定。\n"
    "1.2　等级划分\n"
    "本预案所称粮食应急状态，是指因各类突发公共事件或者其他原因，引起国内粮食供求关系突变，在较大地域范围内出现群众大量"
    "集中抢购、粮食脱销断档、价格大幅度上涨等粮食市场急剧波动的状况。\n"
)
# govcn-html/row50.html lines 1–5, 7–13: a 转发 notice, then the 意见 it forwards, signed in a headnote under its title.
FORWARDED_SIGNED_IN_HEADNOTE = (
    "国务院办公厅转发民政部关于\n清理整顿社会团体意见的通知\n国办发〔1997〕11号\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "民政部《关于清理整顿社会团体的意见》已经国务院同意，现转发给你们，请结合本地区、本部门的实际情况，认真贯彻执行。\n"
    "国务院办公厅\n一九九七年四月八日\n（本文有删减）\n关于清理整顿社会团体的意见\n（民政部　一九九七年一月二十八日）\n"
    "根据有关通知要求，现就清理整顿社会团体工作提出如下意见：\n一、清理整顿工作的指导思想\n"
)


def test_a_letter_that_issues_a_plan_keeps_it_in_its_bulletin() -> None:
    # 关于印发…的函 issues the 预案 as a 通知 would: the 预案 has no 落款 of its own (row41; the fresh draw's reader).
    page = _page(ISSUED_BY_LETTER, {1, 2, 3, 8}, {6, 7}).encode("utf-8")
    for source in (ISSUED_BY_LETTER, page):
        document = bulletins.parse(source, source="page.html" if isinstance(source, bytes) else None)
        assert len(document.bulletins) == 1
        found = {
            number: terminal
            for number, _, terminal in bulletins.explain(
                source, source="page.html" if isinstance(source, bytes) else None
            )
        }
        assert found[8] == "ISSUED_TITLE"


def test_a_forwarded_document_signed_in_a_headnote_is_a_bulletin_of_its_own() -> None:
    # The lead's adjudication of row50 (tests/fixtures/fresh/README.md): its own issuer and date, in a headnote.
    page = _page(FORWARDED_SIGNED_IN_HEADNOTE, {1, 2, 3, 9, 10}, {6, 7}).encode("utf-8")
    for document in (bulletins.parse(FORWARDED_SIGNED_IN_HEADNOTE), bulletins.parse(page, source="page.html")):
        assert [b.headline.title if b.headline else None for b in document.bulletins] == [
            "国务院办公厅转发民政部关于清理整顿社会团体意见的通知",
            "关于清理整顿社会团体的意见",
        ]
        second = document.bulletins[1]
        assert second.date is not None and (second.date.iso, second.date.source) == ("1997-01-28", "headnote")
        assert document.bulletins[0].date is not None and document.bulletins[0].date.iso == "1997-04-08"


# govcn-html/row20.html lines 10–16 (line 16 cut), as the page sets them: the forwarded report's title centred on its
# <p>, a ``text-align: justify`` on the <span> inside it (which a browser ignores: text-align sets a block's lines).
CENTRED_P_JUSTIFIED_SPAN = (
    '<html><body><p style="text-align: center;">国务院办公厅转发国家地震局</p>'
    '<p style="text-align: center;">关于我国地震重点监视防御区的确定和</p>'
    '<p style="text-align: center;">加强防震减灾工作意见报告的通知</p>'
    '<p style="text-align: center;">国办发〔1996〕2号</p>'
    '<p style="text-indent: 2em; text-align: justify;">各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>'
    '<p style="text-indent: 2em; text-align: justify;">国家地震局《关于我国地震重点监视防御区的确定和加强防震减灾工作意见的报告》'
    "已经国务院同意，现转发给你们，请认真贯彻执行。</p>"
    '<p style="text-indent: 2em; text-align: right; font-family: 宋体;">国务院办公厅 &nbsp; &nbsp; &nbsp;</p>'
    '<p style="text-indent: 2em; text-align: right; font-family: 宋体;">一九九六年二月五日 &nbsp; &nbsp;</p>'
    '<p style="text-indent: 2em; text-align: left; font-family: 宋体;">（本文有删减）&nbsp;</p>'
    '<p style="text-align: center; font-family: 宋体;"><span style="text-align: justify; text-indent: 2em; '
    'font-weight: bold;"><span style="font-size: 18pt;">关于我国地震重点监视防御区的确定</span><br> '
    '<span style="font-size: 18pt;">和加强防震减灾工作意见的报告</span></span></p>'
    '<p style="text-align: justify;">国务院：</p>'
    '<p style="text-align: justify;">自80年代后期以来，我国的地震活动进入了一个新的活跃期，中强以上地震频繁发生。</p>'
    '<p style="text-align: right;">国家地震局</p><p style="text-align: right;">一九九六年一月二十五日</p>'
    "</body></html>"
)


def test_a_title_centred_on_its_paragraph_is_centred_whatever_its_spans_say() -> None:
    document = bulletins.parse(CENTRED_P_JUSTIFIED_SPAN.encode("utf-8"), source="page.html")
    assert [b.headline.title if b.headline else None for b in document.bulletins] == [
        "国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知",
        "关于我国地震重点监视防御区的确定和加强防震减灾工作意见的报告",
    ]
    second = document.bulletins[1]
    assert second.closing is not None and second.closing.issuer == "国家地震局"


def test_a_plan_s_decimal_outline_gives_its_points() -> None:
    # row41: 1 总则 / 1.1 编制目的及依据 are heading points, nested by depth; the plan's text under 1.1 is its child.
    (bulletin,) = bulletins.parse(ISSUED_BY_LETTER).bulletins
    (top,) = [block for block in bulletin.body if isinstance(block, Point)]
    assert (top.marker, top.level) == ("1", 1)
    assert [(c.marker, c.level) for c in top.children if isinstance(c, Point)] == [("1.1", 2), ("1.2", 2)]
    for child in top.children:
        assert isinstance(child, Point) and [type(block).__name__ for block in child.children] == ["Paragraph"]


# govcn-html/row52.html lines 1–3, 6–11, 26–36 (lines 6, 12, 26 cut; line 5's addressee list cut to its first names): a
# 转发 notice, then the 请示 it forwards with its own 落款, the older 附： label under it, over the 请示's table.
FORWARDED_WITH_ANNEX_TABLE = (
    "国务院办公厅转发国家教委\n关于内地西藏班（校）扩大规模\n有关问题请示的通知\n国办发〔1996〕32号\n"
    "北京、天津、上海人民政府：\n"
    "国家教委《关于内地西藏班（校）扩大规模有关问题的请示》已经国务院批准，现转发给你们。\n"
    "国务院办公厅\n一九九六年七月十七日\n关于内地西藏班（校）\n扩大规模有关问题的请示\n国务院：\n"
    "为贯彻落实《中共中央、国务院关于加快西藏发展、维护社会稳定的意见》（中发〔1994〕8号）的精神，现提出如下意见：\n"
    "以上意见如无不妥，请批转各有关省（市）人民政府执行。\n附：内地西藏初中班（校）扩大招生计划表\n"
    "国家教委\n一九九六年五月十三日\n附：\n内地西藏初中班（校）扩大招生计划表\n单位：人\n"
)


def test_a_forwarded_request_signed_over_an_annex_label_is_a_bulletin_of_its_own() -> None:
    # As the page sets it: titles centred, the two 落款 right-aligned.
    page = _page(FORWARDED_WITH_ANNEX_TABLE, {1, 2, 3, 4, 9, 10, 18}, {7, 8, 15, 16}).encode("utf-8")
    document = bulletins.parse(page, source="page.html")
    assert [b.headline.title if b.headline else None for b in document.bulletins] == [
        "国务院办公厅转发国家教委关于内地西藏班（校）扩大规模有关问题请示的通知",
        "关于内地西藏班（校）扩大规模有关问题的请示",
    ]
    closing = document.bulletins[1].closing
    assert closing is not None and closing.issuer == "国家教委"
    found = {number: terminal for number, _, terminal in bulletins.explain(page, source="page.html")}
    assert (found[14], found[15], found[16], found[17]) == ("PARAGRAPH", "ISSUER", "CLOSING_DATE", "ATTACHMENT")


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        # govcn-html/row27.html lines 1–5: a reply to NPC deputies.
        (
            "国务院办公厅对十届全国人大\n四次会议第7240号建议的答复\n国办函〔2006〕71号\n周桂英等代表：\n"
            "你们提出的关于创立免费查询所有法律、法规的政府网站的建议收悉，现答复如下：\n",
            "周桂英等代表：",
        ),
        # govcn-html/row45.html lines 1–5: a 批复 to one body.
        (
            "国务院、中央军委关于同意武警总部\n后勤部机关等迁址新建的批复\n国函〔1996〕95号\n武警总部：\n"
            "关于武警总部后勤部机关及部分直属单位迁址新建的请示（〔1996〕武司字第82号）收悉，现批复如下：\n",
            "武警总部：",
        ),
    ],
    ids=["deputies", "one-body"],
)
def test_the_line_named_under_a_document_number_is_the_addressee(text: str, addressee: str) -> None:
    found = {number: terminal for number, _, terminal in bulletins.explain(text)}
    assert (found[3], found[4], found[5]) == ("DOC_NUMBER_BELOW", "ADDRESSEE", "PARAGRAPH")
    (bulletin,) = bulletins.parse(text).bulletins
    assert [e.text for e in bulletin.notice_elements if e.kind == "addressee"] == [addressee]


def test_a_sentence_ending_with_a_colon_under_a_document_number_is_no_addressee() -> None:
    # govcn-html/row27.html lines 1–3, 5: the first sentence (commas inside) is the body's.
    text = (
        "国务院办公厅对十届全国人大\n四次会议第7240号建议的答复\n国办函〔2006〕71号\n"
        "你们提出的关于创立免费查询所有法律、法规的政府网站的建议收悉，现答复如下：\n"
    )
    found = {number: terminal for number, _, terminal in bulletins.explain(text)}
    assert found[4] == "PARAGRAPH"


def test_a_salutation_opening_a_text_with_no_title_is_its_speech() -> None:
    # web/xispeech/all_data_row35.txt: the salutation run into the text; the speech has no title, date or speaker.
    (bulletin,) = bulletins.parse_file(CORPUS / "web/xispeech/all_data_row35.txt").bulletins
    assert bulletin.headline is None and bulletin.speech is not None
    assert bulletin.speech.salutation == "尊敬的古特雷斯秘书长先生，尊敬的各位同事："
    assert bulletin.speech.speaker is None and bulletin.speech.date is None
    assert [p.marker for p in bulletin.body if hasattr(p, "marker")] == ["第一，", "第二，", "第三，"]


# rmrb/2019-02/20190219-05-05.txt lines 1–6 (a 暖闻热评 commentary's box of fields), shortened.
FIELD_BOX = (
    "\n有爱的旅途不孤独（暖闻热评）\n\n　　【人物】北京313路公交车司机刘宝中\n"
    "　　【故事】北京313路公交车全程15公里，是卢沟桥农场家属院、北天堂村等地居民出行的唯一公交线路。\n"
    "　　【点评】\n　　一条线路、一辆车、一位司机，10年风雨兼程，显得有些孤独。\n"
)
# rmrb/2020-01/20200121-06-01.txt lines 1–5: a 工匠绝活 title over its box's label.
CRAFT_BOX = (
    "非物质文化遗产绢人技艺传承人齐聪颖\n织绣雕染 灵巧动人（工匠绝活）\n\n　　【绝活看点】\n"
    "　　绢纱为肤，真丝为发，绸帛为衣。一双巧手，能画能裁。\n"
)


@pytest.mark.parametrize(
    ("text", "headline", "label"),
    [
        (FIELD_BOX, ("有爱的旅途不孤独（暖闻热评）",), "【人物】北京313路公交车司机刘宝中"),
        (CRAFT_BOX, ("非物质文化遗产绢人技艺传承人齐聪颖", "织绣雕染 灵巧动人（工匠绝活）"), "【绝活看点】"),
    ],
)
def test_a_box_s_field_label_under_the_title_begins_the_body(text: str, headline: tuple[str, ...], label: str) -> None:
    (bulletin,) = bulletins.parse(text).bulletins
    assert bulletin.headline is not None and bulletin.headline.lines == headline
    first = bulletin.body[0]
    assert isinstance(first, bulletins.model.Subhead) and first.text == label


def test_a_first_line_opening_with_a_bracketed_label_is_still_the_title() -> None:
    (bulletin,) = bulletins.parse(
        "【新春走基层】大凉山生长新梦想\n\n　　1月27日9时，载着1200名务工人员的扶贫专列出发。\n"
    ).bulletins
    assert bulletin.headline is not None and bulletin.headline.lines == ("【新春走基层】大凉山生长新梦想",)


def test_an_agency_dispatch_with_neither_place_nor_date_is_a_dateline() -> None:
    # rmrb/2020-05/20200520-20-02.txt line 4 (cut); 233 rmrb lines open with (据)新华社电.
    (bulletin,) = bulletins.parse(
        "毕世祥：雪域高原 无悔奉献\n\n　　据新华社电  （记者吴晓颖、康锦谦）作为儿子，他很孝顺。\n"
    ).bulletins
    assert bulletin.dateline is not None and (bulletin.dateline.agency, bulletin.dateline.date) == ("新华社", None)
    assert bulletin.byline == ("吴晓颖", "康锦谦")
    (other,) = bulletins.parse("新华社电视台报道，会议召开。\n").bulletins
    assert other.dateline is None


PRESS_STATEMENT = "天宫一号与神舟九号载人交会对接任务第二场新闻发布会\n2012年6月24日\n中国载人航天工程新闻发言人 武平\n女士们、先生们：\n很高兴又一次和大家见面。\n"


def test_a_date_under_the_title_over_the_speaker_is_the_speech_s_not_a_closing() -> None:
    # formats/html-pages/gne_cmse_xinwenfabuhui-2012-06-24.html lines 51–57, as text: one bulletin, whose
    # speech is the spokesman's (发言人), dated by the bare date under the title.
    (bulletin,) = bulletins.parse(PRESS_STATEMENT).bulletins
    assert bulletin.closing is None and bulletin.speech is not None
    assert bulletin.speech.speaker == "武平" and bulletin.speech.salutation == "女士们、先生们："
    assert bulletin.speech.date is not None and bulletin.speech.date.iso == "2012-06-24"


def test_the_same_statement_as_a_page_centres_the_speaker_and_keeps_it() -> None:
    lines = PRESS_STATEMENT.splitlines()
    page = (
        "<html><body>"
        + "".join(
            f'<p align="center"><strong>{line}</strong></p>' if n in (0, 2) else f"<p>{line}</p>"
            for n, line in enumerate(lines)
        )
        + "</body></html>"
    )
    (bulletin,) = bulletins.parse(page, source="page.html", reader="html").bulletins
    assert bulletin.speech is not None and bulletin.speech.speaker == "武平"


def test_a_bare_date_straight_under_the_title_is_the_document_s() -> None:
    (bulletin,) = bulletins.parse("关于做好春节工作的通知\n2019年1月3日\n各单位要做好工作。\n").bulletins
    assert bulletin.closing is None
    assert bulletin.date is not None and (bulletin.date.iso, bulletin.date.source) == ("2019-01-03", "headnote")
    # A diary dates each entry so: its first date is no document date (rmrb/2020-02/20200224-20-02.txt).
    (diary,) = bulletins.parse(
        "抗疫一线日记\n2020年1月22日\n这是我春节前最后一个夜班。\n2020年1月23日\n今天又是忙碌的一天。\n"
    ).bulletins
    assert diary.date is None or diary.date.source != "headnote"


def test_numbered_notes_under_a_notes_label_are_not_points() -> None:
    # formats/html-pages/simonxinw_yichun-gov_tjgb-2022.html lines 77–84 (cut): the communiqué's 注释：.
    text = (
        "宜春市2022年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值增长。\n二、农业\n全年粮食产量稳定。\n"
        "注释：\n1.本公报中数据均为初步统计数，最后以年报核定数据为准。\n2.地区生产总值按现价计算。\n"
    )
    (bulletin,) = bulletins.parse(text).bulletins
    points = [b for b in bulletins.model.iter_blocks(bulletin.body) if isinstance(b, bulletins.model.Point)]
    assert [p.marker for p in points] == ["一、", "二、"]
    assert "1.本公报中数据均为初步统计数，最后以年报核定数据为准。" in [
        b.text for b in bulletins.model.iter_blocks(bulletin.body) if isinstance(b, bulletins.model.Paragraph)
    ]


def test_a_page_saved_as_text_keeps_its_trail_out_and_its_speech_whole() -> None:
    document = bulletins.parse(SAVED_PAGE)
    (bulletin,) = document.bulletins
    assert bulletin.headline is not None and bulletin.headline.title == "陕西省2026年政府工作报告"
    assert bulletin.speech is not None
    assert (bulletin.speech.speaker, bulletin.speech.salutation) == ("赵刚", "各位代表：")
    assert bulletin.speech.date is not None and bulletin.speech.date.iso == "2026-01-27"
    nav = [r.text for r in document.residue if r.kind == "nav"]
    assert {"首页", ">", "政府信息公开", "省政府工作报告", "2026-02-02 09:20", "陕西省人民政府"} <= set(nav)
    assert [c.text for c in bulletin.body if isinstance(c, bulletins.model.Caption)] == ["省长赵刚作政府工作报告"]


# rmrb/2020-05/20200530-06-01.txt (cut): a 表彰决定, its list of the honoured after its 落款 (no 附件 label), then,
# after a blank line, a letter of another issuer with its own 落款.
DECISION_AND_LETTER = (
    "人力资源社会保障部 中国科协 科技部 国务院国资委\n关于表彰第二届全国创新争先奖获奖者的决定\n"
    "　　各省、自治区、直辖市人力资源社会保障厅（局）：\n　　为深入贯彻习近平总书记的重要讲话精神，决定表彰获奖者。\n"
    "　　人力资源社会保障部  中国科协\n　　科技部  国务院国资委\n　　2020年5月29日\n　　\n"
    "　　第二届全国创新争先奖牌获奖团队名单\n　　（按团队名称首字笔画排序）\n"
    + "".join(
        f"　　{name}创新团队\n"
        for name in ("三代半导体", "大跨拱桥", "水下发射", "复兴号动车组", "北斗导航", "深海勇士")
    )
    + "　　\n　　牢记嘱托，在创新创造中建功立业\n　　——致全国科技工作者的倡议书\n"
    "　　为深入学习贯彻习近平总书记给科技界杰出代表的回信精神，中国科协发出如下倡议：\n"
    "　　创新是引领发展的第一动力。\n　　\n　　中国科学技术协会\n　　2020年5月30日\n"
)


def test_a_decision_s_list_after_its_closing_is_its_own_and_a_letter_after_it_is_not() -> None:
    decision, letter = bulletins.parse(DECISION_AND_LETTER).bulletins
    assert decision.closing is not None and decision.closing.date is not None
    assert decision.closing.date.iso == "2020-05-29"
    assert decision.lines[1] >= 16  # the list's entries stay with the decision
    assert letter.headline is not None
    assert letter.headline.lines == ("牢记嘱托，在创新创造中建功立业", "——致全国科技工作者的倡议书")
    assert letter.closing is not None and letter.closing.issuer == "中国科学技术协会"


@pytest.mark.parametrize(
    ("title", "deck"),
    [
        # rmrb/2019-10/20191009-02-04.txt lines 2–4 (cut): People's Daily sets its 副题 flush left.
        (
            "李克强主持召开国务院常务会议",
            "审议通过《优化营商环境条例（草案）》，以政府立法为各类市场主体投资兴业提供制度保障；"
            "讨论通过《中华人民共和国档案法（修订草案）》",
        ),
        # rmrb/2019-02/20190211-01-03.txt lines 2–3: a ■ deck, flush left.
        ("首破万亿元！春节消费亮眼", "■ 网络、定制等新兴消费看点纷呈■ 全国旅游接待总人数超四亿人次"),
    ],
)
def test_a_deck_set_flush_left_over_an_indented_body_is_a_headline_line(title: str, deck: str) -> None:
    body = "\n\n　　新华社北京10月8日电  国务院总理李克强10月8日主持召开国务院常务会议。\n"
    (bulletin,) = bulletins.parse(f"\n{title}\n{deck}{body}").bulletins
    assert bulletin.headline is not None and bulletin.headline.lines == (title, deck)
    # Indented, the same line is a 提要 (or a ■ headnote) under the title, at the head of the body.
    (indented,) = bulletins.parse(f"\n{title}\n　　{deck}{body}").bulletins
    assert indented.headline is not None and indented.headline.lines == (title,)


@pytest.mark.parametrize(
    "lines",
    [
        ("新型冠状病毒，我们该怎么预防？",),  # rmrb/2020-01/20200121-06-06.txt line 2
        ("新春招聘会，火爆！",),  # rmrb/2019-02/20190212-10-04.txt line 2
        ("我爱你，中国！", "——庆祝中华人民共和国成立70周年联欢活动侧记"),  # rmrb/2019-10/20191002-06-03.txt
    ],
)
def test_a_flush_left_title_over_an_indented_body_may_ask_or_exclaim(lines: tuple[str, ...]) -> None:
    body = "\n\n　　本报北京1月20日电  记者李红梅报道：国家卫生健康委员会20日召开会议。\n"
    (bulletin,) = bulletins.parse("\n" + "\n".join(lines) + body).bulletins
    assert bulletin.headline is not None and bulletin.headline.lines == lines
    # A lede set flush left stays a paragraph: it holds a sentence before its question.
    lede = "\n我们该怎么办？这是大家都关心的问题。各地正在行动，谁来回答？\n\n　　本报北京1月20日电  记者李红梅报道。\n"
    assert bulletins.parse(lede).bulletins[0].headline is None


def test_a_joint_order_s_masthead_is_its_issuers_over_ling() -> None:
    # formats/pdf-text/natur3ph_shendu-hecheng-guanli-guiding_govcn-chrome-print.pdf lines 2–12 (cut).
    text = (
        "国家互联网信息办公室\n中华人民共和国工业和信息化部\n中华人民共和国公安部\n令\n第12号\n"
        "《互联网信息服务深度合成管理规定》已经2022年11月3日国家互联网信息办公室2022年第21次室务会议审议通过，"
        "并经工业和信息化部、公安部同意，现予公布，自2023年1月10日起施行。\n"
        "国家互联网信息办公室主任庄荣文\n工业和信息化部部长金壮龙\n公安部部长王小洪\n2022年11月25日\n"
        "互联网信息服务深度合成管理规定\n第一章　总　则\n第一条　为了加强互联网信息服务深度合成管理，制定本规定。\n"
    )
    (bulletin,) = bulletins.parse(text).bulletins
    assert bulletin.doc_number == "第12号"
    assert bulletin.headline is not None and bulletin.headline.lines == ("互联网信息服务深度合成管理规定",)


def test_a_dispatch_s_dated_background_paragraph_opens_no_bulletin() -> None:
    # web/newscrawl/add_content_huanqiu1_idx10.txt lines 1–6 (cut): 举行大规模阅兵 is no meeting's readout lede.
    text = (
        "中新社华盛顿4月21日电 美国国务院21日发表声明称，美国朝鲜政策特别代表将访问日本。\n"
        "此外，他还将与日韩代表分别举行双边会晤。\n"
        "4月15日，朝鲜在平壤举行大规模阅兵，并于16日试射导弹失败。\n"
    )
    assert len(bulletins.parse(text).bulletins) == 1
    # A readout's lede after a dispatch still opens the next item (seed 002's compiled readouts).
    readout = text + "4月20日，国务院召开常务会议，研究部署有关工作。\n"
    assert len(bulletins.parse(readout).bulletins) == 2


def test_a_column_label_in_the_dateline_s_parentheses_is_no_reporter() -> None:
    # web/newscrawl/add_content_xinhuanet4_idx214.txt lines 1–2 (cut): （国际观察） labels the column.
    text = "新华社北京4月20日电（国际观察）彭斯访韩日 聚焦半岛问题\n新华社记者耿学鹏　王可佳\n继访问韩国后，彭斯19日结束对日本的访问。\n"
    (bulletin,) = bulletins.parse(text).bulletins
    assert bulletin.byline == ("耿学鹏", "王可佳")
    (named,) = bulletins.parse("人民网北京11月16日电 （邱越）国务院召开会议。\n").bulletins
    assert named.byline == ("邱越",)


def test_a_brief_s_title_over_its_summary_and_dateline_opens_the_next_brief() -> None:
    # rmrb/2019-02/20190214-10-04.txt (cut): a 速览 column; each brief prints title, 提要, dateline. The second
    # brief's title was a subhead of the first and its 提要 its headline (18 rmrb files).
    text = (
        "\n速览\n\n　　整治“保健”市场乱象见成效\n　　截至1月30日，联合整治“保健”市场乱象百日行动立案1298件，涉案金额2.6亿元\n"
        "　　本报北京2月13日电  （记者林丽鹂）联合整治“保健”市场乱象百日行动取得阶段性进展。\n　　\n"
        "　　新首钢三年行动计划发布\n　　到2021年，新首钢高端产业综合服务区城市复兴新地标建设取得阶段性成果\n"
        "　　本报北京2月13日电  （记者贺勇）记者从13日北京市政府新闻发布会获悉，计划发布。\n"
    )
    first, second = bulletins.parse(text).bulletins
    assert second.headline is not None and second.headline.lines == ("新首钢三年行动计划发布",)
    assert second.byline == ("贺勇",) and first.lines[1] < 9


def test_a_note_in_brackets_after_the_full_stop_ends_the_paragraph() -> None:
    # govcn-html/row37.html lines 35–36 (cut): a measure, who answers for it, then the notice's own closing
    # paragraph; the note after the full stop is no mid-sentence wrap, so the two stay apart.
    text = (
        "国务院办公厅关于加大激励支持力度的通知\n\n"
        "各省、自治区、直辖市人民政府：\n\n"
        "一、对落实有关重大政策措施成效明显的地方，实行“免督查”。（国务院办公厅负责）\n"
        "对真抓实干、相关工作成效明显的地方进一步加大激励支持力度，是加强和改进督查工作的重要举措。\n"
    )
    document = bulletins.parse(text)
    codes = [d.code for d in document.diagnostics]
    assert "wrapped-paragraph" not in codes
    point = next(b for b in document.bulletins[0].body if b.type == "point")
    assert point.text.endswith("（国务院办公厅负责）")
    # (A line wrapped mid-sentence is still re-joined: tests/test_seeds.py, seed 003 lines 19–25.)


def test_a_line_holding_its_whole_yi_shi_run_is_a_paragraph_with_an_enumeration() -> None:
    # formats/html-pages/magichtml_people_zhongbu-jueqi-quanwei-fabu.html line 124 (cut): the run is inline; a
    # point 一是 held the three others in its text, with no enumeration.
    text = (
        "关于创新的报告\n\n各单位：\n\n"
        "　　一是构建创新平台，建设实验室；二是培育创新主体，壮大企业；三是营造人才环境，引进人才；四是产出创新成果，攻克难题。\n\n"
        "　　一是加强领导。\n\n　　二是落实责任。\n"
    )
    first, *points = bulletins.parse(text).bulletins[0].body
    assert isinstance(first, Paragraph)
    assert [item.marker for item in first.enumeration] == ["一是", "二是", "三是", "四是"]
    # One marker a line: points, as before.
    assert [p.marker for p in points if isinstance(p, Point)] == ["一是", "二是"] and len(points) == 2


def test_a_page_title_over_the_article_s_fuller_headline_is_the_page_s() -> None:
    # formats/html-pages/magichtml_kepu-gov_xijinping-changsanjiao-zuotanhui.html lines 18–26 (cut): the site's
    # title, its source and time, then the article's own headline block; the title alone was an empty bulletin.
    page = (
        "<html><body><div class='title'>习近平主持召开深入推进长三角一体化发展座谈会</div>"
        "<div>来源：新华社</div><div>作者：</div><div>2023-12-01 14:43</div>"
        "<p style='text-align:center'><b>习近平主持召开深入推进长三角一体化发展座谈会强调</b></p>"
        "<p style='text-align:center'><b>推动长三角一体化发展取得新的重大突破</b></p>"
        "<p style='text-align:center'><b>李强蔡奇出席</b></p>"
        "<p>新华社上海11月30日电 中共中央总书记习近平30日下午在上海主持召开深入推进长三角一体化发展座谈会。"
        "中共中央政治局常委李强、蔡奇出席座谈会。</p></body></html>"
    )
    (bulletin,) = bulletins.parse(page.encode(), source="page.html").bulletins
    assert bulletin.headline is not None and bulletin.headline.lines[-1] == "李强蔡奇出席"
    assert bulletin.dateline is not None


def test_two_indented_lines_are_two_paragraphs_whatever_the_first_ends_with() -> None:
    # rmrb/2020-01/20200104-04-01.txt lines 57–58 (cut): a paragraph ending in —— introduces the next one; each
    # line set in by its own indent starts a paragraph (the re-join took the dash for a mid-sentence wrap).
    text = (
        "\n脱贫攻坚的战鼓\n\n　　本报北京1月3日电  记者李红梅报道：各地正在行动。\n"
        "　　但是，脱贫攻坚越到最后时刻越要响鼓重锤。你听，那战鼓声声已响起，催人奋进正当时——\n"
        "　　“脱贫质量怎么样、小康成色如何，很大程度上要看‘三保障’和饮水安全问题解决得怎么样。”\n"
    )
    document = bulletins.parse(text)
    assert "wrapped-paragraph" not in [d.code for d in document.diagnostics]
    assert [b.text[-2:] for b in document.bulletins[0].body][-2:] == ["——", "。”"]
