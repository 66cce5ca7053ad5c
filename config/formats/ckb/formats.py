# Sorani Kurdish: Django's module (django/conf/locale/ckb/formats.py) is right for dates and
# separators; numbers are grouped by three.
NUMBER_GROUPING = 3
