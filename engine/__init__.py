"""The site engine: loads and checks the data and front matter authors write, and renders
what the macros in `macros.py` put on pages. Plain functions, importable by the tests."""
