"""The external frameworks an indicator can refer to, shipped with the reference data.

Loaded by `manage.py seed_reference` (seed_framework_references). Only what a cited source says:

- **SDG targets** 5.1-5.6, 5.a-5.c, 16.1, 16.2, 16.3, 16.7 and 16.b, in the wording of General
  Assembly resolution A/RES/70/1 (2015); the Arabic is the resolution's Arabic wording, the
  Kurdish (Sorani) ours.
- **CEDAW articles** 1-16 (the substantive articles of the Convention adopted by General
  Assembly resolution 34/180, 1979), by number. The title is a short subject of ours, labelled
  "Subject:", not the article's text or an official title.
- **Global indicators for resolution 1325** (report of the Secretary-General S/2010/498, annex):
  the report-level reference with its four pillars, and indicator 11a, the one whose number and
  wording we could read and cite. The others are left out until their wording is checked
  against the report; `source` says where each entry was read.
"""

from core.seeding import upsert
from indicators.models import FrameworkReference

SDG_SOURCE = (
    "Transforming our world: the 2030 Agenda for Sustainable Development, General Assembly "
    "resolution A/RES/70/1 (25 September 2015), Goal {goal}, target {code}."
)
SDG_URL = "https://undocs.org/A/RES/70/1"

# code: (English, Arabic, Kurdish)
SDG_TARGETS = {
    "5.1": (
        "End all forms of discrimination against all women and girls everywhere",
        "القضاء على جميع أشكال التمييز ضد جميع النساء والفتيات في كل مكان",
        "کۆتاییهێنان بە هەموو شێوەکانی جیاکاری دژی هەموو ئافرەتان و کچان لە هەموو شوێنێک",
    ),
    "5.2": (
        "Eliminate all forms of violence against all women and girls in the public and private "
        "spheres, including trafficking and sexual and other types of exploitation",
        "القضاء على جميع أشكال العنف ضد جميع النساء والفتيات في المجالين العام والخاص، بما في "
        "ذلك الاتجار بالبشر والاستغلال الجنسي وغير ذلك من أنواع الاستغلال",
        "نەهێشتنی هەموو شێوەکانی توندوتیژی دژی هەموو ئافرەتان و کچان لە بوارە گشتی و تایبەتەکاندا، "
        "لەوانە بازرگانیکردن بە مرۆڤ و چەوساندنەوەی سێکسی و جۆرەکانی تری چەوساندنەوە",
    ),
    "5.3": (
        "Eliminate all harmful practices, such as child, early and forced marriage and female "
        "genital mutilation",
        "القضاء على جميع الممارسات الضارة، من قبيل زواج الأطفال والزواج المبكر والزواج القسري، "
        "وتشويه الأعضاء التناسلية للإناث (ختان الإناث)",
        "نەهێشتنی هەموو نەریتە زیانبەخشەکان، وەک هاوسەرگیریی منداڵان و هاوسەرگیریی زوو و بەزۆر، "
        "و خەتەنەکردنی کچان",
    ),
    "5.4": (
        "Recognize and value unpaid care and domestic work through the provision of public "
        "services, infrastructure and social protection policies and the promotion of shared "
        "responsibility within the household and the family as nationally appropriate",
        "الاعتراف بأعمال الرعاية والعمل المنزلي غير المدفوعة الأجر وتقديرها من خلال توفير "
        "الخدمات العامة والبنى التحتية ووضع سياسات الحماية الاجتماعية وتعزيز تقاسم المسؤولية "
        "داخل الأسرة المعيشية والعائلة، حسبما يكون ذلك مناسباً على الصعيد الوطني",
        "دانپێدانان و بەهادان بە کاری چاودێری و کاری ماڵەوەی بێ کرێ، لە ڕێگەی دابینکردنی "
        "خزمەتگوزارییە گشتییەکان و ژێرخان و سیاسەتەکانی پاراستنی کۆمەڵایەتی و پەرەپێدانی "
        "بەرپرسیارێتیی هاوبەش لەناو ماڵ و خێزاندا، بەو شێوەیەی لە ئاستی نیشتمانیدا گونجاوە",
    ),
    "5.5": (
        "Ensure women's full and effective participation and equal opportunities for leadership "
        "at all levels of decision-making in political, economic and public life",
        "كفالة مشاركة المرأة مشاركة كاملة وفعالة وتكافؤ الفرص المتاحة لها للقيادة على قدم "
        "المساواة مع الرجل على جميع مستويات صنع القرار في الحياة السياسية والاقتصادية والعامة",
        "دڵنیاکردنەوەی بەشداریی تەواو و کاریگەری ئافرەتان و دەرفەتی یەکسان بۆ سەرکردایەتی لە "
        "هەموو ئاستەکانی بڕیارداندا لە ژیانی سیاسی و ئابووری و گشتیدا",
    ),
    "5.6": (
        "Ensure universal access to sexual and reproductive health and reproductive rights as "
        "agreed in accordance with the Programme of Action of the International Conference on "
        "Population and Development and the Beijing Platform for Action and the outcome "
        "documents of their review conferences",
        "ضمان حصول الجميع على خدمات الصحة الجنسية والإنجابية وعلى الحقوق الإنجابية، على النحو "
        "المتفق عليه وفقاً لبرنامج عمل المؤتمر الدولي للسكان والتنمية ومنهاج عمل بيجين والوثائق "
        "الختامية لمؤتمرات استعراضهما",
        "دڵنیاکردنەوەی دەستگەیشتنی هەمووان بە تەندروستیی سێکسی و زاوزێ و مافەکانی زاوزێ، وەک "
        "لە بەرنامەی کاری کۆنفرانسی نێودەوڵەتیی دانیشتوان و گەشەپێدان و پلاتفۆرمی کاری بەیجین و "
        "بەڵگەنامە کۆتاییەکانی کۆنفرانسەکانی پێداچوونەوەیاندا ڕێککەوتنی لەسەر کراوە",
    ),
    "5.a": (
        "Undertake reforms to give women equal rights to economic resources, as well as access "
        "to ownership and control over land and other forms of property, financial services, "
        "inheritance and natural resources, in accordance with national laws",
        "القيام بإصلاحات لتخويل المرأة حقوقاً متساوية في الموارد الاقتصادية، وكذلك إمكانية "
        "حصولها على حق الملكية والتصرّف في الأراضي وغيرها من الممتلكات، وعلى الخدمات المالية، "
        "والميراث والموارد الطبيعية، وفقًا للقوانين الوطنية",
        "ئەنجامدانی چاکسازی بۆ پێدانی مافی یەکسان بە ئافرەتان لە سەرچاوە ئابوورییەکاندا، "
        "هەروەها دەستگەیشتن بە خاوەندارێتی و کۆنترۆڵی زەوی و شێوەکانی تری موڵک، و "
        "خزمەتگوزارییە داراییەکان و میرات و سەرچاوە سروشتییەکان، بەپێی یاسا نیشتمانییەکان",
    ),
    "5.b": (
        "Enhance the use of enabling technology, in particular information and communications "
        "technology, to promote the empowerment of women",
        "تعزيز استخدام التكنولوجيا التمكينية، وبخاصة تكنولوجيا المعلومات والاتصالات، من أجل "
        "تعزيز تمكين المرأة",
        "بەهێزکردنی بەکارهێنانی تەکنەلۆجیای توانابەخش، بەتایبەتی تەکنەلۆجیای زانیاری و "
        "پەیوەندییەکان، بۆ پەرەپێدانی بەهێزکردنی ئافرەتان",
    ),
    "5.c": (
        "Adopt and strengthen sound policies and enforceable legislation for the promotion of "
        "gender equality and the empowerment of all women and girls at all levels",
        "اعتماد سياسات سليمة وتشريعات قابلة للإنفاذ وتعزيز السياسات والتشريعات القائمة من هذا "
        "القبيل للنهوض بالمساواة بين الجنسين وتمكين كل النساء والفتيات على جميع المستويات",
        "پەسەندکردن و بەهێزکردنی سیاسەتی دروست و یاسای جێبەجێکراو بۆ پەرەپێدانی یەکسانیی "
        "ڕەگەزی و بەهێزکردنی هەموو ئافرەتان و کچان لە هەموو ئاستەکاندا",
    ),
    "16.1": (
        "Significantly reduce all forms of violence and related death rates everywhere",
        "الحد بدرجة كبيرة من جميع أشكال العنف وما يتصل به من معدلات الوفيات في كل مكان",
        "کەمکردنەوەی بەرچاوی هەموو شێوەکانی توندوتیژی و ڕێژەی ئەو مردنانەی پەیوەستن پێیەوە لە "
        "هەموو شوێنێک",
    ),
    "16.2": (
        "End abuse, exploitation, trafficking and all forms of violence against and torture of "
        "children",
        "إنهاء إساءة معاملة الأطفال واستغلالهم والاتجار بهم وتعذيبهم وسائر أشكال العنف المرتكب "
        "ضدهم",
        "کۆتاییهێنان بە خراپ مامەڵەکردن و چەوساندنەوە و بازرگانیکردن و هەموو شێوەکانی "
        "توندوتیژی و ئەشکەنجەدانی منداڵان",
    ),
    "16.3": (
        "Promote the rule of law at the national and international levels and ensure equal "
        "access to justice for all",
        "تعزيز سيادة القانون على الصعيدين الوطني والدولي وضمان تكافؤ فرص وصول الجميع إلى العدالة",
        "پەرەپێدانی سەروەریی یاسا لە ئاستی نیشتمانی و نێودەوڵەتیدا و دڵنیاکردنەوەی "
        "دەستگەیشتنی یەکسانی هەمووان بە دادپەروەری",
    ),
    "16.7": (
        "Ensure responsive, inclusive, participatory and representative decision-making at all "
        "levels",
        "ضمان اتخاذ القرارات على نحو مستجيب للاحتياجات وشامل للجميع وتشاركي وتمثيلي على جميع "
        "المستويات",
        "دڵنیاکردنەوەی بڕیاردانی وەڵامدەرەوە و گشتگیر و بەشدارانە و نوێنەرایەتیکار لە هەموو "
        "ئاستەکاندا",
    ),
    "16.b": (
        "Promote and enforce non-discriminatory laws and policies for sustainable development",
        "تعزيز القوانين والسياسات غير التمييزية لتحقيق التنمية المستدامة وإنفاذها",
        "پەرەپێدان و جێبەجێکردنی یاسا و سیاسەتی بێ جیاکاری بۆ گەشەپێدانی بەردەوام",
    ),
}

