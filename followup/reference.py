"""Reference data of the follow-up records, from the document the project started from:
../shared/source/conference-outcomes-2020-09-26.txt (the civil society conference of
26 September 2020 in Baghdad). Loaded by `manage.py seed_reference` (followup.seeding).

Nothing here is invented: the recommendations and conclusions are the document's, lightly
edited for grammar; the legal instruments are the four it names, at the one stage it attests
(not yet adopted on 26 September 2020). Later stages must be recorded with their own source.
Arabic and Kurdish texts are the project's translations, not official ones.
"""

SOURCE_DOCUMENT = "Civil Society Conference outcomes, Baghdad, 26 September 2020"

CONFERENCE = {
    "code": "cs-conference-2020-09",
    "date": "2020-09-26",
    "place": "Baghdad",
    "organiser": "alliance-1325",
    "reference": SOURCE_DOCUMENT,
    "title": (
        "Civil society conference: follow-up on Iraq's second National Action Plan for UNSCR 1325",
        "مؤتمر المجتمع المدني: متابعة خطة العمل الوطنية الثانية للعراق لقرار مجلس الأمن 1325",
        "کۆنفرانسی کۆمەڵگەی مەدەنی: بەدواداچوون بۆ دووەم پلانی کاری نیشتمانیی عێراق بۆ "
        "بڕیاری 1325ی ئەنجومەنی ئاسایش",
    ),
}

# (code, kind, government, pillar, (title en, ar, ckb), subject, stage note)
INSTRUMENTS = [
    (
        "anti-domestic-violence-law",
        "law",
        "federal",
        "legislation",
        (
            "Anti-Domestic Violence Law",
            "قانون مناهضة العنف الأسري",
            "یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی",
        ),
        "A federal law to protect women and families from domestic violence. The conference "
        "asked for its urgent adoption, given the rise of violence at home during the COVID-19 "
        "lockdowns.",
        "Not adopted on the date of the conference, which urged its adoption (“urgently adopt "
        "the Anti-Domestic Violence Law”); the document does not say which stage the draft had "
        "reached.",
    ),
    (
        "personal-status-law-amendment",
        "amendment",
        "federal",
        "legislation",
        (
            "Amendment of the discriminatory articles of the Personal Status Law",
            "تعديل المواد التمييزية في قانون الأحوال الشخصية",
            "هەموارکردنی ماددە جیاکارییەکانی یاسای باری کەسی",
        ),
        "Amend the articles of the Personal Status Law that discriminate against women.",
        "The conference asked, as a priority, to amend the discriminatory articles of the "
        "Personal Status Law; no amendment had been adopted.",
    ),
    (
        "penal-code-amendment",
        "amendment",
        "federal",
        "legislation",
        (
            "Amendment of the discriminatory articles of the Penal Code",
            "تعديل المواد التمييزية في قانون العقوبات",
            "هەموارکردنی ماددە جیاکارییەکانی یاسای سزادان",
        ),
        "Amend the articles of the Penal Code that discriminate against women.",
        "The conference asked, as a priority, to amend the discriminatory articles of the Penal "
        "Code; no amendment had been adopted.",
    ),
    (
        "criminal-procedure-law-amendment",
        "amendment",
        "federal",
        "legislation",
        (
            "Amendment of the discriminatory articles of the Criminal Procedure Law",
            "تعديل المواد التمييزية في قانون أصول المحاكمات الجزائية",
            "هەموارکردنی ماددە جیاکارییەکانی یاسای بنەماکانی دادگاییکردنی سزایی",
        ),
        "Amend the articles of the Criminal Procedure Law that discriminate against women.",
        "The conference asked, as a priority, to amend the discriminatory articles of the "
        "Procedure Law; no amendment had been adopted.",
    ),
]

