"""Corrections to Django's locale formats; see FORMAT_MODULE_PATH in config/settings/base.py."""