CEDAW_SOURCE = (
    "Convention on the Elimination of All Forms of Discrimination against Women, adopted by "
    "General Assembly resolution 34/180 (A/RES/34/180) of 18 December 1979, article {number}. "
    "The title names the article's subject; it is not the article's text or an official title."
)
CEDAW_URL = "https://undocs.org/A/RES/34/180"

# article number: subject (English, Arabic, Kurdish), ours
CEDAW_SUBJECTS = {
    1: (
        "definition of discrimination against women",
        "تعريف التمييز ضد المرأة",
        "پێناسەی جیاکاری دژی ئافرەتان",
    ),
    2: (
        "obligations to eliminate discrimination: policy and legislation",
        "التزامات القضاء على التمييز: السياسات والتشريعات",
        "پابەندبوون بە نەهێشتنی جیاکاری: سیاسەت و یاسادانان",
    ),
    3: (
        "human rights and fundamental freedoms guaranteed",
        "ضمان حقوق الإنسان والحريات الأساسية",
        "گەرەنتیکردنی مافەکانی مرۆڤ و ئازادییە بنەڕەتییەکان",
    ),
    4: ("temporary special measures", "التدابير الخاصة المؤقتة", "ڕێوشوێنە تایبەتە کاتییەکان"),
    5: (
        "sex roles and stereotypes",
        "الأدوار والقوالب النمطية للجنسين",
        "ڕۆڵ و وێنە چەسپاوەکانی ڕەگەز",
    ),
    6: (
        "trafficking in women and exploitation of prostitution",
        "الاتجار بالمرأة واستغلال بغائها",
        "بازرگانیکردن بە ئافرەتان و چەوساندنەوەیان لە لەشفرۆشیدا",
    ),
    7: ("political and public life", "الحياة السياسية والعامة", "ژیانی سیاسی و گشتی"),
    8: (
        "representation at the international level",
        "التمثيل على المستوى الدولي",
        "نوێنەرایەتی لە ئاستی نێودەوڵەتیدا",
    ),
    9: ("nationality", "الجنسية", "ڕەگەزنامە"),
    10: ("education", "التعليم", "پەروەردە و خوێندن"),
    11: ("employment", "العمل", "کار و دامەزراندن"),
    12: ("health care", "الرعاية الصحية", "چاودێریی تەندروستی"),
    13: ("economic and social life", "الحياة الاقتصادية والاجتماعية", "ژیانی ئابووری و کۆمەڵایەتی"),
    14: ("rural women", "المرأة الريفية", "ئافرەتانی گوند"),
    15: ("equality before the law", "المساواة أمام القانون", "یەکسانی لەبەردەم یاسادا"),
    16: (
        "marriage and family relations",
        "الزواج والعلاقات الأسرية",
        "هاوسەرگیری و پەیوەندییە خێزانییەکان",
    ),
}
SUBJECT_LABELS = ("Subject: ", "الموضوع: ", "بابەت: ")