# Sections of the document, in its order: code -> (en, ar, ckb)
SECTIONS = {
    "s1": (
        "Session 1 conclusions: the National Policy",
        "استنتاجات الجلسة الأولى: السياسة الوطنية",
        "دەرئەنجامەکانی دانیشتنی یەکەم: سیاسەتی نیشتمانی",
    ),
    "covid-participation": (
        "COVID-19 measures: participation",
        "تدابير جائحة كوفيد-19: المشاركة",
        "ڕێوشوێنەکانی کۆڤید-19: بەشداریکردن",
    ),
    "covid-protection": (
        "COVID-19 measures: protection and prevention",
        "تدابير جائحة كوفيد-19: الحماية والوقاية",
        "ڕێوشوێنەکانی کۆڤید-19: پاراستن و ڕێگری",
    ),
    "covid-legal": (
        "COVID-19 measures: legal protection",
        "تدابير جائحة كوفيد-19: الحماية القانونية",
        "ڕێوشوێنەکانی کۆڤید-19: پاراستنی یاسایی",
    ),
    "covid-recovery": (
        "COVID-19 measures: economic recovery",
        "تدابير جائحة كوفيد-19: التعافي الاقتصادي",
        "ڕێوشوێنەکانی کۆڤید-19: چاککردنەوەی ئابووری",
    ),
    "s3": (
        "Session 3 conclusions: civil society and localisation",
        "استنتاجات الجلسة الثالثة: المجتمع المدني والتوطين",
        "دەرئەنجامەکانی دانیشتنی سێیەم: کۆمەڵگەی مەدەنی و خۆماڵیکردن",
    ),
    "general-conclusions": ("General conclusions", "الاستنتاجات العامة", "دەرئەنجامە گشتییەکان"),
    "general-recommendations": ("General recommendations", "التوصيات العامة", "ڕاسپاردە گشتییەکان"),
}

