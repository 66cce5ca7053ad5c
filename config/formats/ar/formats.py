# Arabic as written in Iraq. Django's Arabic module writes 1.234,5 (decimal comma); with the
# digits 0-9 the Unicode CLDR's Arabic (and what Iraqi ministries print) is 1,234.5. People
# who choose Eastern Arabic digits see ١٬٢٣٤٫٥ (core/digits.py). The week starts on Saturday.
# What is not set here comes from Django's own module (django/conf/locale/ar/formats.py).
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 6
DATETIME_FORMAT = "j F Y، G:i"
SHORT_DATETIME_FORMAT = "Y/n/j، G:i"