# The 1325 global indicators, only as far as we could read and cite them (see the module's
# docstring): (code, order, (English, Arabic, Kurdish), source, url)
UNSCR_1325 = [
    (
        "S/2010/498",
        0,
        (
            "Global indicators to track the implementation of resolution 1325 (2000), in four "
            "pillars: prevention, participation, protection, relief and recovery",
            "المؤشرات العالمية لتتبع تنفيذ القرار 1325 (2000)، في أربعة محاور: الوقاية والمشاركة "
            "والحماية والإغاثة والتعافي",
            "پێوەرە جیهانییەکان بۆ بەدواداچوونی جێبەجێکردنی بڕیاری 1325 (2000)، لە چوار تەوەردا: "
            "ڕێگری، بەشداری، پاراستن، فریاگوزاری و چاکبوونەوە",
        ),
        "Women and peace and security, report of the Secretary-General, S/2010/498 "
        "(28 September 2010), annex: 26 indicators organised in four pillars (prevention, "
        "participation, protection, relief and recovery), listed on pages 15-21 of the report. "
        "Read in the list published by PeaceWomen (WILPF), Indicators & Monitoring: Women, "
        "Peace and Security.",
        "http://www.peacewomen.org/security-council/WPS-indicators-and-monitoring",
    ),
    (
        "11a",
        11,
        (
            "Representation of women among mediators, negotiators and technical experts in "
            "formal peace negotiations",
            "تمثيل النساء بين الوسطاء والمفاوضين والخبراء الفنيين في مفاوضات السلام الرسمية",
            "نوێنەرایەتیی ئافرەتان لە نێو ناوبژیوانان و دانوستانکاران و شارەزا تەکنیکییەکان لە "
            "دانوستانە فەرمییەکانی ئاشتیدا",
        ),
        "S/2010/498, annex, indicator 11a, as quoted (\u201cWPS Indicator 11a\u201d) in the "
        "indicators of the United Kingdom's national action plan on women, peace and security "
        "listed by WILPF UK (UK Indicators).",
        "http://pwnap1.tetra.in/index.php/wilpf-section/uk-indicators/",
    ),
]


