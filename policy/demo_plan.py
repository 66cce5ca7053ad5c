"""Demo implementation plan built from the 2020 Baghdad civil-society conference outcomes."""

OBJECTIVES = [
    {
        "code": "1.1",
        "pillar": "participation",
        "title": {
            "en": (
                "Women's participation in decision-making on the COVID-19 crisis is enhanced in "
                "all fields (health, education, politics)"
            ),
            "ar": (
                "تعزيز مشاركة المرأة في صنع القرار المتعلق بأزمة جائحة كوفيد-19 في جميع المجالات "
                "(الصحة والتعليم والسياسة)"
            ),
            "ckb": (
                "بەهێزکردنی بەشداریی ئافرەتان لە بڕیاردان سەبارەت بە قەیرانی پەتای کۆڤید-19 لە "
                "هەموو بوارەکاندا (تەندروستی، پەروەردە و سیاسەت)"
            ),
        },
        "indicators": [
            {
                "code": "1.1-o1",
                "title": {
                    "en": (
                        "Percentage of women among members of national and governorate COVID-19 "
                        "crisis cells"
                    ),
                    "ar": (
                        "نسبة النساء في عضوية خلايا الأزمة الخاصة بجائحة كوفيد-19 على المستويين "
                        "الوطني والمحلي"
                    ),
                    "ckb": (
                        "ڕێژەی ئافرەتان لە ئەندامانی شانەکانی قەیرانی کۆڤید-19 لە ئاستی نیشتمانی "
                        "و پارێزگاکاندا"
                    ),
                },
                "unit": "percent",
                "direction": "increase",
                "baseline": 6,
                "baseline_year": 2020,
                "target": 30,
                "data_source": "Membership lists of national and governorate crisis cells",
                "frequency": "semiannual",
                "aggregation": "latest",
                "disaggregations": ["governorate"],
                "responsible": "wed",
                "sensitive": False,
            },
        ],
        "activities": [
            {
                "code": "1.1.1",
                "title": {
                    "en": (
                        "Adopt affirmative measures to increase women's representation in "
                        "national and local decision-making structures dealing with COVID-19"
                    ),
                    "ar": (
                        "اتخاذ إجراءات تمييز إيجابي لزيادة تمثيل المرأة في هياكل صنع القرار "
                        "الوطنية والمحلية المعنية بجائحة كوفيد-19"
                    ),
                    "ckb": (
                        "گرتنەبەری ڕێوشوێنی جیاکاریی ئەرێنی بۆ زیادکردنی نوێنەرایەتیی ئافرەتان لە "
                        "پێکهاتەکانی بڕیاردانی نیشتمانی و ناوخۆیی تایبەت بە کۆڤید-19"
                    ),
                },
                "lead": "comsec",
                "partners": [
                    ("wed", "implementing"),
                    ("moh", "implementing"),
                    ("unami", "supporting"),
                ],
                "governorates": "nationwide",
                "groups": ["minorities", "women-with-disabilities"],
                "themes": ["covid-19"],
                "start": "2021-02-01",
                "end": "2021-12-31",
                "status": "completed",
                "budget": 45_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "state_budget",
                        "funder": None,
                        "year": 2021,
                        "planned": 45_000_000,
                        "committed": 45_000_000,
                        "disbursed": 41_500_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "1.1.1-a",
                        "title": {
                            "en": (
                                "Council of Ministers decision on women's representation in "
                                "COVID-19 crisis cells issued"
                            ),
                            "ar": (
                                "صدور قرار مجلس الوزراء بشأن تمثيل المرأة في خلايا الأزمة الخاصة "
                                "بجائحة كوفيد-19"
                            ),
                            "ckb": (
                                "دەرچوونی بڕیاری ئەنجومەنی وەزیران سەبارەت بە نوێنەرایەتیی "
                                "ئافرەتان لە شانەکانی قەیرانی کۆڤید-19"
                            ),
                        },
                        "unit": "yes_no",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 1,
                        "data_source": "Council of Ministers decisions (Official Gazette)",
                        "frequency": "annual",
                        "aggregation": "latest",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "1.1.2",
                "title": {
                    "en": (
                        "Train women leaders in health, education and local administration on "
                        "crisis management and gender-responsive emergency response"
                    ),
                    "ar": (
                        "تدريب القيادات النسائية في قطاعات الصحة والتعليم والإدارة المحلية على "
                        "إدارة الأزمات والاستجابة للطوارئ المراعية للنوع الاجتماعي"
                    ),
                    "ckb": (
                        "ڕاهێنانی ئافرەتانی سەرکردە لە کەرتەکانی تەندروستی، پەروەردە و ئیدارەی "
                        "ناوخۆیی لەسەر بەڕێوەبردنی قەیران و وەڵامدانەوەی فریاگوزاریی هەستیار بە "
                        "جێندەر"
                    ),
                },
                "lead": "wed",
                "partners": [
                    ("gov-office-baghdad", "implementing"),
                    ("gov-office-basra", "implementing"),
                    ("gov-office-ninewa", "implementing"),
                    ("un-women", "funding"),
                ],
                "governorates": ["IQ-BG", "IQ-BA", "IQ-NI", "IQ-NA", "IQ-DI"],
                "groups": ["rural-women"],
                "themes": ["covid-19"],
                "start": "2021-06-01",
                "end": "2023-12-31",
                "status": "in_progress",
                "budget": 180_000,
                "currency": "USD",
                "funding": [
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2021,
                        "planned": 90_000,
                        "committed": 90_000,
                        "disbursed": 84_000,
                    },
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2022,
                        "planned": 90_000,
                        "committed": 60_000,
                        "disbursed": 35_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "1.1.2-a",
                        "title": {
                            "en": "Number of women leaders trained in crisis management",
                            "ar": "عدد القيادات النسائية المدربات على إدارة الأزمات",
                            "ckb": (
                                "ژمارەی ئەو ئافرەتە سەرکردانەی لەسەر بەڕێوەبردنی قەیران ڕاهێنراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 600,
                        "data_source": "Training attendance lists",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["age", "governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "1.1.3",
                "title": {
                    "en": (
                        "Hold regular consultations with women's organisations and consider their "
                        "analyses and recommendations in pandemic response decisions"
                    ),
                    "ar": (
                        "عقد مشاورات دورية مع المنظمات النسوية والأخذ بتحليلاتها وتوصياتها عند "
                        "اتخاذ قرارات الاستجابة للجائحة"
                    ),
                    "ckb": (
                        "ئەنجامدانی ڕاوێژی خولی لەگەڵ ڕێکخراوەکانی ئافرەتان و لەبەرچاوگرتنی "
                        "شیکاری و ڕاسپاردەکانیان لە بڕیارەکانی وەڵامدانەوەی پەتاکەدا"
                    ),
                },
                "lead": "wed",
                "partners": [
                    ("alliance-1325", "implementing"),
                    ("iwn", "implementing"),
                    ("sawtuha", "implementing"),
                    ("unami", "supporting"),
                ],
                "governorates": "nationwide",
                "groups": ["minorities", "rural-women"],
                "themes": ["covid-19", "cso-monitoring"],
                "start": "2021-03-01",
                "end": "2024-12-31",
                "status": "in_progress",
                "budget": 60_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "ministerial",
                        "funder": "wed",
                        "year": 2021,
                        "planned": 20_000_000,
                        "committed": 20_000_000,
                        "disbursed": 18_500_000,
                    },
                    {
                        "source": "ministerial",
                        "funder": "wed",
                        "year": 2022,
                        "planned": 20_000_000,
                        "committed": 20_000_000,
                        "disbursed": 16_000_000,
                    },
                    {
                        "source": "ministerial",
                        "funder": "wed",
                        "year": 2023,
                        "planned": 20_000_000,
                        "committed": 12_000_000,
                        "disbursed": 7_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "1.1.3-a",
                        "title": {
                            "en": (
                                "Number of consultation sessions held with women's organisations"
                            ),
                            "ar": "عدد جلسات التشاور المنعقدة مع المنظمات النسوية",
                            "ckb": (
                                "ژمارەی ئەو دانیشتنە ڕاوێژکارییانەی لەگەڵ ڕێکخراوەکانی ئافرەتان "
                                "ئەنجامدراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 16,
                        "data_source": "Minutes of consultation sessions",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                    {
                        "code": "1.1.3-b",
                        "title": {
                            "en": (
                                "Number of recommendations from women's organisations reflected "
                                "in government response decisions"
                            ),
                            "ar": (
                                "عدد توصيات المنظمات النسوية التي أُخذ بها في قرارات الاستجابة "
                                "الحكومية"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ڕاسپاردانەی ڕێکخراوەکانی ئافرەتان کە لە بڕیارەکانی "
                                "وەڵامدانەوەی حکوومەتدا لەبەرچاو گیراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 40,
                        "data_source": "WED review of crisis cell decisions",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                ],
            },
        ],
    },
    {
        "code": "1.2",
        "pillar": "participation",
        "title": {
            "en": (
                "The role of civil society and local communities in localising, following up and "
                "monitoring the National Policy is strengthened, including in far districts and "
                "sub-districts"
            ),
            "ar": (
                "تعزيز دور المجتمع المدني والمجتمعات المحلية في توطين السياسة الوطنية ومتابعتها "
                "ورصد تنفيذها، بما في ذلك في الأقضية والنواحي النائية"
            ),
            "ckb": (
                "بەهێزکردنی ڕۆڵی کۆمەڵگەی مەدەنی و کۆمەڵگە خۆجێییەکان لە خۆماڵیکردن و بەدواداچوون "
                "و چاودێریکردنی جێبەجێکردنی سیاسەتی نیشتمانیدا، لەوانەش لە قەزا و ناحیە "
                "دوورەدەستەکان"
            ),
        },
        "indicators": [
            {
                "code": "1.2-o1",
                "title": {
                    "en": (
                        "Number of governorates with a local implementation plan for the National "
                        "Policy prepared with civil society"
                    ),
                    "ar": (
                        "عدد المحافظات التي لديها خطة محلية لتنفيذ السياسة الوطنية أُعدت بالشراكة "
                        "مع المجتمع المدني"
                    ),
                    "ckb": (
                        "ژمارەی ئەو پارێزگایانەی پلانێکی ناوخۆییان بۆ جێبەجێکردنی سیاسەتی "
                        "نیشتمانی هەیە کە بە هاوبەشی لەگەڵ کۆمەڵگەی مەدەنی ئامادە کراوە"
                    ),
                },
                "unit": "number",
                "direction": "increase",
                "baseline": 0,
                "baseline_year": 2020,
                "target": 15,
                "data_source": "WED register of governorate plans",
                "frequency": "annual",
                "aggregation": "latest",
                "disaggregations": [],
                "responsible": "wed",
                "sensitive": False,
            },
        ],
        "activities": [
            {
                "code": "1.2.1",
                "title": {
                    "en": (
                        "Support governorate women's offices to prepare local implementation "
                        "plans of the National Policy together with local CSOs"
                    ),
                    "ar": (
                        "دعم أقسام تمكين المرأة في المحافظات لإعداد خطط محلية لتنفيذ السياسة "
                        "الوطنية بالتعاون مع منظمات المجتمع المدني المحلية"
                    ),
                    "ckb": (
                        "پشتگیریکردنی نووسینگەکانی ئافرەتان لە پارێزگاکان بۆ ئامادەکردنی پلانی "
                        "ناوخۆیی بۆ جێبەجێکردنی سیاسەتی نیشتمانی بە هاوکاریی ڕێکخراوە "
                        "ناوخۆییەکانی کۆمەڵگەی مەدەنی"
                    ),
                },
                "lead": "wed",
                "partners": [
                    ("gov-office-baghdad", "implementing"),
                    ("gov-office-ninewa", "implementing"),
                    ("gov-office-basra", "implementing"),
                    ("gov-office-erbil", "implementing"),
                    ("gov-office-sulaymaniyah", "implementing"),
                    ("krg-hcwa", "supporting"),
                    ("eu-madad", "funding"),
                ],
                "governorates": ["IQ-BG", "IQ-NI", "IQ-BA", "IQ-AR", "IQ-SU", "IQ-AN", "IQ-KA"],
                "groups": ["rural-women", "women-headed-households"],
                "themes": ["localisation"],
                "start": "2021-04-01",
                "end": "2024-06-30",
                "status": "in_progress",
                "budget": 120_000,
                "currency": "EUR",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2021,
                        "planned": 60_000,
                        "committed": 60_000,
                        "disbursed": 58_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2022,
                        "planned": 60_000,
                        "committed": 60_000,
                        "disbursed": 41_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "1.2.1-a",
                        "title": {
                            "en": "Number of local implementation plans endorsed by governorates",
                            "ar": "عدد الخطط المحلية للتنفيذ المصادق عليها من المحافظات",
                            "ckb": (
                                "ژمارەی ئەو پلانە ناوخۆییانەی جێبەجێکردن کە لەلایەن پارێزگاکانەوە "
                                "پەسەند کراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 10,
                        "data_source": "Governorate endorsement letters",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": ["governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "1.2.2",
                "title": {
                    "en": (
                        "Provide small grants and technical support to community-based "
                        "organisations in far districts and sub-districts to implement National "
                        "Policy activities locally"
                    ),
                    "ar": (
                        "تقديم منح صغيرة ودعم فني للمنظمات المجتمعية في الأقضية والنواحي النائية "
                        "لتنفيذ أنشطة السياسة الوطنية محلياً"
                    ),
                    "ckb": (
                        "پێشکەشکردنی بەخشینی بچووک و پشتگیریی تەکنیکی بە ڕێکخراوە خۆجێییەکان لە "
                        "قەزا و ناحیە دوورەدەستەکان بۆ جێبەجێکردنی چالاکییەکانی سیاسەتی نیشتمانی "
                        "لە ئاستی ناوخۆدا"
                    ),
                },
                "lead": "alliance-1325",
                "partners": [
                    ("efi", "implementing"),
                    ("ngo-directorate", "supporting"),
                    ("eu-madad", "funding"),
                ],
                "governorates": ["IQ-NI", "IQ-AN", "IQ-SD", "IQ-DI", "IQ-MU", "IQ-DQ", "IQ-KI"],
                "groups": ["rural-women", "returnees", "minorities"],
                "themes": ["localisation", "covid-19"],
                "start": "2021-09-01",
                "end": "2024-06-30",
                "status": "in_progress",
                "budget": 250_000,
                "currency": "EUR",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2022,
                        "planned": 125_000,
                        "committed": 125_000,
                        "disbursed": 118_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2023,
                        "planned": 125_000,
                        "committed": 110_000,
                        "disbursed": 72_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "1.2.2-a",
                        "title": {
                            "en": (
                                "Number of community-based organisations in far districts and "
                                "sub-districts receiving grants or technical support"
                            ),
                            "ar": (
                                "عدد المنظمات المجتمعية في الأقضية والنواحي النائية الحاصلة على "
                                "منح أو دعم فني"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ڕێکخراوە خۆجێییانەی لە قەزا و ناحیە دوورەدەستەکان "
                                "بەخشین یان پشتگیریی تەکنیکییان وەرگرتووە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 60,
                        "data_source": "Alliance 1325 grant records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["governorate"],
                        "sensitive": False,
                    },
                    {
                        "code": "1.2.2-b",
                        "title": {
                            "en": (
                                "Number of women reached by local activities of supported "
                                "organisations"
                            ),
                            "ar": "عدد النساء المستفيدات من الأنشطة المحلية للمنظمات المدعومة",
                            "ckb": (
                                "ژمارەی ئەو ئافرەتانەی سوودیان لە چالاکییە ناوخۆییەکانی ڕێکخراوە "
                                "پشتگیریکراوەکان وەرگرتووە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 9000,
                        "data_source": "CBO activity reports and attendance lists",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [
                            "age",
                            "vulnerable_group",
                            "governorate",
                            "disability",
                        ],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "1.2.3",
                "title": {
                    "en": (
                        "Establish an independent civil society follow-up, monitoring and "
                        "evaluation mechanism for the National Policy, coordinated by Alliance "
                        "1325"
                    ),
                    "ar": (
                        "إنشاء آلية مستقلة للمجتمع المدني لمتابعة السياسة الوطنية ورصدها وتقييمها "
                        "بتنسيق من تحالف 1325"
                    ),
                    "ckb": (
                        "دامەزراندنی میکانیزمێکی سەربەخۆی کۆمەڵگەی مەدەنی بۆ بەدواداچوون و "
                        "چاودێری و هەڵسەنگاندنی سیاسەتی نیشتمانی، بە هەماهەنگیی هاوپەیمانیی 1325"
                    ),
                },
                "lead": "alliance-1325",
                "partners": [
                    ("iwn", "implementing"),
                    ("sdn", "implementing"),
                    ("fnid", "implementing"),
                    ("wmfo", "implementing"),
                    ("wed", "supporting"),
                    ("efi", "supporting"),
                    ("eu", "funding"),
                ],
                "governorates": "nationwide",
                "groups": ["minorities", "idps"],
                "themes": ["cso-monitoring"],
                "start": "2021-10-01",
                "end": "2024-12-31",
                "status": "in_progress",
                "budget": 200_000,
                "currency": "EUR",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2022,
                        "planned": 100_000,
                        "committed": 100_000,
                        "disbursed": 92_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2023,
                        "planned": 60_000,
                        "committed": 60_000,
                        "disbursed": 38_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2024,
                        "planned": 40_000,
                        "committed": 20_000,
                        "disbursed": 0,
                    },
                ],
                "indicators": [
                    {
                        "code": "1.2.3-a",
                        "title": {
                            "en": (
                                "Number of independent civil society monitoring (shadow) reports "
                                "published"
                            ),
                            "ar": (
                                "عدد تقارير الرصد المستقلة (تقارير الظل) الصادرة عن المجتمع المدني"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ڕاپۆرتە سەربەخۆیانەی چاودێری (ڕاپۆرتی سێبەر) کە "
                                "کۆمەڵگەی مەدەنی بڵاوی کردوونەتەوە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 4,
                        "data_source": "Published shadow reports",
                        "frequency": "annual",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                    {
                        "code": "1.2.3-b",
                        "title": {
                            "en": (
                                "Number of CSOs trained on monitoring and reporting on the "
                                "National Policy"
                            ),
                            "ar": (
                                "عدد منظمات المجتمع المدني المدربة على رصد تنفيذ السياسة الوطنية "
                                "وإعداد التقارير بشأنها"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ڕێکخراوانەی کۆمەڵگەی مەدەنی کە لەسەر چاودێریکردن و "
                                "ڕاپۆرتنووسین دەربارەی سیاسەتی نیشتمانی ڕاهێنراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 120,
                        "data_source": "Training attendance lists",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": ["governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "1.2.4",
                "title": {
                    "en": (
                        "Implement the National Policy media plan: campaigns on women's role in "
                        "peacebuilding and crisis response in national and local media"
                    ),
                    "ar": (
                        "تنفيذ الخطة الإعلامية للسياسة الوطنية: حملات توعوية بدور المرأة في بناء "
                        "السلام والاستجابة للأزمات عبر وسائل الإعلام الوطنية والمحلية"
                    ),
                    "ckb": (
                        "جێبەجێکردنی پلانی ڕاگەیاندنی سیاسەتی نیشتمانی: هەڵمەتی هۆشیارکردنەوە "
                        "دەربارەی ڕۆڵی ئافرەتان لە بنیاتنانی ئاشتی و وەڵامدانەوەی قەیرانەکان لە "
                        "میدیای نیشتمانی و ناوخۆییدا"
                    ),
                },
                "lead": "wed",
                "partners": [
                    ("sawtuha", "implementing"),
                    ("fnid", "implementing"),
                    ("unami", "supporting"),
                ],
                "governorates": "nationwide",
                "groups": ["girls", "rural-women"],
                "themes": ["media-plan"],
                "start": "2022-01-01",
                "end": "2024-12-31",
                "status": "delayed",
                "budget": 150_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "state_budget",
                        "funder": None,
                        "year": 2022,
                        "planned": 60_000_000,
                        "committed": 40_000_000,
                        "disbursed": 25_000_000,
                    },
                    {
                        "source": "private_sector",
                        "funder": None,
                        "year": 2023,
                        "planned": 50_000_000,
                        "committed": 30_000_000,
                        "disbursed": 30_000_000,
                    },
                    {
                        "source": "state_budget",
                        "funder": None,
                        "year": 2023,
                        "planned": 40_000_000,
                        "committed": 20_000_000,
                        "disbursed": 0,
                    },
                ],
                "indicators": [
                    {
                        "code": "1.2.4-a",
                        "title": {
                            "en": (
                                "Number of media products (TV and radio spots, social media "
                                "posts, reports) published under the media plan"
                            ),
                            "ar": (
                                "عدد المواد الإعلامية (ومضات تلفزيونية وإذاعية ومنشورات على مواقع "
                                "التواصل الاجتماعي وتقارير) المنشورة ضمن الخطة الإعلامية"
                            ),
                            "ckb": (
                                "ژمارەی ئەو بەرهەمە میدیاییانەی (کورتە بەرنامەی تەلەفزیۆنی و "
                                "ڕادیۆیی، پۆست لە تۆڕە کۆمەڵایەتییەکان، ڕاپۆرت) کە لە چوارچێوەی "
                                "پلانی ڕاگەیاندندا بڵاوکراونەتەوە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 150,
                        "data_source": "WED media monitoring log",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                ],
            },
        ],
    },
    {
        "code": "2.1",
        "pillar": "protection",
        "title": {
            "en": (
                "Regular gender analysis is incorporated in institutional crisis preparedness and "
                "response, improving equality in health care and in the prevention of violence "
                "against women and girls"
            ),
            "ar": (
                "إدماج التحليل الجندري الدوري في الجاهزية والاستجابة المؤسسية للأزمات وما بعدها "
                "لتحقيق المساواة في الرعاية الصحية والوقاية من العنف ضد النساء والفتيات"
            ),
            "ckb": (
                "تێکەڵکردنی شیکاریی جێندەریی خولی لە ئامادەباشی و وەڵامدانەوەی دامەزراوەیی بۆ "
                "قەیرانەکان و دوای قەیران، بۆ بەدیهێنانی یەکسانی لە چاودێریی تەندروستی و "
                "ڕێگریکردن لە توندوتیژی دژی ئافرەتان و کچان"
            ),
        },
        "indicators": [
            {
                "code": "2.1-o1",
                "title": {
                    "en": (
                        "Percentage of national and governorate crisis response plans that "
                        "integrate gender analysis"
                    ),
                    "ar": (
                        "نسبة خطط الاستجابة للأزمات على المستويين الوطني والمحلي التي تتضمن "
                        "تحليلاً جندرياً"
                    ),
                    "ckb": (
                        "ڕێژەی ئەو پلانانەی وەڵامدانەوەی قەیران لە ئاستی نیشتمانی و پارێزگاکان کە "
                        "شیکاریی جێندەرییان تێدایە"
                    ),
                },
                "unit": "percent",
                "direction": "increase",
                "baseline": 5,
                "baseline_year": 2020,
                "target": 70,
                "data_source": "WED review of crisis response plans",
                "frequency": "annual",
                "aggregation": "latest",
                "disaggregations": ["governorate"],
                "responsible": "wed",
                "sensitive": False,
            },
        ],
        "activities": [
            {
                "code": "2.1.1",
                "title": {
                    "en": (
                        "Prepare quarterly gender analyses of the impact of COVID-19 and other "
                        "crises and circulate them to crisis cells and ministries"
                    ),
                    "ar": (
                        "إعداد تحليلات جندرية فصلية حول أثر جائحة كوفيد-19 والأزمات الأخرى "
                        "وتعميمها على خلايا الأزمة والوزارات"
                    ),
                    "ckb": (
                        "ئامادەکردنی شیکاریی جێندەریی وەرزی دەربارەی کاریگەریی کۆڤید-19 و "
                        "قەیرانەکانی تر و ناردنیان بۆ شانەکانی قەیران و وەزارەتەکان"
                    ),
                },
                "lead": "wed",
                "partners": [
                    ("mop", "implementing"),
                    ("ihchr", "supporting"),
                    ("un-women", "supporting"),
                ],
                "governorates": "nationwide",
                "groups": ["idps", "women-headed-households"],
                "themes": ["covid-19"],
                "start": "2021-01-15",
                "end": "2024-12-31",
                "status": "in_progress",
                "budget": 40_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "ministerial",
                        "funder": "wed",
                        "year": 2021,
                        "planned": 14_000_000,
                        "committed": 14_000_000,
                        "disbursed": 13_200_000,
                    },
                    {
                        "source": "ministerial",
                        "funder": "wed",
                        "year": 2022,
                        "planned": 13_000_000,
                        "committed": 13_000_000,
                        "disbursed": 11_000_000,
                    },
                    {
                        "source": "ministerial",
                        "funder": "wed",
                        "year": 2023,
                        "planned": 13_000_000,
                        "committed": 13_000_000,
                        "disbursed": 9_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "2.1.1-a",
                        "title": {
                            "en": (
                                "Number of gender analysis reports circulated to crisis cells and "
                                "ministries"
                            ),
                            "ar": "عدد تقارير التحليل الجندري المعممة على خلايا الأزمة والوزارات",
                            "ckb": (
                                "ژمارەی ئەو ڕاپۆرتانەی شیکاریی جێندەری کە بۆ شانەکانی قەیران و "
                                "وەزارەتەکان نێردراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 16,
                        "data_source": "WED correspondence register",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "2.1.2",
                "title": {
                    "en": (
                        "Train staff of health directorates and crisis cells on applying gender "
                        "analysis and preventing violence against women and girls in emergency "
                        "response"
                    ),
                    "ar": (
                        "تدريب ملاكات دوائر الصحة وخلايا الأزمة على تطبيق التحليل الجندري "
                        "والوقاية من العنف ضد النساء والفتيات في الاستجابة للطوارئ"
                    ),
                    "ckb": (
                        "ڕاهێنانی کارمەندانی بەڕێوەبەرایەتییەکانی تەندروستی و شانەکانی قەیران "
                        "لەسەر بەکارهێنانی شیکاریی جێندەری و ڕێگریکردن لە توندوتیژی دژی ئافرەتان "
                        "و کچان لە وەڵامدانەوەی فریاگوزاریدا"
                    ),
                },
                "lead": "moh",
                "partners": [("wed", "implementing"), ("un-women", "funding")],
                "governorates": ["IQ-BG", "IQ-NA", "IQ-KA", "IQ-BA", "IQ-AR", "IQ-SU", "IQ-DA"],
                "groups": ["sgbv-survivors", "girls"],
                "themes": ["covid-19", "gbv"],
                "start": "2021-10-01",
                "end": "2023-06-30",
                "status": "delayed",
                "budget": 95_000,
                "currency": "USD",
                "funding": [
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2022,
                        "planned": 55_000,
                        "committed": 55_000,
                        "disbursed": 40_000,
                    },
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2023,
                        "planned": 40_000,
                        "committed": 30_000,
                        "disbursed": 12_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "2.1.2-a",
                        "title": {
                            "en": (
                                "Number of health and crisis cell staff trained on gender "
                                "analysis and prevention of violence against women and girls"
                            ),
                            "ar": (
                                "عدد منتسبي الصحة وخلايا الأزمة المدربين على التحليل الجندري "
                                "والوقاية من العنف ضد النساء والفتيات"
                            ),
                            "ckb": (
                                "ژمارەی ئەو کارمەندانەی تەندروستی و شانەکانی قەیران کە لەسەر "
                                "شیکاریی جێندەری و ڕێگریکردن لە توندوتیژی دژی ئافرەتان و کچان "
                                "ڕاهێنراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 450,
                        "data_source": "MoH training records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["sex", "governorate"],
                        "sensitive": False,
                    },
                ],
            },
        ],
    },
    {
        "code": "2.2",
        "pillar": "protection",
        "title": {
            "en": (
                "Access to sexual and reproductive health care is ensured for the most vulnerable "
                "women, such as IDPs and women in villages and remote areas, during the COVID-19 "
                "pandemic and after"
            ),
            "ar": (
                "ضمان حصول النساء الأكثر هشاشة، كالنازحات والنساء في القرى والمناطق النائية، على "
                "خدمات الصحة الجنسية والإنجابية خلال جائحة كوفيد-19 وبعدها"
            ),
            "ckb": (
                "دابینکردنی دەستگەیشتنی ئافرەتانی هەرە لاواز، وەک ئاوارەکان و ئافرەتانی گوندەکان "
                "و ناوچە دوورەدەستەکان، بە خزمەتگوزارییەکانی تەندروستیی سێکسی و زاوزێ لە ماوەی "
                "پەتای کۆڤید-19 و دوای ئەویش"
            ),
        },
        "indicators": [
            {
                "code": "2.2-o1",
                "title": {
                    "en": (
                        "Percentage of IDP camps and remote areas with functioning sexual and "
                        "reproductive health services"
                    ),
                    "ar": (
                        "نسبة مخيمات النازحين والمناطق النائية التي تتوفر فيها خدمات فاعلة للصحة "
                        "الجنسية والإنجابية"
                    ),
                    "ckb": (
                        "ڕێژەی ئەو کەمپانەی ئاوارەکان و ناوچە دوورەدەستانەی خزمەتگوزاریی چالاکی "
                        "تەندروستیی سێکسی و زاوزێیان تێدایە"
                    ),
                },
                "unit": "percent",
                "direction": "increase",
                "baseline": 45,
                "baseline_year": 2019,
                "target": 85,
                "data_source": "MoH health facility mapping",
                "frequency": "semiannual",
                "aggregation": "latest",
                "disaggregations": ["governorate"],
                "responsible": "moh",
                "sensitive": False,
            },
        ],
        "activities": [
            {
                "code": "2.2.1",
                "title": {
                    "en": (
                        "Deploy mobile medical teams offering sexual and reproductive health "
                        "services to IDP camps, villages and remote areas"
                    ),
                    "ar": (
                        "نشر فرق طبية جوالة تقدم خدمات الصحة الجنسية والإنجابية في مخيمات "
                        "النازحين والقرى والمناطق النائية"
                    ),
                    "ckb": (
                        "ناردنی تیمی پزیشکیی گەڕۆک کە خزمەتگوزاریی تەندروستیی سێکسی و زاوزێ "
                        "پێشکەش دەکەن بۆ کەمپەکانی ئاوارەکان و گوندەکان و ناوچە دوورەدەستەکان"
                    ),
                },
                "lead": "moh",
                "partners": [
                    ("iwn", "implementing"),
                    ("gov-office-ninewa", "supporting"),
                    ("eu", "funding"),
                ],
                "governorates": ["IQ-NI", "IQ-DA", "IQ-AN", "IQ-SD", "IQ-KI", "IQ-DI"],
                "groups": ["idps", "returnees", "rural-women", "minorities"],
                "themes": ["covid-19"],
                "start": "2021-03-01",
                "end": "2024-06-30",
                "status": "in_progress",
                "budget": 600_000,
                "currency": "USD",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2021,
                        "planned": 250_000,
                        "committed": 250_000,
                        "disbursed": 240_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2022,
                        "planned": 200_000,
                        "committed": 200_000,
                        "disbursed": 170_000,
                    },
                    {
                        "source": "state_budget",
                        "funder": None,
                        "year": 2023,
                        "planned": 150_000,
                        "committed": 100_000,
                        "disbursed": 60_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "2.2.1-a",
                        "title": {
                            "en": (
                                "Number of women and girls receiving sexual and reproductive "
                                "health consultations from mobile medical teams"
                            ),
                            "ar": (
                                "عدد النساء والفتيات اللواتي تلقين استشارات في الصحة الجنسية "
                                "والإنجابية من الفرق الطبية الجوالة"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ئافرەتان و کچانەی ڕاوێژی تەندروستیی سێکسی و زاوزێیان "
                                "لە تیمە پزیشکییە گەڕۆکەکانەوە وەرگرتووە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 45_000,
                        "data_source": "Mobile team service registers",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["age", "vulnerable_group", "governorate"],
                        "sensitive": False,
                    },
                    {
                        "code": "2.2.1-b",
                        "title": {
                            "en": "Number of mobile medical teams operating",
                            "ar": "عدد الفرق الطبية الجوالة العاملة",
                            "ckb": "ژمارەی ئەو تیمە پزیشکییە گەڕۆکانەی کار دەکەن",
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 4,
                        "baseline_year": 2020,
                        "target": 24,
                        "data_source": "MoH monthly operations report",
                        "frequency": "quarterly",
                        "aggregation": "latest",
                        "disaggregations": ["governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "2.2.2",
                "title": {
                    "en": (
                        "Supply primary health care centres in remote areas with reproductive "
                        "health kits and personal protective equipment"
                    ),
                    "ar": (
                        "تجهيز مراكز الرعاية الصحية الأولية في المناطق النائية بحقائب الصحة "
                        "الإنجابية ومعدات الوقاية الشخصية"
                    ),
                    "ckb": (
                        "دابینکردنی کیتی تەندروستیی زاوزێ و کەرەستەی پاراستنی کەسی بۆ بنکە "
                        "تەندروستییە سەرەتاییەکانی ناوچە دوورەدەستەکان"
                    ),
                },
                "lead": "moh",
                "partners": [("mof", "funding")],
                "governorates": ["IQ-MU", "IQ-DQ", "IQ-MA", "IQ-QA", "IQ-WA", "IQ-SD"],
                "groups": ["rural-women"],
                "themes": ["covid-19"],
                "start": "2021-01-01",
                "end": "2021-12-31",
                "status": "completed",
                "budget": 900_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "state_budget",
                        "funder": "mof",
                        "year": 2021,
                        "planned": 900_000_000,
                        "committed": 900_000_000,
                        "disbursed": 875_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "2.2.2-a",
                        "title": {
                            "en": (
                                "Number of primary health care centres in remote areas supplied "
                                "with reproductive health kits"
                            ),
                            "ar": (
                                "عدد مراكز الرعاية الصحية الأولية في المناطق النائية المجهزة "
                                "بحقائب الصحة الإنجابية"
                            ),
                            "ckb": (
                                "ژمارەی ئەو بنکە تەندروستییە سەرەتاییانەی ناوچە دوورەدەستەکان کە "
                                "کیتی تەندروستیی زاوزێیان پێدراوە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 150,
                        "data_source": "MoH supply distribution records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "2.2.3",
                "title": {
                    "en": (
                        "Run awareness sessions in camps and informal settlements on available "
                        "sexual and reproductive health services and how to reach them"
                    ),
                    "ar": (
                        "تنظيم جلسات توعوية في المخيمات والتجمعات غير الرسمية حول خدمات الصحة "
                        "الجنسية والإنجابية المتاحة وسبل الوصول إليها"
                    ),
                    "ckb": (
                        "ڕێکخستنی دانیشتنی هۆشیارکردنەوە لە کەمپەکان و نیشتەجێبوونە نافەرمییەکان "
                        "دەربارەی ئەو خزمەتگوزارییانەی تەندروستیی سێکسی و زاوزێ کە بەردەستن و "
                        "چۆنیەتیی گەیشتن پێیان"
                    ),
                },
                "lead": "wmfo",
                "partners": [
                    ("moh", "supporting"),
                    ("krg-hcwa", "supporting"),
                    ("efi", "funding"),
                ],
                "governorates": ["IQ-DA", "IQ-AR", "IQ-NI", "IQ-SU"],
                "groups": ["idps", "refugees", "girls"],
                "themes": ["covid-19"],
                "start": "2022-02-01",
                "end": "2023-12-31",
                "status": "in_progress",
                "budget": 70_000,
                "currency": "USD",
                "funding": [
                    {
                        "source": "international",
                        "funder": "efi",
                        "year": 2022,
                        "planned": 40_000,
                        "committed": 40_000,
                        "disbursed": 38_000,
                    },
                    {
                        "source": "international",
                        "funder": "efi",
                        "year": 2023,
                        "planned": 30_000,
                        "committed": 30_000,
                        "disbursed": 21_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "2.2.3-a",
                        "title": {
                            "en": (
                                "Number of women and girls attending sexual and reproductive "
                                "health awareness sessions"
                            ),
                            "ar": (
                                "عدد النساء والفتيات المشاركات في جلسات التوعية بالصحة الجنسية "
                                "والإنجابية"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ئافرەتان و کچانەی بەشدارییان لە دانیشتنەکانی "
                                "هۆشیارکردنەوەی تەندروستیی سێکسی و زاوزێدا کردووە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 6000,
                        "data_source": "Session attendance lists",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["age", "vulnerable_group", "governorate"],
                        "sensitive": False,
                    },
                ],
            },
        ],
    },
    {
        "code": "2.3",
        "pillar": "protection",
        "title": {
            "en": (
                "Survivors of violence against women and girls have continuous access to "
                "psychosocial support, helplines, online legal counselling and reparation, during "
                "lockdowns and beyond, at national and local levels"
            ),
            "ar": (
                "ضمان استمرارية خدمات الدعم النفسي والاجتماعي والخطوط الساخنة والاستشارات "
                "القانونية عبر الإنترنت وجبر الضرر للناجيات من العنف ضد النساء والفتيات، أثناء "
                "فترات الإغلاق وبعدها وعلى المستويين الوطني والمحلي"
            ),
            "ckb": (
                "دابینکردنی بەردەوامیی خزمەتگوزارییەکانی پشتگیریی دەروونی و کۆمەڵایەتی، هێڵە "
                "گەرمەکان، ڕاوێژی یاسایی ئۆنلاین و قەرەبووکردنەوە بۆ ڕزگاربووانی توندوتیژی دژی "
                "ئافرەتان و کچان، لە کاتی قەدەغەی هاتوچۆ و دوای ئەویش، لە ئاستی نیشتمانی و "
                "ناوخۆییدا"
            ),
        },
        "indicators": [
            {
                "code": "2.3-o1",
                "title": {
                    "en": (
                        "Number of survivors of violence who received psychosocial, legal or "
                        "reparation services"
                    ),
                    "ar": (
                        "عدد الناجيات من العنف اللواتي تلقين خدمات الدعم النفسي والاجتماعي أو "
                        "القانوني أو جبر الضرر"
                    ),
                    "ckb": (
                        "ژمارەی ئەو ڕزگاربووانەی توندوتیژی کە خزمەتگوزاریی پشتگیریی دەروونی و "
                        "کۆمەڵایەتی، یاسایی یان قەرەبووکردنەوەیان وەرگرتووە"
                    ),
                },
                "unit": "number",
                "direction": "increase",
                "baseline": 0,
                "baseline_year": 2020,
                "target": 15_000,
                "data_source": "Case management records of service providers",
                "frequency": "quarterly",
                "aggregation": "sum",
                "disaggregations": ["age", "vulnerable_group", "governorate", "disability"],
                "responsible": "wed",
                "sensitive": True,
            },
        ],
        "activities": [
            {
                "code": "2.3.1",
                "title": {
                    "en": (
                        "Keep the family protection helplines running around the clock during "
                        "lockdowns and spread information on their availability"
                    ),
                    "ar": (
                        "ضمان عمل الخطوط الساخنة لحماية الأسرة على مدار الساعة خلال فترات الحظر "
                        "ونشر المعلومات حول توفرها"
                    ),
                    "ckb": (
                        "دڵنیابوون لە کارکردنی هێڵە گەرمەکانی پاراستنی خێزان بە درێژایی شەو و ڕۆژ "
                        "لە ماوەی قەدەغەی هاتوچۆدا و بڵاوکردنەوەی زانیاری دەربارەی بەردەستبوونیان"
                    ),
                },
                "lead": "moi-fcpd",
                "partners": [
                    ("moi-community-police", "implementing"),
                    ("moi-policy", "supporting"),
                    ("unami", "supporting"),
                    ("un-women", "funding"),
                ],
                "governorates": "nationwide",
                "groups": ["sgbv-survivors", "girls"],
                "themes": ["covid-19", "gbv", "media-plan"],
                "start": "2021-01-01",
                "end": "2024-12-31",
                "status": "in_progress",
                "budget": 320_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "ministerial",
                        "funder": "moi",
                        "year": 2021,
                        "planned": 120_000_000,
                        "committed": 120_000_000,
                        "disbursed": 118_000_000,
                    },
                    {
                        "source": "ministerial",
                        "funder": "moi",
                        "year": 2022,
                        "planned": 100_000_000,
                        "committed": 100_000_000,
                        "disbursed": 92_000_000,
                    },
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2023,
                        "planned": 100_000_000,
                        "committed": 80_000_000,
                        "disbursed": 45_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "2.3.1-a",
                        "title": {
                            "en": (
                                "Number of calls about violence against women and girls received "
                                "by family protection helplines"
                            ),
                            "ar": (
                                "عدد الاتصالات المتعلقة بالعنف ضد النساء والفتيات الواردة إلى "
                                "الخطوط الساخنة لحماية الأسرة"
                            ),
                            "ckb": (
                                "ژمارەی ئەو پەیوەندییانەی تایبەت بە توندوتیژی دژی ئافرەتان و کچان "
                                "کە هێڵە گەرمەکانی پاراستنی خێزان وەریانگرتووە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 30_000,
                        "data_source": "FCPD helpline call logs",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["sex", "age", "governorate"],
                        "sensitive": True,
                    },
                    {
                        "code": "2.3.1-b",
                        "title": {
                            "en": "Average time to answer a helpline call (seconds)",
                            "ar": "متوسط زمن الرد على الاتصال بالخط الساخن (بالثواني)",
                            "ckb": "تێکڕای ماوەی وەڵامدانەوەی پەیوەندی بە هێڵی گەرم (بە چرکە)",
                        },
                        "unit": "number",
                        "direction": "decrease",
                        "baseline": 95,
                        "baseline_year": 2020,
                        "target": 30,
                        "data_source": "FCPD helpline call logs",
                        "frequency": "quarterly",
                        "aggregation": "average",
                        "disaggregations": ["governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "2.3.2",
                "title": {
                    "en": (
                        "Provide online legal counselling and remote psychosocial support to "
                        "survivors of violence through CSO service centres"
                    ),
                    "ar": (
                        "تقديم الاستشارات القانونية عبر الإنترنت والدعم النفسي والاجتماعي عن بُعد "
                        "للناجيات من العنف من خلال مراكز خدمات منظمات المجتمع المدني"
                    ),
                    "ckb": (
                        "پێشکەشکردنی ڕاوێژی یاسایی ئۆنلاین و پشتگیریی دەروونی و کۆمەڵایەتی لە "
                        "دوورەوە بە ڕزگاربووانی توندوتیژی لە ڕێگەی سەنتەرەکانی خزمەتگوزاریی "
                        "ڕێکخراوەکانی کۆمەڵگەی مەدەنییەوە"
                    ),
                },
                "lead": "iwn",
                "partners": [
                    ("alliance-1325", "implementing"),
                    ("sawtuha", "implementing"),
                    ("efi", "supporting"),
                    ("eu-madad", "funding"),
                ],
                "governorates": ["IQ-BG", "IQ-BA", "IQ-NI", "IQ-KA", "IQ-DI", "IQ-SU"],
                "groups": ["sgbv-survivors", "women-with-disabilities", "idps"],
                "themes": ["covid-19", "gbv"],
                "start": "2021-04-01",
                "end": "2023-09-30",
                "status": "delayed",
                "budget": 180_000,
                "currency": "EUR",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2021,
                        "planned": 90_000,
                        "committed": 90_000,
                        "disbursed": 90_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2022,
                        "planned": 90_000,
                        "committed": 90_000,
                        "disbursed": 55_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "2.3.2-a",
                        "title": {
                            "en": "Number of survivors receiving online legal counselling",
                            "ar": "عدد الناجيات اللواتي تلقين استشارات قانونية عبر الإنترنت",
                            "ckb": "ژمارەی ئەو ڕزگاربووانەی ڕاوێژی یاسایی ئۆنلاینیان وەرگرتووە",
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 2500,
                        "data_source": "CSO case management records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [
                            "age",
                            "vulnerable_group",
                            "governorate",
                            "disability",
                        ],
                        "sensitive": True,
                    },
                    {
                        "code": "2.3.2-b",
                        "title": {
                            "en": (
                                "Number of survivors who received remote psychosocial support "
                                "sessions"
                            ),
                            "ar": "عدد الناجيات اللواتي تلقين جلسات دعم نفسي واجتماعي عن بُعد",
                            "ckb": (
                                "ژمارەی ئەو ڕزگاربووانەی دانیشتنی پشتگیریی دەروونی و "
                                "کۆمەڵایەتییان لە دوورەوە وەرگرتووە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 3000,
                        "data_source": "CSO case management records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [
                            "age",
                            "vulnerable_group",
                            "governorate",
                            "disability",
                        ],
                        "sensitive": True,
                    },
                ],
            },
            {
                "code": "2.3.3",
                "title": {
                    "en": (
                        "Provide compensation and rehabilitation to Yazidi women survivors and "
                        "other survivors of sexual violence committed by ISIL"
                    ),
                    "ar": (
                        "تعويض الناجيات الإيزيديات وسائر الناجيات من العنف الجنسي الذي ارتكبه "
                        "تنظيم داعش وإعادة تأهيلهن"
                    ),
                    "ckb": (
                        "پێدانی قەرەبوو و خزمەتگوزاریی چاکبوونەوە بە ئافرەتە ڕزگاربووە ئێزدییەکان "
                        "و ڕزگاربووانی تری ئەو توندوتیژییە سێکسییەی داعش ئەنجامی داوە"
                    ),
                },
                "lead": "molsa",
                "partners": [
                    ("wmfo", "implementing"),
                    ("ihchr", "monitoring"),
                    ("unami", "supporting"),
                    ("mof", "funding"),
                    ("eu", "funding"),
                ],
                "governorates": ["IQ-NI", "IQ-DA"],
                "groups": ["yazidi-survivors", "minorities", "sgbv-survivors"],
                "themes": ["gbv"],
                "start": "2021-06-01",
                "end": "2024-12-31",
                "status": "in_progress",
                "budget": 6_000_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "state_budget",
                        "funder": "mof",
                        "year": 2022,
                        "planned": 2_500_000_000,
                        "committed": 2_500_000_000,
                        "disbursed": 2_100_000_000,
                    },
                    {
                        "source": "state_budget",
                        "funder": "mof",
                        "year": 2023,
                        "planned": 2_500_000_000,
                        "committed": 2_000_000_000,
                        "disbursed": 1_400_000_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2024,
                        "planned": 1_000_000_000,
                        "committed": 400_000_000,
                        "disbursed": 0,
                    },
                ],
                "indicators": [
                    {
                        "code": "2.3.3-a",
                        "title": {
                            "en": "Number of survivors receiving compensation payments",
                            "ar": "عدد الناجيات اللواتي تسلّمن مستحقات التعويض",
                            "ckb": "ژمارەی ئەو ڕزگاربووانەی بڕی قەرەبوویان وەرگرتووە",
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 2000,
                        "data_source": "MoLSA survivors' affairs records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["age", "vulnerable_group", "governorate"],
                        "sensitive": True,
                    },
                    {
                        "code": "2.3.3-b",
                        "title": {
                            "en": (
                                "Number of survivors referred to rehabilitation and psychosocial "
                                "care"
                            ),
                            "ar": (
                                "عدد الناجيات المحالات إلى خدمات إعادة التأهيل والرعاية النفسية "
                                "والاجتماعية"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ڕزگاربووانەی بۆ خزمەتگوزارییەکانی چاکبوونەوە و "
                                "چاودێریی دەروونی و کۆمەڵایەتی ڕەوانە کراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 1500,
                        "data_source": "Referral records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["age", "vulnerable_group", "governorate"],
                        "sensitive": True,
                    },
                ],
            },
        ],
    },
    {
        "code": "3.1",
        "pillar": "recovery",
        "title": {
            "en": (
                "COVID-19 economic recovery measures and subsidies are based on a gender "
                "assessment and social protection is extended to women in informal and "
                "non-standard work"
            ),
            "ar": (
                "بناء تدابير التعافي الاقتصادي من جائحة كوفيد-19 والإعانات على تقييم جندري، "
                "وتوسيع الحماية الاجتماعية لتشمل النساء العاملات في القطاع غير المنظم وأشكال "
                "العمل غير النمطية"
            ),
            "ckb": (
                "بنیاتنانی ڕێوشوێنەکانی چاکبوونەوەی ئابووری لە کۆڤید-19 و یارمەتییە داراییەکان "
                "لەسەر هەڵسەنگاندنی جێندەری، و فراوانکردنی پاراستنی کۆمەڵایەتی بۆ ئەوەی ئافرەتانی "
                "کارکەر لە کەرتی نافەرمی و شێوە ناستانداردەکانی کاریش بگرێتەوە"
            ),
        },
        "indicators": [
            {
                "code": "3.1-o1",
                "title": {
                    "en": (
                        "Percentage of women among beneficiaries of COVID-19 economic recovery "
                        "measures and subsidies"
                    ),
                    "ar": (
                        "نسبة النساء من بين المستفيدين من تدابير التعافي الاقتصادي والإعانات "
                        "المرتبطة بجائحة كوفيد-19"
                    ),
                    "ckb": (
                        "ڕێژەی ئافرەتان لە کۆی سوودمەندانی ڕێوشوێنەکانی چاکبوونەوەی ئابووری و "
                        "یارمەتییە داراییەکانی پەیوەست بە کۆڤید-19"
                    ),
                },
                "unit": "percent",
                "direction": "increase",
                "baseline": 18,
                "baseline_year": 2020,
                "target": 40,
                "data_source": "MoP and MoLSA beneficiary databases",
                "frequency": "annual",
                "aggregation": "latest",
                "disaggregations": ["age", "vulnerable_group", "governorate"],
                "responsible": "mop",
                "sensitive": False,
            },
        ],
        "activities": [
            {
                "code": "3.1.1",
                "title": {
                    "en": (
                        "Conduct a national gender assessment of the economic impact of COVID-19, "
                        "including barriers posed by social norms and gender stereotypes"
                    ),
                    "ar": (
                        "إجراء تقييم جندري وطني للأثر الاقتصادي لجائحة كوفيد-19 على النساء، بما "
                        "في ذلك العوائق الناجمة عن الأعراف الاجتماعية والصور النمطية الجندرية"
                    ),
                    "ckb": (
                        "ئەنجامدانی هەڵسەنگاندنێکی جێندەریی نیشتمانی بۆ کاریگەریی ئابووریی "
                        "کۆڤید-19 لەسەر ئافرەتان، لەوانەش ئەو ڕێگرانەی نەریتە کۆمەڵایەتییەکان و "
                        "وێنە چەسپاوە جێندەرییەکان دروستیان دەکەن"
                    ),
                },
                "lead": "mop",
                "partners": [
                    ("wed", "implementing"),
                    ("sdn", "supporting"),
                    ("un-women", "funding"),
                ],
                "governorates": "nationwide",
                "groups": ["women-headed-households", "rural-women"],
                "themes": ["covid-19", "economic-empowerment"],
                "start": "2021-02-01",
                "end": "2021-11-30",
                "status": "completed",
                "budget": 85_000,
                "currency": "USD",
                "funding": [
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2021,
                        "planned": 85_000,
                        "committed": 85_000,
                        "disbursed": 85_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "3.1.1-a",
                        "title": {
                            "en": (
                                "National gender assessment of the economic impact of COVID-19 "
                                "published"
                            ),
                            "ar": "نشر التقييم الجندري الوطني للأثر الاقتصادي لجائحة كوفيد-19",
                            "ckb": (
                                "بڵاوکردنەوەی هەڵسەنگاندنی جێندەریی نیشتمانی بۆ کاریگەریی "
                                "ئابووریی کۆڤید-19"
                            ),
                        },
                        "unit": "yes_no",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 1,
                        "data_source": "Published assessment report",
                        "frequency": "annual",
                        "aggregation": "latest",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "3.1.2",
                "title": {
                    "en": (
                        "Draft regulations setting an adequate minimum wage and social security "
                        "coverage for all forms of non-standard and informal employment"
                    ),
                    "ar": (
                        "إعداد أنظمة تحدد حداً أدنى ملائماً للأجور وتتيح الشمول بالضمان الاجتماعي "
                        "لجميع أشكال العمل غير النمطي وغير المنظم"
                    ),
                    "ckb": (
                        "ئامادەکردنی ڕێنمایی بۆ دیاریکردنی کەمترین ئاستی گونجاوی کرێ و گرتنەوەی "
                        "هەموو شێوەکانی کاری ناستاندارد و نافەرمی بە دەستەبەری کۆمەڵایەتی"
                    ),
                },
                "lead": "molsa",
                "partners": [
                    ("wed", "supporting"),
                    ("cor-women", "supporting"),
                    ("iwn", "monitoring"),
                ],
                "governorates": "nationwide",
                "groups": ["women-headed-households", "rural-women"],
                "themes": ["economic-empowerment", "legal-reform", "covid-19"],
                "start": "2021-06-01",
                "end": "2023-12-31",
                "status": "delayed",
                "budget": 75_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "ministerial",
                        "funder": "molsa",
                        "year": 2021,
                        "planned": 25_000_000,
                        "committed": 25_000_000,
                        "disbursed": 25_000_000,
                    },
                    {
                        "source": "ministerial",
                        "funder": "molsa",
                        "year": 2022,
                        "planned": 25_000_000,
                        "committed": 25_000_000,
                        "disbursed": 18_000_000,
                    },
                    {
                        "source": "ministerial",
                        "funder": "molsa",
                        "year": 2023,
                        "planned": 25_000_000,
                        "committed": 15_000_000,
                        "disbursed": 4_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "3.1.2-a",
                        "title": {
                            "en": (
                                "Regulation on social security for informal and non-standard "
                                "workers adopted"
                            ),
                            "ar": (
                                "إقرار نظام شمول العاملين في القطاع غير المنظم والعمل غير النمطي "
                                "بالضمان الاجتماعي"
                            ),
                            "ckb": (
                                "پەسەندکردنی ڕێنمایی گرتنەوەی کرێکارانی کەرتی نافەرمی و کاری "
                                "ناستاندارد بە دەستەبەری کۆمەڵایەتی"
                            ),
                        },
                        "unit": "yes_no",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 1,
                        "data_source": "Official Gazette",
                        "frequency": "annual",
                        "aggregation": "latest",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                    {
                        "code": "3.1.2-b",
                        "title": {
                            "en": (
                                "Number of women informal workers registered with social security"
                            ),
                            "ar": "عدد العاملات في القطاع غير المنظم المسجلات في الضمان الاجتماعي",
                            "ckb": (
                                "ژمارەی ئەو ئافرەتە کرێکارانەی کەرتی نافەرمی کە لە دەستەبەری "
                                "کۆمەڵایەتیدا تۆمار کراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 20_000,
                        "data_source": "Social security registration database",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": ["age", "governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "3.1.3",
                "title": {
                    "en": (
                        "Apply gender criteria in selecting beneficiaries of COVID-19 emergency "
                        "grants and recovery subsidies"
                    ),
                    "ar": (
                        "اعتماد معايير جندرية في اختيار المستفيدين من المنح الطارئة وإعانات "
                        "التعافي المرتبطة بجائحة كوفيد-19"
                    ),
                    "ckb": (
                        "پەیڕەوکردنی پێوەری جێندەری لە هەڵبژاردنی سوودمەندانی بەخشینە "
                        "فریاگوزارییەکان و یارمەتییەکانی چاکبوونەوە لە کۆڤید-19"
                    ),
                },
                "lead": "mop",
                "partners": [("molsa", "implementing"), ("mof", "funding")],
                "governorates": "nationwide",
                "groups": ["women-headed-households", "women-with-disabilities"],
                "themes": ["covid-19", "economic-empowerment"],
                "start": "2021-03-01",
                "end": "2022-12-31",
                "status": "cancelled",
                "budget": 30_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "state_budget",
                        "funder": "mof",
                        "year": 2021,
                        "planned": 30_000_000,
                        "committed": 10_000_000,
                        "disbursed": 4_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "3.1.3-a",
                        "title": {
                            "en": "Percentage of women among emergency grant beneficiaries",
                            "ar": "نسبة النساء من المستفيدين من المنح الطارئة",
                            "ckb": "ڕێژەی ئافرەتان لە سوودمەندانی بەخشینە فریاگوزارییەکان",
                        },
                        "unit": "percent",
                        "direction": "increase",
                        "baseline": 20,
                        "baseline_year": 2020,
                        "target": 45,
                        "data_source": "MoP emergency grant database",
                        "frequency": "semiannual",
                        "aggregation": "latest",
                        "disaggregations": ["vulnerable_group", "governorate"],
                        "sensitive": False,
                    },
                ],
            },
        ],
    },
    {
        "code": "3.2",
        "pillar": "recovery",
        "title": {
            "en": (
                "Women-headed households, single mothers, women with specific needs, and refugee "
                "and displaced women have income support, jobs and affordable childcare"
            ),
            "ar": (
                "حصول النساء المعيلات لأسرهن والأمهات اللواتي يُعلن أطفالهن بمفردهن والنساء ذوات "
                "الاحتياجات الخاصة واللاجئات والنازحات على الدعم المالي وفرص العمل وخدمات رعاية "
                "الأطفال بكلفة ميسورة"
            ),
            "ckb": (
                "دەستگەیشتنی ئافرەتانی سەرپەرشتیاری خێزان، ئەو دایکانەی بە تەنیا منداڵەکانیان "
                "بەخێو دەکەن، ئافرەتانی خاوەن پێداویستیی تایبەت و ئافرەتانی پەنابەر و ئاوارە بە "
                "پشتگیریی دارایی و هەلی کار و خزمەتگوزاریی چاودێریی منداڵ بە تێچووی گونجاو"
            ),
        },
        "indicators": [
            {
                "code": "3.2-o1",
                "title": {
                    "en": (
                        "Number of women heading households and refugee and displaced women who "
                        "gained a job or a regular income"
                    ),
                    "ar": (
                        "عدد النساء المعيلات لأسرهن واللاجئات والنازحات اللواتي حصلن على عمل أو "
                        "دخل منتظم"
                    ),
                    "ckb": (
                        "ژمارەی ئەو ئافرەتانەی سەرپەرشتیاری خێزانن یان پەنابەر و ئاوارەن و کار "
                        "یان داهاتێکی بەردەوامیان دەستکەوتووە"
                    ),
                },
                "unit": "number",
                "direction": "increase",
                "baseline": 0,
                "baseline_year": 2020,
                "target": 25_000,
                "data_source": "MoLSA employment and social protection databases",
                "frequency": "annual",
                "aggregation": "sum",
                "disaggregations": ["age", "vulnerable_group", "governorate", "disability"],
                "responsible": "molsa",
                "sensitive": False,
            },
        ],
        "activities": [
            {
                "code": "3.2.1",
                "title": {
                    "en": (
                        "Enrol women-headed households and single mothers in the monthly cash "
                        "transfers of the social protection network"
                    ),
                    "ar": (
                        "شمول النساء المعيلات لأسرهن والأمهات المعيلات بمفردهن بالإعانات النقدية "
                        "الشهرية لشبكة الحماية الاجتماعية"
                    ),
                    "ckb": (
                        "گرتنەوەی ئافرەتانی سەرپەرشتیاری خێزان و ئەو دایکانەی بە تەنیا منداڵ "
                        "بەخێو دەکەن بە یارمەتیی داراییی مانگانەی تۆڕی پاراستنی کۆمەڵایەتی"
                    ),
                },
                "lead": "molsa",
                "partners": [
                    ("mof", "funding"),
                    ("gov-office-baghdad", "supporting"),
                    ("gov-office-basra", "supporting"),
                ],
                "governorates": "nationwide",
                "groups": ["women-headed-households", "women-with-disabilities", "returnees"],
                "themes": ["covid-19", "economic-empowerment"],
                "start": "2021-01-01",
                "end": "2024-12-31",
                "status": "in_progress",
                "budget": 12_000_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "state_budget",
                        "funder": "mof",
                        "year": 2021,
                        "planned": 4_000_000_000,
                        "committed": 4_000_000_000,
                        "disbursed": 4_000_000_000,
                    },
                    {
                        "source": "state_budget",
                        "funder": "mof",
                        "year": 2022,
                        "planned": 4_000_000_000,
                        "committed": 4_000_000_000,
                        "disbursed": 3_800_000_000,
                    },
                    {
                        "source": "state_budget",
                        "funder": "mof",
                        "year": 2023,
                        "planned": 4_000_000_000,
                        "committed": 4_000_000_000,
                        "disbursed": 3_100_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "3.2.1-a",
                        "title": {
                            "en": (
                                "Number of women-headed households newly enrolled in monthly "
                                "social protection cash transfers"
                            ),
                            "ar": (
                                "عدد الأسر التي تعيلها نساء المشمولة حديثاً بالإعانات النقدية "
                                "الشهرية للحماية الاجتماعية"
                            ),
                            "ckb": (
                                "ژمارەی ئەو خێزانانەی ئافرەت سەرپەرشتیان دەکات و بە تازەیی "
                                "خراونەتە ناو یارمەتیی داراییی مانگانەی پاراستنی کۆمەڵایەتییەوە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 60_000,
                        "data_source": "Social protection network database",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [
                            "age",
                            "vulnerable_group",
                            "governorate",
                            "disability",
                        ],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "3.2.2",
                "title": {
                    "en": (
                        "Provide vocational training, small loans and job placement for refugee, "
                        "displaced and returnee women"
                    ),
                    "ar": (
                        "توفير التدريب المهني والقروض الصغيرة وفرص التشغيل للنساء اللاجئات "
                        "والنازحات والعائدات"
                    ),
                    "ckb": (
                        "دابینکردنی ڕاهێنانی پیشەیی و قەرزی بچووک و دۆزینەوەی هەلی کار بۆ "
                        "ئافرەتانی پەنابەر و ئاوارە و گەڕاوە"
                    ),
                },
                "lead": "molsa",
                "partners": [
                    ("krg-hcwa", "implementing"),
                    ("sdn", "implementing"),
                    ("efi", "supporting"),
                    ("eu-madad", "funding"),
                ],
                "governorates": ["IQ-AR", "IQ-DA", "IQ-SU", "IQ-NI", "IQ-AN"],
                "groups": ["refugees", "idps", "returnees"],
                "themes": ["economic-empowerment"],
                "start": "2021-09-01",
                "end": "2024-06-30",
                "status": "in_progress",
                "budget": 750_000,
                "currency": "EUR",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2022,
                        "planned": 300_000,
                        "committed": 300_000,
                        "disbursed": 280_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2023,
                        "planned": 300_000,
                        "committed": 300_000,
                        "disbursed": 190_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu-madad",
                        "year": 2024,
                        "planned": 150_000,
                        "committed": 150_000,
                        "disbursed": 40_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "3.2.2-a",
                        "title": {
                            "en": (
                                "Number of refugee, displaced and returnee women completing "
                                "vocational training"
                            ),
                            "ar": (
                                "عدد النساء اللاجئات والنازحات والعائدات اللواتي أكملن التدريب "
                                "المهني"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ئافرەتە پەنابەر و ئاوارە و گەڕاوانەی ڕاهێنانی "
                                "پیشەییان تەواو کردووە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 3000,
                        "data_source": "Training centre records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["age", "vulnerable_group", "governorate"],
                        "sensitive": False,
                    },
                    {
                        "code": "3.2.2-b",
                        "title": {
                            "en": (
                                "Number of trained women employed or running their own business "
                                "six months after training"
                            ),
                            "ar": (
                                "عدد المتدربات اللواتي حصلن على عمل أو يُدرن مشاريعهن الخاصة بعد "
                                "ستة أشهر من التدريب"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ئافرەتە ڕاهێنراوانەی شەش مانگ دوای ڕاهێنان کاریان "
                                "دەستکەوتووە یان پڕۆژەی تایبەتی خۆیان بەڕێوە دەبەن"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 1200,
                        "data_source": "Follow-up survey of trainees",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": ["age", "vulnerable_group", "governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "3.2.3",
                "title": {
                    "en": (
                        "Plan and invest in affordable and accessible childcare services in "
                        "public institutions and industrial areas, with private sector "
                        "participation"
                    ),
                    "ar": (
                        "التخطيط والاستثمار في خدمات رعاية أطفال ميسورة الكلفة وسهلة الوصول في "
                        "المؤسسات العامة والمناطق الصناعية بمشاركة القطاع الخاص"
                    ),
                    "ckb": (
                        "پلاندانان و وەبەرهێنان لە خزمەتگوزاریی چاودێریی منداڵی هەرزان و ئاسان بۆ "
                        "دەستگەیشتن لە دامەزراوە گشتییەکان و ناوچە پیشەسازییەکان، بە بەشداریی "
                        "کەرتی تایبەت"
                    ),
                },
                "lead": "molsa",
                "partners": [
                    ("wed", "supporting"),
                    ("gov-office-baghdad", "implementing"),
                    ("gov-office-sulaymaniyah", "implementing"),
                ],
                "governorates": ["IQ-BG", "IQ-BA", "IQ-NA", "IQ-SU"],
                "groups": ["women-headed-households"],
                "themes": ["economic-empowerment"],
                "start": "2022-03-01",
                "end": "2024-12-31",
                "status": "delayed",
                "budget": 1_800_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "state_budget",
                        "funder": None,
                        "year": 2022,
                        "planned": 700_000_000,
                        "committed": 500_000_000,
                        "disbursed": 300_000_000,
                    },
                    {
                        "source": "state_budget",
                        "funder": None,
                        "year": 2023,
                        "planned": 500_000_000,
                        "committed": 300_000_000,
                        "disbursed": 120_000_000,
                    },
                    {
                        "source": "private_sector",
                        "funder": None,
                        "year": 2023,
                        "planned": 600_000_000,
                        "committed": 250_000_000,
                        "disbursed": 100_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "3.2.3-a",
                        "title": {
                            "en": "Number of new affordable childcare places created",
                            "ar": "عدد المقاعد الجديدة المستحدثة في دور حضانة ميسورة الكلفة",
                            "ckb": (
                                "ژمارەی ئەو شوێنە نوێیانەی لە دایەنگە هەرزانەکاندا بۆ منداڵان "
                                "دابین کراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 3000,
                        "data_source": "MoLSA nursery licensing records",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": ["governorate"],
                        "sensitive": False,
                    },
                    {
                        "code": "3.2.3-b",
                        "title": {
                            "en": (
                                "Percentage of surveyed working mothers who report lack of "
                                "childcare as a barrier to work"
                            ),
                            "ar": (
                                "نسبة الأمهات العاملات المشمولات بالمسح اللواتي يعدّن غياب رعاية "
                                "الأطفال عائقاً أمام العمل"
                            ),
                            "ckb": (
                                "ڕێژەی ئەو دایکە کارمەندانەی لە ڕاپرسییەکەدا نەبوونی چاودێریی "
                                "منداڵ بە ڕێگرێک لەبەردەم کارکردندا دادەنێن"
                            ),
                        },
                        "unit": "percent",
                        "direction": "decrease",
                        "baseline": 62,
                        "baseline_year": 2020,
                        "target": 40,
                        "data_source": "Annual workplace survey",
                        "frequency": "annual",
                        "aggregation": "latest",
                        "disaggregations": ["age", "governorate"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "3.2.4",
                "title": {
                    "en": (
                        "Link refugee and displaced women in camps with health and social "
                        "protection schemes through a unified referral pathway"
                    ),
                    "ar": (
                        "ربط النساء اللاجئات والنازحات في المخيمات بمنظومات الحماية الصحية "
                        "والاجتماعية عبر مسار إحالة موحد"
                    ),
                    "ckb": (
                        "بەستنەوەی ئافرەتانی پەنابەر و ئاوارە لە کەمپەکاندا بە سیستەمەکانی "
                        "پاراستنی تەندروستی و کۆمەڵایەتی لە ڕێگەی ڕێڕەوێکی یەکگرتووی ڕەوانەکردنەوە"
                    ),
                },
                "lead": "molsa",
                "partners": [
                    ("krg-hcwa", "implementing"),
                    ("gov-office-erbil", "implementing"),
                    ("unami", "supporting"),
                    ("eu", "funding"),
                ],
                "governorates": ["IQ-AR", "IQ-DA", "IQ-SU"],
                "groups": ["refugees", "idps"],
                "themes": ["economic-empowerment"],
                "start": "2024-03-01",
                "end": "2024-12-31",
                "status": "planned",
                "budget": 120_000,
                "currency": "USD",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2024,
                        "planned": 120_000,
                        "committed": 0,
                        "disbursed": 0,
                    },
                ],
                "indicators": [
                    {
                        "code": "3.2.4-a",
                        "title": {
                            "en": (
                                "Number of refugee and displaced women enrolled in health or "
                                "social protection schemes"
                            ),
                            "ar": (
                                "عدد النساء اللاجئات والنازحات المسجلات في منظومات الحماية الصحية "
                                "أو الاجتماعية"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ئافرەتە پەنابەر و ئاوارانەی لە سیستەمەکانی پاراستنی "
                                "تەندروستی یان کۆمەڵایەتیدا تۆمار کراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 4000,
                        "data_source": "Referral pathway case records",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [
                            "age",
                            "vulnerable_group",
                            "governorate",
                            "disability",
                        ],
                        "sensitive": False,
                    },
                ],
            },
        ],
    },
    {
        "code": "4.1",
        "pillar": "legislation",
        "title": {
            "en": (
                "The Anti-Domestic Violence Law is adopted and discriminatory articles of the "
                "Personal Status Law, the Penal Code and the Criminal Procedure Law are amended"
            ),
            "ar": (
                "إقرار قانون مناهضة العنف الأسري وتعديل المواد التمييزية في قانون الأحوال الشخصية "
                "وقانون العقوبات وقانون أصول المحاكمات الجزائية"
            ),
            "ckb": (
                "پەسەندکردنی یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی و هەموارکردنی ئەو مادە "
                "جیاکارییانەی لە یاسای باری کەسێتی و یاسای سزادان و یاسای بنەماکانی دادگاییکردنی "
                "سزاییدا هەن"
            ),
        },
        "indicators": [
            {
                "code": "4.1-o1",
                "title": {
                    "en": "Anti-Domestic Violence Law adopted by the Council of Representatives",
                    "ar": "إقرار مجلس النواب لقانون مناهضة العنف الأسري",
                    "ckb": (
                        "پەسەندکردنی یاسای بەرەنگاربوونەوەی توندوتیژیی خێزانی لەلایەن ئەنجومەنی "
                        "نوێنەرانەوە"
                    ),
                },
                "unit": "yes_no",
                "direction": "increase",
                "baseline": 0,
                "baseline_year": 2020,
                "target": 1,
                "data_source": "Official Gazette and Council of Representatives records",
                "frequency": "annual",
                "aggregation": "latest",
                "disaggregations": [],
                "responsible": "cor-women",
                "sensitive": False,
            },
        ],
        "activities": [
            {
                "code": "4.1.1",
                "title": {
                    "en": (
                        "Advocate with the Council of Representatives and the Government to put "
                        "the Anti-Domestic Violence Bill to a vote as a priority"
                    ),
                    "ar": (
                        "المناصرة لدى مجلس النواب والحكومة لعرض مشروع قانون مناهضة العنف الأسري "
                        "للتصويت بصورة عاجلة"
                    ),
                    "ckb": (
                        "داکۆکیکردن لەلای ئەنجومەنی نوێنەران و حکوومەت بۆ ئەوەی پڕۆژەیاسای "
                        "بەرەنگاربوونەوەی توندوتیژیی خێزانی بە پەلە بخرێتە دەنگدانەوە"
                    ),
                },
                "lead": "wed",
                "partners": [
                    ("cor-women", "implementing"),
                    ("alliance-1325", "implementing"),
                    ("iwn", "implementing"),
                    ("unami", "supporting"),
                    ("un-women", "funding"),
                ],
                "governorates": "nationwide",
                "groups": ["sgbv-survivors", "girls"],
                "themes": ["gbv", "legal-reform", "covid-19"],
                "start": "2021-01-01",
                "end": "2024-12-31",
                "status": "delayed",
                "budget": 90_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "ministerial",
                        "funder": "wed",
                        "year": 2021,
                        "planned": 30_000_000,
                        "committed": 30_000_000,
                        "disbursed": 28_000_000,
                    },
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2022,
                        "planned": 35_000_000,
                        "committed": 35_000_000,
                        "disbursed": 30_000_000,
                    },
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2023,
                        "planned": 25_000_000,
                        "committed": 20_000_000,
                        "disbursed": 8_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "4.1.1-a",
                        "title": {
                            "en": (
                                "Number of advocacy meetings held with parliamentarians and "
                                "decision-makers on the Anti-Domestic Violence Bill"
                            ),
                            "ar": (
                                "عدد اجتماعات المناصرة مع أعضاء مجلس النواب وصناع القرار بشأن "
                                "مشروع قانون مناهضة العنف الأسري"
                            ),
                            "ckb": (
                                "ژمارەی ئەو کۆبوونەوانەی داکۆکیکردن کە لەگەڵ ئەندامانی پەرلەمان و "
                                "بڕیاربەدەستان دەربارەی پڕۆژەیاسای بەرەنگاربوونەوەی توندوتیژیی "
                                "خێزانی ئەنجامدراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 40,
                        "data_source": "Meeting minutes",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "4.1.2",
                "title": {
                    "en": (
                        "Review discriminatory articles of the Personal Status Law, the Penal "
                        "Code and the Criminal Procedure Law and submit draft amendments"
                    ),
                    "ar": (
                        "مراجعة المواد التمييزية في قانون الأحوال الشخصية وقانون العقوبات وقانون "
                        "أصول المحاكمات الجزائية وتقديم مسودات تعديلها"
                    ),
                    "ckb": (
                        "پێداچوونەوە بە مادە جیاکارییەکانی یاسای باری کەسێتی و یاسای سزادان و "
                        "یاسای بنەماکانی دادگاییکردنی سزایی و پێشکەشکردنی ڕەشنووسی هەموارکردنیان"
                    ),
                },
                "lead": "ihchr",
                "partners": [
                    ("wed", "implementing"),
                    ("fnid", "implementing"),
                    ("sawtuha", "supporting"),
                    ("eu", "funding"),
                ],
                "governorates": "nationwide",
                "groups": ["girls", "women-headed-households"],
                "themes": ["legal-reform"],
                "start": "2021-05-01",
                "end": "2023-12-31",
                "status": "in_progress",
                "budget": 60_000,
                "currency": "USD",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2021,
                        "planned": 30_000,
                        "committed": 30_000,
                        "disbursed": 30_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2022,
                        "planned": 30_000,
                        "committed": 30_000,
                        "disbursed": 24_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "4.1.2-a",
                        "title": {
                            "en": "Legal review of discriminatory provisions published",
                            "ar": "نشر المراجعة القانونية للأحكام التمييزية",
                            "ckb": "بڵاوکردنەوەی پێداچوونەوەی یاسایی بە حوکمە جیاکارییەکان",
                        },
                        "unit": "yes_no",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 1,
                        "data_source": "Published legal review",
                        "frequency": "annual",
                        "aggregation": "latest",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                    {
                        "code": "4.1.2-b",
                        "title": {
                            "en": (
                                "Number of draft amendments submitted to the Council of Ministers"
                            ),
                            "ar": "عدد مسودات التعديل المقدمة إلى مجلس الوزراء",
                            "ckb": (
                                "ژمارەی ئەو ڕەشنووسانەی هەموارکردن کە پێشکەشی ئەنجومەنی وەزیران "
                                "کراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 6,
                        "data_source": "IHCHR and WED correspondence",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "4.1.3",
                "title": {
                    "en": (
                        "Train judges, investigators, family protection police and social workers "
                        "in the Kurdistan Region on applying the law on combating domestic "
                        "violence"
                    ),
                    "ar": (
                        "تدريب القضاة والمحققين وشرطة حماية الأسرة والباحثين الاجتماعيين في إقليم "
                        "كوردستان على تطبيق قانون مناهضة العنف الأسري"
                    ),
                    "ckb": (
                        "ڕاهێنانی دادوەران، لێکۆڵەران، پۆلیسی پاراستنی خێزان و توێژەرانی "
                        "کۆمەڵایەتی لە هەرێمی کوردستان لەسەر جێبەجێکردنی یاسای بەرەنگاربوونەوەی "
                        "توندوتیژیی خێزانی"
                    ),
                },
                "lead": "krg-hcwa",
                "partners": [
                    ("gov-office-erbil", "implementing"),
                    ("gov-office-sulaymaniyah", "implementing"),
                    ("wmfo", "supporting"),
                    ("un-women", "funding"),
                ],
                "governorates": ["IQ-AR", "IQ-SU", "IQ-DA", "IQ-HAL"],
                "groups": ["sgbv-survivors", "minorities"],
                "themes": ["gbv", "legal-reform"],
                "start": "2022-01-01",
                "end": "2024-06-30",
                "status": "in_progress",
                "budget": 70_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "ministerial",
                        "funder": "krg-hcwa",
                        "year": 2022,
                        "planned": 40_000_000,
                        "committed": 40_000_000,
                        "disbursed": 36_000_000,
                    },
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2023,
                        "planned": 30_000_000,
                        "committed": 30_000_000,
                        "disbursed": 22_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "4.1.3-a",
                        "title": {
                            "en": (
                                "Number of judges, investigators, police officers and social "
                                "workers trained"
                            ),
                            "ar": (
                                "عدد القضاة والمحققين وأفراد الشرطة والباحثين الاجتماعيين المدربين"
                            ),
                            "ckb": (
                                "ژمارەی ئەو دادوەر و لێکۆڵەر و پۆلیس و توێژەرە کۆمەڵایەتییانەی "
                                "ڕاهێنراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 300,
                        "data_source": "Training attendance lists",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": ["sex", "governorate"],
                        "sensitive": False,
                    },
                ],
            },
        ],
    },
    {
        "code": "4.2",
        "pillar": "legislation",
        "title": {
            "en": (
                "Women parliamentarians are supported in mobilising for legislative amendments, "
                "and gender-sensitive budgets are approved"
            ),
            "ar": (
                "دعم البرلمانيات في حشد التأييد للتعديلات التشريعية واعتماد موازنات مستجيبة للنوع "
                "الاجتماعي"
            ),
            "ckb": (
                "پشتگیریکردنی ئافرەتانی پەرلەمانتار لە کۆکردنەوەی پشتیوانی بۆ هەموارکردنەوەی "
                "یاساکان و پەسەندکردنی بودجەی هەستیار بە جێندەر"
            ),
        },
        "indicators": [
            {
                "code": "4.2-o1",
                "title": {
                    "en": (
                        "Percentage of ministries whose annual budget proposals include "
                        "gender-sensitive budget statements"
                    ),
                    "ar": (
                        "نسبة الوزارات التي تتضمن مقترحات موازناتها السنوية بيانات موازنة مستجيبة "
                        "للنوع الاجتماعي"
                    ),
                    "ckb": (
                        "ڕێژەی ئەو وەزارەتانەی پێشنیازی بودجەی ساڵانەیان ڕوونکردنەوەی بودجەی "
                        "هەستیار بە جێندەری تێدایە"
                    ),
                },
                "unit": "percent",
                "direction": "increase",
                "baseline": 0,
                "baseline_year": 2020,
                "target": 50,
                "data_source": "MoF budget proposals review",
                "frequency": "annual",
                "aggregation": "latest",
                "disaggregations": [],
                "responsible": "mof",
                "sensitive": False,
            },
        ],
        "activities": [
            {
                "code": "4.2.1",
                "title": {
                    "en": (
                        "Include gender-sensitive budgeting guidance in the Ministry of Finance "
                        "budget preparation instructions and train ministry budget officers"
                    ),
                    "ar": (
                        "تضمين توجيهات الموازنة المستجيبة للنوع الاجتماعي في تعليمات إعداد "
                        "الموازنة الصادرة عن وزارة المالية، وتدريب ملاكات الموازنة في الوزارات"
                    ),
                    "ckb": (
                        "جێکردنەوەی ڕێنماییەکانی بودجەی هەستیار بە جێندەر لە ناو ڕێنماییەکانی "
                        "ئامادەکردنی بودجەی وەزارەتی دارایی و ڕاهێنانی کارمەندانی بودجە لە "
                        "وەزارەتەکاندا"
                    ),
                },
                "lead": "mof",
                "partners": [
                    ("wed", "implementing"),
                    ("mop", "implementing"),
                    ("un-women", "funding"),
                ],
                "governorates": "nationwide",
                "groups": ["women-headed-households", "women-with-disabilities"],
                "themes": ["legal-reform"],
                "start": "2021-07-01",
                "end": "2024-12-31",
                "status": "in_progress",
                "budget": 120_000_000,
                "currency": "IQD",
                "funding": [
                    {
                        "source": "ministerial",
                        "funder": "mof",
                        "year": 2021,
                        "planned": 40_000_000,
                        "committed": 40_000_000,
                        "disbursed": 40_000_000,
                    },
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2022,
                        "planned": 50_000_000,
                        "committed": 50_000_000,
                        "disbursed": 44_000_000,
                    },
                    {
                        "source": "international",
                        "funder": "un-women",
                        "year": 2023,
                        "planned": 30_000_000,
                        "committed": 30_000_000,
                        "disbursed": 12_000_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "4.2.1-a",
                        "title": {
                            "en": (
                                "Budget instructions with gender-sensitive budgeting guidance "
                                "issued"
                            ),
                            "ar": (
                                "صدور تعليمات الموازنة المتضمنة توجيهات الموازنة المستجيبة للنوع "
                                "الاجتماعي"
                            ),
                            "ckb": (
                                "دەرچوونی ڕێنماییەکانی بودجە کە ڕێنمایی بودجەی هەستیار بە "
                                "جێندەریان تێدایە"
                            ),
                        },
                        "unit": "yes_no",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 1,
                        "data_source": "MoF budget instructions",
                        "frequency": "annual",
                        "aggregation": "latest",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                    {
                        "code": "4.2.1-b",
                        "title": {
                            "en": (
                                "Number of ministry budget officers trained in gender-sensitive "
                                "budgeting"
                            ),
                            "ar": (
                                "عدد موظفي الموازنة في الوزارات المدربين على إعداد الموازنة "
                                "المستجيبة للنوع الاجتماعي"
                            ),
                            "ckb": (
                                "ژمارەی ئەو کارمەندانەی بودجە لە وەزارەتەکان کە لەسەر بودجەی "
                                "هەستیار بە جێندەر ڕاهێنراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 250,
                        "data_source": "Training attendance lists",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": ["sex"],
                        "sensitive": False,
                    },
                ],
            },
            {
                "code": "4.2.2",
                "title": {
                    "en": (
                        "Support women parliamentarians and the Women, Family and Childhood "
                        "Committee in raising awareness and mobilising for legal amendments, in "
                        "cooperation with women's organisations"
                    ),
                    "ar": (
                        "دعم البرلمانيات ولجنة المرأة والأسرة والطفولة في مجلس النواب في التوعية "
                        "وحشد التأييد للتعديلات القانونية بالتعاون مع المنظمات النسوية"
                    ),
                    "ckb": (
                        "پشتگیریکردنی ئافرەتانی پەرلەمانتار و لیژنەی ئافرەت و خێزان و منداڵی "
                        "ئەنجومەنی نوێنەران لە هۆشیارکردنەوە و کۆکردنەوەی پشتیوانی بۆ "
                        "هەموارکردنەوەی یاساکان، بە هاوکاریی ڕێکخراوەکانی ئافرەتان"
                    ),
                },
                "lead": "wed",
                "partners": [
                    ("cor-women", "implementing"),
                    ("alliance-1325", "implementing"),
                    ("sawtuha", "implementing"),
                    ("unami", "supporting"),
                    ("eu", "funding"),
                ],
                "governorates": "nationwide",
                "groups": ["girls", "minorities"],
                "themes": ["legal-reform", "gbv"],
                "start": "2021-03-01",
                "end": "2024-10-31",
                "status": "in_progress",
                "budget": 140_000,
                "currency": "EUR",
                "funding": [
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2021,
                        "planned": 40_000,
                        "committed": 40_000,
                        "disbursed": 40_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2022,
                        "planned": 50_000,
                        "committed": 50_000,
                        "disbursed": 47_000,
                    },
                    {
                        "source": "international",
                        "funder": "eu",
                        "year": 2023,
                        "planned": 50_000,
                        "committed": 50_000,
                        "disbursed": 26_000,
                    },
                ],
                "indicators": [
                    {
                        "code": "4.2.2-a",
                        "title": {
                            "en": (
                                "Number of joint meetings between women parliamentarians and "
                                "women's organisations"
                            ),
                            "ar": "عدد الاجتماعات المشتركة بين البرلمانيات والمنظمات النسوية",
                            "ckb": (
                                "ژمارەی ئەو کۆبوونەوە هاوبەشانەی لە نێوان ئافرەتانی پەرلەمانتار و "
                                "ڕێکخراوەکانی ئافرەتاندا ئەنجامدراون"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 30,
                        "data_source": "Meeting minutes",
                        "frequency": "quarterly",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                    {
                        "code": "4.2.2-b",
                        "title": {
                            "en": (
                                "Number of women parliamentarians taking part in capacity "
                                "building on legislative advocacy and gender-sensitive budgeting"
                            ),
                            "ar": (
                                "عدد البرلمانيات المشاركات في برامج بناء القدرات حول المناصرة "
                                "التشريعية والموازنة المستجيبة للنوع الاجتماعي"
                            ),
                            "ckb": (
                                "ژمارەی ئەو ئافرەتە پەرلەمانتارانەی بەشدارییان لە بەرنامەکانی "
                                "تواناسازی دەربارەی داکۆکیکاریی یاسادانان و بودجەی هەستیار بە "
                                "جێندەردا کردووە"
                            ),
                        },
                        "unit": "number",
                        "direction": "increase",
                        "baseline": 0,
                        "baseline_year": 2020,
                        "target": 60,
                        "data_source": "Attendance lists",
                        "frequency": "semiannual",
                        "aggregation": "sum",
                        "disaggregations": [],
                        "sensitive": False,
                    },
                ],
            },
        ],
    },
]

# Demo indicators linked to external frameworks (indicators/frameworks.py), only where the link
# is plain: women in decision-making -> SDG 5.5 and CEDAW article 7; violence against women ->
# SDG 5.2; sexual and reproductive health -> SDG 5.6 and CEDAW article 12; legislation -> SDG
# 5.1 and 5.c and CEDAW article 2.
FRAMEWORK_REFERENCES = {
    "1.1-o1": ["sdg:5.5", "cedaw:Art. 7"],
    "1.1.1-a": ["sdg:5.5"],
    "4.2.2-b": ["sdg:5.5"],
    "2.2-o1": ["sdg:5.6", "cedaw:Art. 12"],
    "2.3-o1": ["sdg:5.2"],
    "2.3.1-a": ["sdg:5.2"],
    "4.1-o1": ["sdg:5.2", "sdg:5.c"],
    "4.1.2-a": ["sdg:5.1", "cedaw:Art. 2"],
    "4.1.2-b": ["sdg:5.1", "sdg:5.c"],
}