# (code, kind, section, pillar or None, addressee or None, (text en, ar, ckb))
RECOMMENDATIONS = [
    (
        "s1-1",
        "conclusion",
        "s1",
        None,
        "wed",
        (
            "The National Policy for Empowerment of Iraqi Women has considered the recommendations "
            "of the civil society conference of February 2020 in Erbil.",
            "أخذت السياسة الوطنية لتمكين المرأة العراقية بنظر الاعتبار توصيات مؤتمر "
            "المجتمع المدني المنعقد في أربيل في شباط 2020.",
            "سیاسەتی نیشتمانیی بەهێزکردنی ئافرەتانی عێراق ڕاسپاردەکانی کۆنفرانسی کۆمەڵگەی "
            "مەدەنی لە شوباتی 2020 لە هەولێر لەبەرچاو گرتووە.",
        ),
    ),
    (
        "s1-2",
        "conclusion",
        "s1",
        None,
        "wed",
        (
            "The implementation plan of the Policy has considered and combined the pillars "
            "addressing all areas: participation, protection, prevention and economic recovery, "
            "as well as legislation.",
            "راعت الخطة التنفيذية للسياسة المحاور التي تتناول جميع المجالات وجمعت بينها: "
            "المشاركة والحماية والوقاية والتعافي الاقتصادي، فضلاً عن التشريعات.",
            "پلانی جێبەجێکردنی سیاسەتەکە ئەو تەوەرانەی لەبەرچاو گرتووە و کۆی کردوونەتەوە "
            "کە هەموو بوارەکان دەگرنەوە: بەشداریکردن، پاراستن، ڕێگری و چاککردنەوەی "
            "ئابووری، هەروەها یاسادانان.",
        ),
    ),
    (
        "s1-3",
        "conclusion",
        "s1",
        None,
        "wed",
        (
            "There is a clear focus on the monitoring and evaluation mechanism, recommended at the "
            "February conference on the basis of the National Report on the first NAP.",
            "ثمة تركيز واضح على آلية الرصد والتقييم التي أوصى بها مؤتمر شباط استناداً إلى "
            "التقرير الوطني عن خطة العمل الوطنية الأولى.",
            "بە ڕوونی جەخت لەسەر میکانیزمی چاودێری و هەڵسەنگاندن کراوەتەوە، کە کۆنفرانسی "
            "شوبات لەسەر بنەمای ڕاپۆرتی نیشتمانی دەربارەی یەکەم پلانی کاری نیشتمانی "
            "ڕایسپاردبوو.",
        ),
    ),
    (
        "s1-4",
        "conclusion",
        "s1",
        None,
        "wed",
        (
            "The Policy includes a media plan with clear objectives and actions.",
            "تتضمن السياسة خطة إعلامية ذات أهداف وإجراءات واضحة.",
            "سیاسەتەکە پلانێکی ڕاگەیاندن لەخۆ دەگرێت کە ئامانج و کاری ڕوونی هەیە.",
        ),
    ),
    (
        "s1-5",
        "conclusion",
        "s1",
        None,
        "wed",
        (
            "There are clear funding mechanisms, combining the recommended sources of funding: "
            "ministerial efforts, the State budget, the private sector and international support.",
            "توجد آليات تمويل واضحة تجمع بين مصادر التمويل الموصى بها: جهود الوزارات، "
            "والموازنة العامة للدولة، والقطاع الخاص، والدعم الدولي.",
            "میکانیزمی ڕوونی پارەدان هەن کە سەرچاوە ڕاسپێردراوەکانی پارەدان کۆ دەکەنەوە: "
            "هەوڵی وەزارەتەکان، بودجەی گشتی دەوڵەت، کەرتی تایبەت و پاڵپشتی نێودەوڵەتی.",
        ),
    ),
    (
        "s1-6",
        "conclusion",
        "s1",
        None,
        "wed",
        (
            "The Directorate was commended for its leadership in developing the National Policy "
            "and for its efficient and continuous coordination with the governorates and CSOs.",
            "أُشيد بالدائرة لقيادتها عملية إعداد السياسة الوطنية ولتنسيقها الفعّال "
            "والمستمر مع المحافظات ومنظمات المجتمع المدني.",
            "دەستخۆشی لە فەرمانگە کرا بۆ سەرکردایەتیکردنی ئامادەکردنی سیاسەتی نیشتمانی و "
            "بۆ هەماهەنگیی کارا و بەردەوامی لەگەڵ پارێزگاکان و ڕێکخراوەکانی کۆمەڵگەی "
            "مەدەنی.",
        ),
    ),
    (
        "covid-p1",
        "recommendation",
        "covid-participation",
        "participation",
        None,
        (
            "Enhance the participation of women in decision-making linked to the COVID-19 crisis "
            "in all fields (health, education, politics).",
            "تعزيز مشاركة المرأة في صنع القرار المرتبط بأزمة كوفيد-19 في جميع المجالات "
            "(الصحة، التعليم، السياسة).",
            "بەهێزکردنی بەشداریی ئافرەتان لە بڕیاردانی پەیوەست بە قەیرانی کۆڤید-19 لە "
            "هەموو بوارەکاندا (تەندروستی، پەروەردە، سیاسەت).",
        ),
    ),
    (
        "covid-p2",
        "recommendation",
        "covid-participation",
        "participation",
        None,
        (
            "Enhance the role of women in crisis management.",
            "تعزيز دور المرأة في إدارة الأزمات.",
            "بەهێزکردنی ڕۆڵی ئافرەتان لە بەڕێوەبردنی قەیرانەکاندا.",
        ),
    ),
    (
        "covid-p3",
        "recommendation",
        "covid-participation",
        "participation",
        "comsec",
        (
            "Take affirmative measures to increase the representation of women in the national "
            "decision-making structures dealing with COVID-19, to ensure a gender perspective in "
            "healthcare decisions.",
            "اتخاذ تدابير إيجابية لزيادة تمثيل المرأة في هياكل صنع القرار الوطنية المعنية "
            "بجائحة كوفيد-19، لضمان مراعاة منظور النوع الاجتماعي في القرارات المتعلقة "
            "بالرعاية الصحية.",
            "گرتنەبەری ڕێوشوێنی ئەرێنی بۆ زیادکردنی نوێنەرایەتیی ئافرەتان لە پێکهاتە "
            "نیشتمانییەکانی بڕیارداندا کە مامەڵە لەگەڵ کۆڤید-19 دەکەن، بۆ دڵنیابوون لە "
            "ڕەچاوکردنی ڕوانگەی جێندەر لە بڕیارەکانی چاودێریی تەندروستیدا.",
        ),
    ),
    (
        "covid-p4",
        "recommendation",
        "covid-participation",
        "participation",
        None,
        (
            "Consult women's organisations and consider their analyses and recommendations when "
            "making decisions to respond to the pandemic.",
            "التشاور مع المنظمات النسائية والأخذ بتحليلاتها وتوصياتها عند اتخاذ القرارات "
            "الخاصة بالاستجابة للجائحة.",
            "ڕاوێژکردن بە ڕێکخراوەکانی ئافرەتان و لەبەرچاوگرتنی شیکاری و ڕاسپاردەکانیان لە "
            "کاتی بڕیاردان بۆ وەڵامدانەوەی پەتاکە.",
        ),
    ),
    (
        "covid-pp1",
        "recommendation",
        "covid-protection",
        "protection",
        "wed",
        (
            "The Directorate to provide regular gender analysis, to be incorporated in the "
            "institutional preparedness and response to the crisis and after it, to improve "
            "equality in the health-care response and the prevention of violence against women "
            "and girls.",
            "أن تقدّم الدائرة تحليلاً دورياً قائماً على النوع الاجتماعي يُدمج في الجاهزية "
            "المؤسسية والاستجابة للأزمة وما بعدها، بما يعزّز المساواة في الاستجابة الصحية "
            "والوقاية من العنف ضد النساء والفتيات.",
            "فەرمانگە بە شێوەیەکی بەردەوام شیکاریی جێندەر پێشکەش بکات، تاوەکو بخرێتە ناو "
            "ئامادەباشیی دامەزراوەیی و وەڵامدانەوەی قەیرانەکە و دوای ئەویش، بۆ باشترکردنی "
            "یەکسانی لە وەڵامدانەوەی تەندروستیدا و ڕێگریکردن لە توندوتیژی دژی ئافرەتان و "
            "کچان.",
        ),
    ),
    (
        "covid-pp2",
        "recommendation",
        "covid-protection",
        "protection",
        "moh",
        (
            "Ensure access to sexual and reproductive health-care services during the COVID-19 "
            "pandemic for the most vulnerable women, such as IDPs and women in villages and remote "
            "areas.",
            "ضمان حصول النساء الأكثر هشاشة، كالنازحات والنساء في القرى والمناطق النائية، "
            "على خدمات الرعاية الصحية الجنسية والإنجابية خلال جائحة كوفيد-19.",
            "دڵنیابوون لە گەیشتنی لاوازترین ئافرەتان، وەک ئاوارەکان و ئافرەتانی گوند و "
            "ناوچە دوورەدەستەکان، بە خزمەتگوزارییەکانی چاودێریی تەندروستیی سێکسی و زاوزێ "
            "لە ماوەی پەتای کۆڤید-19دا.",
        ),
    ),
    (
        "covid-pp3",
        "recommendation",
        "covid-protection",
        "protection",
        None,
        (
            "Ensure the continuity of psychosocial support services, helplines and online legal "
            "counselling for victims of violence against women and girls during lockdowns and "
            "beyond, at national and local levels, and spread information on their availability.",
            "ضمان استمرارية خدمات الدعم النفسي والاجتماعي وخطوط المساعدة الهاتفية "
            "والاستشارات القانونية عبر الإنترنت لضحايا العنف ضد النساء والفتيات خلال فترات "
            "الإغلاق وما بعدها، على المستويين الوطني والمحلي، ونشر المعلومات عن توفرها.",
            "دڵنیابوون لە بەردەوامیی خزمەتگوزارییەکانی پشتگیریی دەروونی و کۆمەڵایەتی، هێڵە "
            "تەلەفۆنییەکانی یارمەتی و ڕاوێژی یاسایی ئۆنلاین بۆ قوربانیانی توندوتیژی دژی "
            "ئافرەتان و کچان لە ماوەی قەدەغەی هاتوچۆ و دوای ئەویش، لەسەر ئاستی نیشتمانی و "
            "ناوخۆیی، و بڵاوکردنەوەی زانیاری دەربارەی بەردەستبوونیان.",
        ),
    ),
    (
        "covid-l1",
        "recommendation",
        "covid-legal",
        "legislation",
        None,
        (
            "Address violence against women and girls as a priority of the governmental measures "
            "on the impact of COVID-19 on women, and urgently put the domestic violence law "
            "forward for adoption; make sure protection measures are taken immediately and "
            "resources allocated.",
            "معالجة العنف ضد النساء والفتيات بوصفها أولوية في الإجراءات الحكومية المتعلقة "
            "بأثر كوفيد-19 على المرأة، والإسراع في طرح قانون مناهضة العنف الأسري لإقراره؛ "
            "والتأكد من اتخاذ تدابير الحماية فوراً وتخصيص الموارد لها.",
            "چارەسەرکردنی توندوتیژی دژی ئافرەتان و کچان وەک ئەولەویەتێک لە ڕێوشوێنە "
            "حکومییەکان دەربارەی کاریگەریی کۆڤید-19 لەسەر ئافرەتان، و بە پەلە پێشکەشکردنی "
            "یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی بۆ پەسەندکردن؛ دڵنیابوون لەوەی "
            "ڕێوشوێنەکانی پاراستن دەستبەجێ دەگیرێنەبەر و سەرچاوەیان بۆ تەرخان دەکرێت.",
        ),
    ),
    (
        "covid-e1",
        "recommendation",
        "covid-recovery",
        "recovery",
        None,
        (
            "Apply gender analysis when adopting COVID-19 recovery measures, learning from the "
            "negative effects on women of earlier financial and economic crises.",
            "تطبيق تحليل النوع الاجتماعي عند اعتماد تدابير التعافي من كوفيد-19، واستخلاص "
            "الدروس من الآثار السلبية التي خلّفتها الأزمات المالية والاقتصادية السابقة على "
            "المرأة.",
            "بەکارهێنانی شیکاریی جێندەر لە کاتی پەسەندکردنی ڕێوشوێنەکانی چاکبوونەوە لە "
            "کۆڤید-19، و وەرگرتنی پەند لە کاریگەرییە نەرێنییەکانی قەیرانە دارایی و "
            "ئابوورییەکانی پێشوو لەسەر ئافرەتان.",
        ),
    ),
    (
        "covid-e2",
        "recommendation",
        "covid-recovery",
        "recovery",
        None,
        (
            "Base economic recovery measures and subsidies on a gender assessment of the impact "
            "of the pandemic, including the barriers that social norms and gender stereotypes "
            "pose for women.",
            "بناء تدابير التعافي الاقتصادي والإعانات على تقييم قائم على النوع الاجتماعي "
            "لأثر الجائحة، بما في ذلك العوائق التي تفرضها الأعراف الاجتماعية والصور "
            "النمطية الجندرية على المرأة.",
            "بنیاتنانی ڕێوشوێنەکانی چاکبوونەوەی ئابووری و یارمەتییە داراییەکان لەسەر "
            "هەڵسەنگاندنێکی جێندەریی کاریگەریی پەتاکە، لەوانەش ئەو ڕێگرانەی نەریتە "
            "کۆمەڵایەتییەکان و وێنە چەسپاوە جێندەرییەکان بۆ ئافرەتان دروستیان دەکەن.",
        ),
    ),
    (
        "covid-e3",
        "recommendation",
        "covid-recovery",
        "recovery",
        "molsa",
        (
            "Address the informal sector by considering an adequate minimum wage, eligible for "
            "social security, for all forms of non-standard employment.",
            "معالجة أوضاع القطاع غير المنظم من خلال النظر في حدّ أدنى مناسب للأجور، يؤهّل "
            "للضمان الاجتماعي، لجميع أشكال العمل غير النمطي.",
            "چارەسەرکردنی کەرتی نافەرمی لە ڕێگەی لەبەرچاوگرتنی کەمترین ئاستی گونجاوی کرێ، "
            "کە مافی دەستەبەری کۆمەڵایەتی بدات، بۆ هەموو شێوەکانی کاری ناستاندارد.",
        ),
    ),
    (
        "covid-e4",
        "recommendation",
        "covid-recovery",
        "recovery",
        None,
        (
            "Plan and invest in affordable and accessible childcare services.",
            "التخطيط لخدمات رعاية الأطفال ميسورة الكلفة وسهلة الوصول والاستثمار فيها.",
            "پلاندانان و وەبەرهێنان لە خزمەتگوزارییەکانی چاودێریی منداڵ کە نرخیان گونجاو "
            "بێت و بە ئاسانی دەستیان پێ ڕابگات.",
        ),
    ),
    (
        "covid-e5",
        "recommendation",
        "covid-recovery",
        "recovery",
        "molsa",
        (
            "Consider the rise in unemployment linked to COVID-19 and plan financial support for "
            "women-headed households, single mothers and persons with specific needs.",
            "مراعاة ارتفاع معدلات البطالة المرتبطة بكوفيد-19 والتخطيط لتقديم الدعم المالي "
            "للأسر التي تعيلها نساء والأمهات اللواتي يُعِلن أطفالهن بمفردهن والأشخاص ذوي "
            "الاحتياجات الخاصة.",
            "لەبەرچاوگرتنی زیادبوونی بێکاری پەیوەست بە کۆڤید-19 و پلاندانان بۆ پشتگیریی "
            "دارایی بۆ ئەو خێزانانەی ژن سەرپەرشتیاریانە، ئەو دایکانەی بە تەنها "
            "منداڵەکانیان بەخێو دەکەن و کەسانی خاوەن پێداویستیی تایبەت.",
        ),
    ),
    (
        "covid-e6",
        "recommendation",
        "covid-recovery",
        "recovery",
        None,
        (
            "Ensure that refugee and displaced women have access to jobs and to social and health "
            "protection.",
            "ضمان حصول النساء اللاجئات والنازحات على فرص العمل والحماية الاجتماعية والصحية.",
            "دڵنیابوون لەوەی ئافرەتانی پەنابەر و ئاوارە دەستیان بە هەلی کار و پاراستنی "
            "کۆمەڵایەتی و تەندروستی ڕادەگات.",
        ),
    ),
    (
        "s3-1",
        "conclusion",
        "s3",
        None,
        None,
        (
            "The work on the Women, Peace and Security Agenda needs a structured partnership "
            "between civil society and government agencies, mechanisms that strengthen "
            "communication between them, allocated resources and adequate funding.",
            "يحتاج العمل على أجندة المرأة والسلام والأمن إلى شراكة منظمة بين المجتمع "
            "المدني والجهات الحكومية، وآليات تعزز التواصل بينهما، وموارد مخصصة وتمويل "
            "كافٍ.",
            "کارکردن لەسەر ئەجێندای ئافرەت، ئاشتی و ئاسایش پێویستی بە هاوبەشییەکی ڕێکخراو "
            "لە نێوان کۆمەڵگەی مەدەنی و دەزگا حکومییەکان، میکانیزمی بەهێزکردنی پەیوەندی لە "
            "نێوانیاندا، سەرچاوەی تەرخانکراو و پارەدانی پێویست هەیە.",
        ),
    ),
    (
        "s3-2",
        "conclusion",
        "s3",
        "legislation",
        None,
        (
            "Civil society plays an important role in supporting women parliamentarians to adopt "
            "legislation on women's rights, especially on combating domestic violence.",
            "يؤدي المجتمع المدني دوراً مهماً في دعم البرلمانيات لإقرار تشريعات خاصة بحقوق "
            "المرأة، ولا سيما في مجال مناهضة العنف الأسري.",
            "کۆمەڵگەی مەدەنی ڕۆڵێکی گرنگ دەگێڕێت لە پشتگیریکردنی ئافرەتانی پەرلەمانتار بۆ "
            "پەسەندکردنی یاساکانی تایبەت بە مافەکانی ئافرەتان، بە تایبەتی بەرەنگاربوونەوەی "
            "توندوتیژیی خێزانی.",
        ),
    ),
    (
        "s3-3",
        "conclusion",
        "s3",
        "protection",
        None,
        (
            "In the frame of the National Policy, include measures for accountability and "
            "reparation for victims of sexual violence, especially compensation for Yazidi women "
            "survivors of sexual violence.",
            "تضمين السياسة الوطنية تدابير للمساءلة وجبر الضرر لضحايا العنف الجنسي، ولا "
            "سيما تعويض الناجيات الإيزيديات من العنف الجنسي.",
            "لە چوارچێوەی سیاسەتی نیشتمانیدا، ڕێوشوێن بۆ لێپرسینەوە و قەرەبووکردنەوەی "
            "زیانی قوربانیانی توندوتیژیی سێکسی دابنرێت، بە تایبەتی قەرەبووکردنەوەی ئافرەتە "
            "ئێزیدییە ڕزگاربووەکانی توندوتیژیی سێکسی.",
        ),
    ),
    (
        "s3-4",
        "conclusion",
        "s3",
        None,
        "alliance-1325",
        (
            "Alliance 1325 is ready to provide technical support to civil society organisations to "
            "follow up the implementation of the National Policy, and to organise an independent "
            "civil society monitoring and evaluation mechanism.",
            "تحالف 1325 مستعد لتقديم الدعم الفني لمنظمات المجتمع المدني لمتابعة تنفيذ "
            "السياسة الوطنية، ولتنظيم آلية مستقلة للرصد والتقييم يتولاها المجتمع المدني.",
            "هاوپەیمانیی 1325 ئامادەیە پشتگیریی تەکنیکی پێشکەش بە ڕێکخراوەکانی کۆمەڵگەی "
            "مەدەنی بکات بۆ بەدواداچوونی جێبەجێکردنی سیاسەتی نیشتمانی، و میکانیزمێکی "
            "سەربەخۆی چاودێری و هەڵسەنگاندنی کۆمەڵگەی مەدەنی ڕێک بخات.",
        ),
    ),
    (
        "gc-1",
        "conclusion",
        "general-conclusions",
        None,
        None,
        (
            "The National Policy for Empowerment of Iraqi Women is the main umbrella for plans and "
            "programmes related to women. Derived from the Women, Peace and Security Agenda, it "
            "gives a broader framework for implementing women's rights, while respecting both the "
            "pillars of UNSCR 1325 and the particular context of Iraq.",
            "السياسة الوطنية لتمكين المرأة العراقية هي المظلة الرئيسية للخطط والبرامج "
            "المتعلقة بالمرأة. وهي مستمدة من أجندة المرأة والسلام والأمن، وتوفر إطاراً "
            "أوسع لإعمال حقوق المرأة، مع مراعاة محاور قرار مجلس الأمن 1325 والسياق الخاص "
            "بالعراق في آن واحد.",
            "سیاسەتی نیشتمانیی بەهێزکردنی ئافرەتانی عێراق چەتری سەرەکیی پلان و بەرنامەکانی "
            "پەیوەست بە ئافرەتانە. لە ئەجێندای ئافرەت، ئاشتی و ئاسایش وەرگیراوە و "
            "چوارچێوەیەکی فراوانتر بۆ جێبەجێکردنی مافەکانی ئافرەتان دەڕەخسێنێت، و لە هەمان "
            "کاتدا ڕێز لە تەوەرەکانی بڕیاری 1325ی ئەنجومەنی ئاسایش و دۆخی تایبەتی عێراق "
            "دەگرێت.",
        ),
    ),
    (
        "gc-2",
        "conclusion",
        "general-conclusions",
        None,
        None,
        (
            "Following the recommendations of the national civil society conference of February "
            "2020 in Erbil, the National Policy includes the discussed pillars and the recommended "
            "monitoring and evaluation mechanism, media plan, funding mechanism and localisation "
            "mechanism.",
            "استجابةً لتوصيات المؤتمر الوطني للمجتمع المدني المنعقد في أربيل في شباط 2020، "
            "تتضمن السياسة الوطنية المحاور التي نوقشت، وما أُوصي به من آلية للرصد والتقييم "
            "وخطة إعلامية وآلية تمويل وآلية توطين.",
            "بە پێی ڕاسپاردەکانی کۆنفرانسی نیشتمانیی کۆمەڵگەی مەدەنی لە شوباتی 2020 لە "
            "هەولێر، سیاسەتی نیشتمانی ئەو تەوەرانەی گفتوگۆیان لەسەر کرا لەخۆ دەگرێت، "
            "هەروەها میکانیزمی چاودێری و هەڵسەنگاندن، پلانی ڕاگەیاندن، میکانیزمی پارەدان و "
            "میکانیزمی خۆماڵیکردن کە ڕاسپێردرابوون.",
        ),
    ),
    (
        "gc-3",
        "conclusion",
        "general-conclusions",
        None,
        None,
        (
            "The National Policy provides a platform that unifies the efforts of the Government, "
            "institutions and civil society organisations.",
            "توفر السياسة الوطنية منصة توحّد جهود الحكومة والمؤسسات ومنظمات المجتمع المدني.",
            "سیاسەتی نیشتمانی سەکۆیەک دابین دەکات کە هەوڵەکانی حکومەت، دامەزراوەکان و "
            "ڕێکخراوەکانی کۆمەڵگەی مەدەنی یەک دەخات.",
        ),
    ),
    (
        "gr-1",
        "recommendation",
        "general-recommendations",
        "legislation",
        None,
        (
            "In the COVID-19 crisis, with reports of increasing violence against women at home, "
            "urgently adopt the Anti-Domestic Violence Law and, as a priority, amend the "
            "discriminatory articles of the Personal Status Law, the Penal Code and the Procedure "
            "Law.",
            "في ظل أزمة كوفيد-19 وما يرد من تقارير عن تزايد العنف ضد النساء داخل المنزل، "
            "الإسراع في إقرار قانون مناهضة العنف الأسري، وتعديل المواد التمييزية في قانون "
            "الأحوال الشخصية وقانون العقوبات وقانون أصول المحاكمات الجزائية على سبيل "
            "الأولوية.",
            "لە قەیرانی کۆڤید-19دا، لەگەڵ ئەو ڕاپۆرتانەی باس لە زیادبوونی توندوتیژی دژی "
            "ئافرەتان لە ماڵەوە دەکەن، بە پەلە یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی "
            "پەسەند بکرێت و، وەک ئەولەویەت، ماددە جیاکارییەکانی یاسای باری کەسی، یاسای "
            "سزادان و یاسای بنەماکانی دادگاییکردنی سزایی هەموار بکرێن.",
        ),
    ),
    (
        "gr-2",
        "recommendation",
        "general-recommendations",
        None,
        "wed",
        (
            "Include measures to address the consequences of the COVID-19 pandemic on women and "
            "girls in the National Policy, and pay special attention to reaching out to and "
            "supporting organisations in the far districts and sub-districts, which is essential "
            "for localising the National Policy and its implementation plan.",
            "تضمين السياسة الوطنية تدابير لمعالجة تبعات جائحة كوفيد-19 على النساء "
            "والفتيات، وإيلاء اهتمام خاص للوصول إلى المنظمات في الأقضية والنواحي البعيدة "
            "ودعمها، وهو أمر أساسي لتوطين السياسة الوطنية وخطتها التنفيذية.",
            "لەخۆگرتنی ڕێوشوێن لە سیاسەتی نیشتمانیدا بۆ چارەسەرکردنی دەرئەنجامەکانی پەتای "
            "کۆڤید-19 لەسەر ئافرەتان و کچان، و گرنگیدانی تایبەت بە گەیشتن بە ڕێکخراوەکانی "
            "قەزا و ناحیە دوورەکان و پشتگیریکردنیان، کە بۆ خۆماڵیکردنی سیاسەتی نیشتمانی و "
            "پلانی جێبەجێکردنەکەی پێویستە.",
        ),
    ),
    (
        "gr-3",
        "recommendation",
        "general-recommendations",
        None,
        "wed",
        (
            "The Women's Empowerment Directorate to take the lead, continue its coordination with "
            "the governorates and civil society, and become the main source of support to the "
            "different sectors.",
            "أن تتولى دائرة تمكين المرأة زمام القيادة، وتواصل تنسيقها مع المحافظات "
            "والمجتمع المدني، وتصبح المصدر الرئيسي للدعم للقطاعات المختلفة.",
            "فەرمانگەی بەهێزکردنی ئافرەتان سەرکردایەتی بگرێتە دەست، هەماهەنگیی خۆی لەگەڵ "
            "پارێزگاکان و کۆمەڵگەی مەدەنی بەردەوام بکات، و ببێتە سەرچاوەی سەرەکیی پشتگیری "
            "بۆ کەرتە جیاوازەکان.",
        ),
    ),
    (
        "gr-4",
        "recommendation",
        "general-recommendations",
        "legislation",
        "wed",
        (
            "The Women's Empowerment Directorate to support women parliamentarians in raising "
            "awareness and mobilising for amendments to legislation and for gender-sensitive "
            "budgets.",
            "أن تدعم دائرة تمكين المرأة البرلمانيات في رفع الوعي والحشد من أجل تعديل "
            "التشريعات واعتماد ميزانيات مراعية للنوع الاجتماعي.",
            "فەرمانگەی بەهێزکردنی ئافرەتان پشتگیریی ئافرەتانی پەرلەمانتار بکات لە "
            "بەرزکردنەوەی هۆشیاری و هاندان بۆ هەموارکردنی یاساکان و بۆ بودجەی هەستیار بە "
            "جێندەر.",
        ),
    ),
    (
        "gr-5",
        "recommendation",
        "general-recommendations",
        None,
        "unami",
        (
            "The United Nations Assistance Mission for Iraq (UNAMI) to provide a UN umbrella in "
            "support of the National Policy for Women's Empowerment.",
            "أن توفر بعثة الأمم المتحدة لمساعدة العراق (يونامي) مظلة أممية لدعم السياسة "
            "الوطنية لتمكين المرأة.",
            "نێردەی هاوکاری نەتەوە یەکگرتووەکان بۆ عێراق (یونامی) چەترێکی نەتەوە "
            "یەکگرتووەکان بۆ پشتگیریکردنی سیاسەتی نیشتمانیی بەهێزکردنی ئافرەتان دابین "
            "بکات.",
        ),
    ),
    (
        "gr-6",
        "recommendation",
        "general-recommendations",
        None,
        "alliance-1325",
        (
            "Alliance 1325 to organise a civil society follow-up mechanism to support the "
            "implementation of the National Policy.",
            "أن ينظّم تحالف 1325 آلية متابعة للمجتمع المدني لدعم تنفيذ السياسة الوطنية.",
            "هاوپەیمانیی 1325 میکانیزمێکی بەدواداچوونی کۆمەڵگەی مەدەنی ڕێک بخات بۆ "
            "پشتگیریکردنی جێبەجێکردنی سیاسەتی نیشتمانی.",
        ),
    ),
]