def references():
    """Every shipped reference as (lookup, defaults) for core.seeding.upsert."""
    for order, (code, (en, ar, ckb)) in enumerate(SDG_TARGETS.items(), 1):
        yield (
            {"framework": FrameworkReference.Framework.SDG, "code": code},
            {
                "order": order,
                "title_en": en,
                "title_ar": ar,
                "title_ckb": ckb,
                "source": SDG_SOURCE.format(goal=code.split(".")[0], code=code),
                "url": SDG_URL,
            },
        )
    for number, subjects in CEDAW_SUBJECTS.items():
        en, ar, ckb = (
            label + subject for label, subject in zip(SUBJECT_LABELS, subjects, strict=True)
        )
        yield (
            {"framework": FrameworkReference.Framework.CEDAW, "code": f"Art. {number}"},
            {
                "order": number,
                "title_en": en,
                "title_ar": ar,
                "title_ckb": ckb,
                "source": CEDAW_SOURCE.format(number=number),
                "url": CEDAW_URL,
            },
        )
    for code, order, (en, ar, ckb), source, url in UNSCR_1325:
        yield (
            {"framework": FrameworkReference.Framework.UNSCR_1325, "code": code},
            {
                "order": order,
                "title_en": en,
                "title_ar": ar,
                "title_ckb": ckb,
                "source": source,
                "url": url,
            },
        )


def seed_framework_references(count=None) -> list[str]:
    """Create or update the shipped references (idempotent: unchanged rows are not written).
    Returns each row's outcome ("created", "updated", "unchanged"), also passed to `count`."""
    outcomes = []
    for lookup, defaults in references():
        _reference, outcome = upsert(FrameworkReference, lookup, defaults)
        outcomes.append(outcome)
        if count is not None:
            count(outcome)
    return outcomes
