"""The build's MkDocs hooks (`hooks:` in mkdocs.yml), one file per concern, in the order a page
meets them:

- `content.py`: configuration, data, glossary, macros; each page's front matter, review line,
  references, share and print blocks and JSON-LD.
- `finish.py`: each page's final HTML, in memory: held macro output put back, theme repairs,
  image sizes, glossary terms explained once.
- `hosting.py`: after the build: headers and CSP, dark mode, minified CSS, robots.txt,
  llms.txt, cache pruning.

`build.py` holds what one build learns (shared by the three), and `theme.py` names every
Material and plugin internal the site relies on. The domain work is in `engine/`, which
imports no MkDocs; these files only connect it to MkDocs' events.
"""
