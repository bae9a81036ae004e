"""Whole web pages (issue 18, part 3): the article among the page's chrome, the chrome as residue.

The expected titles and chrome lines of ``formats/html-pages`` were written by reading each page
(its visible lines in document order, and the page in a browser): the title is the article's
main title as the page prints it above the body; the chrome lines are navigation, breadcrumbs,
share bars, metadata labels and footers of that page, whole lines as the reader gives them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletins
from bulletins.model import Document, held_texts
from bulletins.readers import choose_reader
from bulletins.readers.html import HtmlReader
from tests.conftest import shared_corpus

ROOT = Path(__file__).resolve().parents[1]


def corpus(sub: str) -> Path:
    return shared_corpus(sub)


# page → (main title, chrome lines of that page)
PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "gne_163_guowuyuan-lianfang-liankong.html": (
        "国务院联防联控机制:湖北和武汉要严格管控防输出",
        ("网易首页", "国内", "基金", "网易首页 > 新闻中心 > 新闻 > 正文", "分享到：", "延伸阅读"),
    ),
    "gne_cmse_kongjianzhan-jianzao.html": (
        "载人航天工程全线备战空间站建造任务",
        ("邮箱", "首页 > 新闻中心 > 综合新闻", "字号: [大] [中] [小] [打印]", "友情链接", "（责任编辑：周雁）"),
    ),
    "gne_cmse_xinwenfabuhui-2012-06-24.html": (
        "天宫一号与神舟九号载人交会对接任务第二场新闻发布会",
        ("邮箱", "首页 > 专题报道 > 新闻发布会", "发布日期: 2012-06-24", "友情链接"),
    ),
    "gne_govcn_gwygb-2007-23-renda-jueyi.html": (
        "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议",
        ("首页", "无障碍", "首页\xa0>\xa0国务院公报\xa0>\xa02007年第23号", "扫一扫在手机打开当前页", "相关稿件"),
    ),
    "gne_hexun_jiaotongbu-jingjinji.html": (
        "交通运输部：着力打造京津冀区域综合立体交通网络",
        ("和讯通", "和讯网 > 股票 > 股市报道 > 正文", "扫码阅读全文", "你可能会喜欢", "热门新闻排行榜"),
    ),
    "gne_people_wenhua-zhengbanqiao.html": (
        "女儿出嫁，郑板桥画了几笔兰花当嫁妆",
        ("人民网>>文化", "分享到：", "【1】【2】【3】【4】", "推荐阅读", "忘记密码？"),
    ),
    "gne_shanxi-gov_pinpai-silu.html": (
        "山西品牌丝路行（南美站）正式启动",
        ("首页", "> 要闻", "扫一扫在手机打开当前页面", "省政府", "领导动态"),
    ),
    "gne_sxmu-jijian_jianchafa.html": (
        "中华人民共和国监察法",
        ("添加收藏夹 | 设为首页 | 关于我们", "主办单位：山西医科大学纪检监察室 版权所有"),
    ),
    "gne_thepaper_zhongnanhai-xijinping-wenzhang.html": (
        "新年伊始，习近平的重要文章谈了啥？",
        ("首页 > 中南海", "订阅", "字号", "超大", "责任编辑：柴敏懿", "关键词 >> 习近平"),
    ),
    "gne_xinhuanet_faguo-bagong.html": (
        "法国全国大罢工再次严重影响交通",
        ("搜索", "频道", "关注新华网", "微信", "图集", "+1", "【纠错】", "新闻评论"),
    ),
    "gne_zj-fzggw_deqing-touzi.html": (
        "1-10月德清县固定资产投资结构趋稳趋优",
        ("新闻发布会", "发布日期：2016-11-22 浏览次数：  信息来源：省发改委", "打印   关闭"),
    ),
    "gne_zsnews_dongqu-diaoyan.html": (
        "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作",
        ("东区新闻", "【打印本页】【关闭窗口】"),
    ),
    "magichtml_caijing_cpi-2024-04.html": (
        "2024年4月全国CPI同比上涨0.3% 食品价格下降2.7%",
        ("数据", "编辑观察", "当前位置：宏观频道首页 > 数据 >", "正文", "分享到：", "相关阅读"),
    ),
    "magichtml_chinaorg_huhehaote-yuer-jintie.html": (
        "呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元",
        ("首页> 新闻中心>", "外宣平台", "分享到：", "链接已复制", "字体：小大", "【责任编辑：刘峻凌】"),
    ),
    "magichtml_dswxyjy_zhongguoshi-xiandaihua-quanwen.html": (
        "中国式现代化发展之路",
        ("关于我们", "首页 > 重点推荐", "上一篇", "下一篇"),
    ),
    "magichtml_gmw_weihu-gongtong-liyi-pinglun.html": (
        "维护全人类共同利益需联手抵制保护主义",
        ("科技", "教育", "首页>  时政频道> 要闻 > 正文", "阅读剩余全文（）", "相关阅读", "您此时的心情"),
    ),
    "magichtml_ifeng_zhengnengliang-wenjingji.html": (
        "政能亮丨“稳经济”需要跑出“加速度”",
        ("栏目首页", "搜索", "登录", "5人参与2评论", "责编：黄忆南 PN269", "往期回顾"),
    ),
    "magichtml_kepu-gov_xijinping-changsanjiao-zuotanhui.html": (
        "习近平主持召开深入推进长三角一体化发展座谈会",
        ("科幻世界", "校园科普", "中国科普网 > 时政新闻 >", "来源：新华社", "编辑：毛梦囡", "相关新闻"),
    ),
    "magichtml_people-health_xinchengzhang.html": (
        "关注青少年心理健康“心成长”服务项目启动",
        ("人民网>>健康·生活", "2024年05月17日08:59 来源：北京青年报", "(责编：郝帅、杨迪)", "热门点击排行榜"),
    ),
    "magichtml_people_zhongbu-jueqi-quanwei-fabu.html": (
        "在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）",
        ("人民网>>经济·科技", "小字号", "推荐阅读", "分享让更多人看到"),
    ),
    "magichtml_southcn_haikui-yihao.html": (
        "亚洲首艘圆筒型“海上油气加工厂”启运珠江口盆地",
        ("搜索", "热点", "南方网 > 新闻 > 热点", "字号减小 字号增大", "扫二维码分享", "返回南方网首页 返回热点频道"),
    ),
    "magichtml_toutiao_xinhua-waimao-qianshiyue.html": (
        "新华全媒+丨积极因素不断增多 “质升量稳”动能增强——前4个月我国外贸向好态势进一步巩固",
        ("微信", "微信扫码分享", "新浪微博", "QQ空间", "举报", "评论 139"),
    ),
    "magichtml_xinhuanet-hebei_zunhua-nongji.html": (
        "新华视界｜河北遵化：数字农机服务助力农业生产",
        ("新华社看河北", "> 正文", "打印", "字大", "字小", "分享至手机", "|<<", "1234下一页", ">>|"),
    ),
    "magichtml_xinhuanet_liqiang-xinjiang-diaoyan.html": (
        "李强在新疆调研时强调 彰显特色优势 提高开放水平 在高质量发展中增进民生福祉促进长治久安",
        ("来源：新华网", "字体： 小 中 大", "分享到：", "Play Video", "0:00", "【纠错】", "阅读下一篇："),
    ),
    "nfra_zhejiang_xingzhengchufa-zhejin-fajuezi-2024-52.html": (
        "国家金融监督管理总局浙江监管局行政处罚信息公开表",
        ("无障碍浏览", "主要职责", "附件信息:", "手机扫一扫打开此页", "网站地图", "法律声明"),
    ),
    "nfra_zongju_xingzhengchufa-jin-fajuezi-2024-36.html": (
        "国家金融监督管理总局行政处罚信息公开表",
        ("无障碍浏览", "QQ空间", "附件信息:", "手机扫一扫打开此页", "版权与免责声明"),
    ),
    "simonxinw_wanzai-gov_tjgb-2015.html": (
        "万载县2015年国民经济和社会发展统计公报",
        ("附件：", "关联稿件："),
    ),
    "simonxinw_wanzai-gov_tjgb-2022.html": (
        "万载县2022年国民经济和社会发展统计公报",
        ("扫一扫在手机打开当前页", "【返回顶部】【关闭本页】"),
    ),
    "simonxinw_yichun-gov_jiangxi-tjgb-2022.html": (
        "江西省2022年国民经济和社会发展统计公报",
        ("宜春市人民政府", "扫一扫在手机打开当前页", "【返回顶部】【关闭本页】"),
    ),
    "simonxinw_yichun-gov_tjgb-2022.html": (
        "宜春市2022年国民经济和社会发展统计公报",
        ("宜春市人民政府", "扫一扫在手机打开当前页", "【返回顶部】【关闭本页】"),
    ),
}


def _squash(text: str) -> str:
    return "".join(text.split())


def _parse(name: str) -> Document:
    return bulletins.parse_file(corpus("formats/html-pages") / name)


def _bulletin_lines(document: Document) -> set[str]:
    """Every line of text a bulletin holds (headline, paragraphs, points …), whitespace squashed."""
    found: set[str] = set()
    for held in held_texts(document):
        if held.bulletin is not None:
            found.update(_squash(part) for part in held.text.split("\n") if part.strip())
    return found


def test_the_table_covers_every_page() -> None:
    assert sorted(PAGES) == sorted(p.name for p in corpus("formats/html-pages").glob("*.html"))


@pytest.mark.parametrize("name", sorted(PAGES), ids=lambda n: n.split("_")[1])
def test_no_chrome_line_is_a_headline_or_paragraph(name: str) -> None:
    document = _parse(name)
    held = _bulletin_lines(document)
    assert document.bulletins, "the page's article gives at least one bulletin"
    leaked = [line for line in PAGES[name][1] if _squash(line) in held]
    assert not leaked
    # Nothing lost: the chrome is residue of kind nav.
    residue = "".join(_squash(r.text) for r in document.residue if r.kind in {"nav", "noise"})
    assert all(_squash(line) in residue for line in PAGES[name][1])


def test_the_main_title_heads_the_first_bulletin_on_95_percent_of_the_pages() -> None:
    missed = []
    for name, (title, _) in sorted(PAGES.items()):
        document = _parse(name)
        headline = document.bulletins[0].headline if document.bulletins else None
        if headline is None or _squash(title) not in _squash("".join(headline.lines)):
            missed.append(name)
    assert len(missed) <= len(PAGES) * 0.05, missed


# -- synthetic pages ---------------------------------------------------------------------------

_NAV = "".join(f'<li><a href="/c{k}">栏目{k}</a></li>' for k in range(12))
_BODY = "".join(
    f"<p>第{k}段正文，国务院办公厅印发通知，要求各地区、各部门认真贯彻执行，切实抓好落实。</p>" for k in range(6)
)


def _page(head: str = "", before: str = "", body: str = _BODY, prefix: str = "") -> bytes:
    return (
        f"{prefix}<!DOCTYPE html><html><head><meta charset='utf-8'><title>关于印发实施方案的通知_某某省人民政府</title>"
        f"{head}</head><body><div class='nav'><ul>{_NAV}</ul></div><div class='crumb'><a href='/'>首页</a> &gt; "
        f"<a href='/zw'>政务</a></div><div class='article'><h1>关于印发实施方案的通知</h1>{before}"
        f"<div class='content'>{body}</div></div><div class='footer'><p>主办单位：某某省人民政府办公厅</p>"
        "<p>版权所有 网站标识码1234</p></div></body></html>"
    ).encode()


def _read(data: bytes) -> tuple[list[str], list[str], dict[str, str]]:
    reading = next(HtmlReader().read(data))
    kept = [line.text for line in reading.lines if not line.hints.chrome]
    chrome = [line.text for line in reading.lines if line.hints.chrome]
    return kept, chrome, {m.name: m.value for m in reading.metadata}


def test_a_synthetic_page_keeps_title_and_body_and_marks_the_chrome() -> None:
    kept, chrome, meta = _read(_page())
    assert kept[0] == "关于印发实施方案的通知"
    assert len(kept) == 7 and all("正文" in line for line in kept[1:])
    assert "栏目3" in chrome and "主办单位：某某省人民政府办公厅" in chrome
    assert meta["title"] == "关于印发实施方案的通知_某某省人民政府"
    document = bulletins.parse(_page(), source="p.html")
    assert len(document.bulletins) == 1
    assert document.bulletins[0].headline is not None
    assert document.bulletins[0].headline.title == "关于印发实施方案的通知"
    assert any(d.code == "page-chrome" for d in document.diagnostics)


def test_the_source_and_date_line_goes_to_metadata_and_residue() -> None:
    line = "<div class='info'>发布时间：2024-05-17 08:59　来源：某某日报　作者：张三</div>"
    kept, chrome, meta = _read(_page(before=line))
    assert meta["date"] == "2024-05-17 08:59" and meta["source"] == "某某日报" and meta["author"] == "张三"
    assert "发布时间：2024-05-17 08:59　来源：某某日报　作者：张三" in chrome
    assert not any("来源" in k for k in kept)


def test_meta_fields_win_over_the_line() -> None:
    head = (
        "<meta name='publishdate' content='2024-05-16'><meta name='author' content='李四'>"
        "<meta name='ContentSource' content='省政府办公厅'>"
    )
    _, _, meta = _read(_page(head=head, before="<div>来源：某某日报</div>"))
    assert meta == {
        "title": "关于印发实施方案的通知_某某省人民政府",
        "date": "2024-05-16",
        "author": "李四",
        "source": "省政府办公厅",
    }


def test_gov_cn_s_first_published_time_is_the_page_s_date() -> None:
    # formats/html-pages/gne_govcn_gwygb-2007-23-renda-jueyi.html: gov.cn's CMS names its publication date so.
    head = "<meta name='firstpublishedtime' content='2007-08-20-23:59:59'>"
    _, _, meta = _read(_page(head=head))
    assert meta["date"] == "2007-08-20"


def test_a_body_label_deep_in_the_text_stays_body() -> None:
    body = _BODY + "<p>时间：2024年5月1日上午9时</p>" + _BODY
    kept, _, _ = _read(_page(body=body))
    assert "时间：2024年5月1日上午9时" in kept


@pytest.mark.parametrize(
    "prefix",
    ['<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>\n', "<?php include 'head.php'; ?>\n"],
    ids=["jsp", "php"],
)
def test_template_directives_are_markup_not_a_headline(prefix: str) -> None:
    data = _page(prefix=prefix)
    assert choose_reader(data, "page") == "html"
    document = bulletins.parse(data, source="page")
    assert document.source.format == "html"
    assert document.bulletins[0].headline is not None
    assert document.bulletins[0].headline.title == "关于印发实施方案的通知"
    text = "".join(t for _, _, t in [(h.line, h.order, h.text) for h in held_texts(document)])
    assert "<%" not in text and "<?php" not in text and "page contentType" not in text


def test_the_jsp_directive_names_the_charset() -> None:
    body = (
        "<html><body><h1>关于印发实施方案的通知</h1><p>国务院办公厅印发通知，要求各地认真贯彻执行。</p></body></html>"
    )
    data = b'<%@ page contentType="text/html; charset=GBK" %>\n' + body.encode("gbk")
    reading = next(HtmlReader().read(data))
    assert reading.encoding == "gb18030"
    assert "国务院办公厅" in reading.joined()


def test_a_fragment_is_not_extracted() -> None:
    fragment = "<tbody><tr><td><p>关于印发的通知</p><p><a href='/x'>相关链接</a></p></td></tr></tbody>".encode()
    reading = next(HtmlReader().read(fragment))
    assert not any(line.hints.chrome for line in reading.lines)


def test_the_title_s_kicker_and_the_writers_line_are_the_article_s() -> None:
    # 人民网's layout (formats/html-pages/magichtml_people_zhongbu-jueqi-quanwei-fabu.html): <h3 class="pre">
    # over the <h1>, the writers' <div class="author"> under it; both were page chrome.
    before = "<div class='author'>本报记者  王乐文  方  敏</div>"
    page = _page(before=before).replace(b"<h1>", "<h3 class='pre'>河南着力培育新动能塑造新优势</h3><h1>".encode())
    kept, _, _ = _read(page)
    assert kept[:3] == ["河南着力培育新动能塑造新优势", "关于印发实施方案的通知", "本报记者 王乐文 方 敏"]
    (bulletin,) = bulletins.parse(page, source="p.html").bulletins
    assert bulletin.headline is not None
    assert bulletin.headline.lines == ("河南着力培育新动能塑造新优势", "关于印发实施方案的通知")
    assert bulletin.byline == ("王乐文", "方敏")


def _pictured(after: str) -> bytes:
    picture = "<div style='text-align: center;'><img src='a.jpg'></div>"
    body = _BODY[: len(_BODY) // 2] + picture + after + _BODY[len(_BODY) // 2 :]
    return _page(body=body)


def test_a_centred_line_alone_under_a_picture_is_its_caption() -> None:
    # formats/html-pages/gne_cmse_kongjianzhan-jianzao.html line 59: it opened a bulletin of its own.
    page = _pictured("<div style='text-align: center;'><b>空间站系统研制工作有序推进</b></div>")
    (bulletin,) = bulletins.parse(page, source="p.html").bulletins
    captions = [b for b in bulletin.body if isinstance(b, bulletins.model.Caption)]
    assert [c.text for c in captions] == ["空间站系统研制工作有序推进"]


def test_a_centred_block_under_a_picture_is_not_a_caption() -> None:
    # gne_people_wenhua-zhengbanqiao.html: a poem's centred title and poet's line under an illustration.
    block = "".join(
        f"<p style='text-align: center;'><strong>{t}</strong></p>" for t in ("《冬夜读书示子聿》", "——（宋）陆游")
    )
    document = bulletins.parse(_pictured(block), source="p.html")
    captions = [b for bulletin in document.bulletins for b in bulletin.body if isinstance(b, bulletins.model.Caption)]
    assert captions == []


def test_an_unlabelled_time_stamp_under_the_title_is_the_page_s_date() -> None:
    # formats/html-pages/gne_hexun_jiaotongbu-jingjinji.html line 55: 2019-09-26 10:56:28 证券时报网.
    _, chrome, meta = _read(_page(before="<div class='tip'>2019-09-26 10:56:28 证券时报网</div>"))
    assert meta["date"] == "2019-09-26 10:56:28" and meta["source"] == "证券时报网"
    assert "2019-09-26 10:56:28 证券时报网" in chrome
    # Deep in the body the same form is the article's own text.
    _, _, deep = _read(_page(body=_BODY + "<p>2019-09-26 10:56:28 证券时报网</p>" + _BODY))
    assert "date" not in deep


def test_a_dateline_under_the_page_s_metadata_is_still_the_headline_s() -> None:
    # formats/html-pages/magichtml_people-health_xinchengzhang.html lines 16–18: the page's stamp between the
    # title and 本报讯（记者叶婉）; the grammar had refused the dateline there and read it as a paragraph.
    body = "<p>本报讯（记者叶婉）近日，“心成长”青少年心理健康服务项目在北京启动，项目邀请专家学者反复研讨。</p>" + _BODY
    page = _page(before="<div class='info'>2024年05月17日08:59 来源：北京青年报</div>", body=body)
    document = bulletins.parse(page, source="p.html")
    (bulletin,) = document.bulletins
    assert bulletin.dateline is not None and bulletin.dateline.agency == "本报"
    assert bulletin.byline == ("叶婉",)
    assert not [d for d in document.diagnostics if d.code == "recovered-line"]
    assert any("北京青年报" in r.text for r in document.residue)
