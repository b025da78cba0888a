"""Chinese industry terms in English questions, read as the English the articles use.

Bilingual analysts in China type English with the odd Chinese term or company name in it ("诺华 x Argo —
headline value?", "What was the 首付款 on that one?", "Per Cui, what are most Chinese 药企 missing if they
want to 出海?"). The articles are in English and the model knows no Chinese, so each known term is
replaced by its English before anything else reads the question. An unknown term is left as typed: the
question then names something no article mentions, and is refused as any such question is.

The glossary is the trade's own vocabulary (deal terms, modalities, therapy areas, policy, roles) and the
usual Chinese names of the companies such articles name; it is not a translator.
"""

from __future__ import annotations

import re
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff]")

ZH_TERMS: dict[str, str] = {
    # Western pharma and banks, by their usual Chinese names
    "阿斯利康": "AstraZeneca",
    "诺华": "Novartis",
    "辉瑞": "Pfizer",
    "艾伯维": "AbbVie",
    "葛兰素史克": "GSK",
    "葛兰素": "GSK",
    "默沙东": "MSD",
    "默克": "Merck",
    "罗氏": "Roche",
    "赛诺菲": "Sanofi",
    "强生": "Johnson & Johnson",
    "礼来": "Eli Lilly",
    "诺和诺德": "Novo Nordisk",
    "百时美施贵宝": "Bristol Myers Squibb",
    "安进": "Amgen",
    "吉利德": "Gilead",
    "拜耳": "Bayer",
    "勃林格殷格翰": "Boehringer Ingelheim",
    "武田": "Takeda",
    "第一三共": "Daiichi Sankyo",
    "再生元": "Regeneron",
    "渤健": "Biogen",
    "百健": "Biogen",
    "杰富瑞": "Jefferies",
    "高盛": "Goldman Sachs",
    "摩根士丹利": "Morgan Stanley",
    "摩根大通": "JPMorgan",
    "中金": "CICC",
    # Chinese drugmakers and service companies
    "石药集团": "CSPC",
    "石药": "CSPC",
    "恒瑞医药": "Hengrui",
    "恒瑞": "Hengrui",
    "百济神州": "BeiGene",
    "百济": "BeiGene",
    "再鼎医药": "Zai Lab",
    "再鼎": "Zai Lab",
    "亚盛医药": "Ascentage Pharma",
    "亚盛": "Ascentage",
    "诺诚健华": "InnoCare",
    "信达生物": "Innovent",
    "信达": "Innovent",
    "君实生物": "Junshi",
    "君实": "Junshi",
    "康方生物": "Akeso",
    "康方": "Akeso",
    "科伦博泰": "Kelun-Biotech",
    "科伦": "Kelun",
    "翰森制药": "Hansoh",
    "翰森": "Hansoh",
    "和黄医药": "HUTCHMED",
    "传奇生物": "Legend Biotech",
    "药明康德": "WuXi AppTec",
    "药明生物": "WuXi Biologics",
    "药明合联": "WuXi XDC",
    "药明": "WuXi",
    "复星医药": "Fosun Pharma",
    "复星": "Fosun",
    "先声药业": "Simcere",
    "先声": "Simcere",
    "云顶新耀": "Everest Medicines",
    "荣昌生物": "RemeGen",
    "荣昌": "RemeGen",
    "百利天恒": "Biokin",
    "映恩生物": "Duality Biologics",
    "宜联生物": "MediLink",
    "中国生物制药": "Sino Biopharm",
    "三生制药": "3SBio",
    "金斯瑞": "GenScript",
    # Deals
    "首付款": "upfront payment",
    "预付款": "upfront payment",
    "里程碑付款": "milestone payments",
    "里程碑": "milestones",
    "特许权使用费": "royalties",
    "销售分成": "royalties",
    "分成": "royalties",
    "交易额": "deal value",
    "交易": "deals",
    "总金额": "total value",
    "金额": "value",
    "对外授权": "out-licensing",
    "授权": "licensing",
    "许可": "licensing",
    "引进": "in-licensing",
    "合作伙伴": "partner",
    "合作": "partnership",
    "并购": "M&A",
    "收购": "acquisition",
    "估值": "valuation",
    "融资": "financing",
    "资产": "assets",
    "管线": "pipeline",
    # Companies and people, in general
    "跨国药企": "MNCs",
    "大药企": "big pharma",
    "药企": "drugmakers",
    "药厂": "drugmakers",
    "制药公司": "pharma companies",
    "生物技术公司": "biotech companies",
    "生物科技": "biotech",
    "生物技术": "biotech",
    "生物医药": "biopharma",
    "海归": "returnee",
    "投资人": "investors",
    "投资者": "investors",
    "分析师": "analyst",
    "首席执行官": "CEO",
    "首席运营官": "COO",
    "总裁": "president",
    "创始人": "founder",
    # Strategy and market
    "自主商业化": "self-commercialisation",
    "商业化": "commercialisation",
    "出海": "go global",
    "创新药": "innovative medicines",
    "仿制药": "generics",
    "研发": "R&D",
    "创新": "innovation",
    "新药": "new drugs",
    "药物": "drugs",
    "产品": "product",
    "销售额": "sales",
    "销售": "sales",
    "营收": "revenue",
    "收入": "revenue",
    "定价压力": "pricing pressure",
    "定价": "pricing",
    "价格": "prices",
    "专利悬崖": "patent cliff",
    "专利": "patents",
    "趋势": "trends",
    "预测": "forecast",
    "港股": "Hong Kong stocks",
    "人民币": "renminbi",
    "关税": "tariffs",
    # Modalities and therapy areas
    "抗体偶联药物": "ADCs",
    "双特异性抗体": "bispecific antibodies",
    "双抗": "bispecifics",
    "细胞与基因治疗": "cell and gene therapies",
    "细胞和基因治疗": "cell and gene therapies",
    "细胞和基因": "cell and gene",
    "细胞与基因": "cell and gene",
    "细胞治疗": "cell therapy",
    "细胞疗法": "cell therapy",
    "基因治疗": "gene therapy",
    "基因疗法": "gene therapy",
    "减肥药": "obesity drugs",
    "减重": "weight loss",
    "肥胖": "obesity",
    "肿瘤": "oncology",
    "癌症": "cancer",
    "自身免疫": "autoimmune",
    "免疫": "immunology",
    "心脏代谢": "cardiometabolic",
    "心血管": "cardiovascular",
    "代谢": "metabolic",
    "靶点": "target",
    "适应症": "indication",
    "适应证": "indication",
    "患者": "patients",
    "首创": "first-in-class",
    "同类最佳": "best-in-class",
    "新一代": "next-generation",
    # Clinic and regulation
    "临床试验": "clinical trials",
    "临床前": "preclinical",
    "临床": "clinical",
    "一期": "Phase I",
    "二期": "Phase II",
    "三期": "Phase III",
    "审批": "review",
    "审评": "review",
    "批准": "approval",
    "获批": "approved",
    "上市": "launch",
    "申请": "application",
    "国家药监局": "NMPA",
    "药监局": "NMPA",
    "监管": "regulation",
    "政策": "policy",
    # Politics and places
    "众议院": "House",
    "参议院": "Senate",
    "国会": "Congress",
    "法案": "bill",
    "地缘政治": "geopolitical",
    "美国": "US",
    "中国": "China",
    "欧洲": "Europe",
    "日本": "Japan",
    "香港": "Hong Kong",
    "今年": "this year",
    "去年": "last year",
    "明年": "next year",
}

