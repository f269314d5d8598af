"""kommunbudget: Swedish municipal budget PDFs → clean, validated datasets."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kommunbudget")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+src"