_FULL_WIDTH = str.maketrans({"？": "?", "，": ",", "：": ":", "；": ";", "！": "!", "（": "(", "）": ")", "、": ","})


@lru_cache(maxsize=1)
def _terms() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in sorted(ZH_TERMS, key=len, reverse=True)))


def english_terms(text: str) -> str:
    """ "What was the 首付款 on 石药的 deal？" -> "What was the upfront payment on CSPC's deal?"; unchanged when
    the text has no Chinese."""
    if not _HAN.search(text):
        return text
    text = text.translate(_FULL_WIDTH)

    def english(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        word = ZH_TERMS[m.group()]
        return (" " if before.isalnum() else "") + word + (" " if after.isalnum() else "")

    text = _terms().sub(english, text)
    # Chinese nouns have no plural: "a Chinese 药企" is one drugmaker, "交易 values" the deals' values.
    text = re.sub(r"\b((?:a|an|one|each|every|this|that)\s+(?:[\w-]+\s+)?)(drugmaker|deal|MNC)s\b", r"\1\2", text)
    text = re.sub(r"\bdeals(?=\s+(?:values?|sizes?|terms?|flow|volumes?|counts?|activity)\b)", "deal", text)
    text = re.sub(r"(?<=[\w)])\s*的\s*", "'s ", text)  # "石药的 deal": CSPC's deal
    return re.sub(r"[ \t]{2,}", " ", text).strip()
