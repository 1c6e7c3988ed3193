"""Finds text in templates and Python modules that does not go through Django's translation machinery.

Text inside an element marked `lang="fr"` is French on purpose (the link to the French version, the easy-to-read
pages' link), and so are the easy-to-read pages (directory/templates/directory/easy/, directory/easyread.py):
they are written for French readers and are not translated.

Used by the test suite (tests/core/test_i18n_sources.py) and by developers: `python -m core.i18n_check [paths]`
prints every literal left, one line each. French is the source language: a literal is French text written
straight into a template instead of inside {% translate %} / {% blocktranslate %} (or _("…") in a tag).
"""

import ast
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", ".venv-engine", "node_modules", "staticfiles", "var", "tests", "migrations", "bench", ".git"}
# Attributes a person reads or hears: their values are text like any other.
READ_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description", "aria-roledescription", "label"}
# Scripts, styles and code samples are not prose.
RAW_TAGS = {"script", "style", "code", "pre", "samp"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
MARK = "\x1a"
# A quoted argument of a tag or filter that reads as words: a space, an accented letter or a capital first.
WORDY_ARGUMENT = re.compile(r"""(?<![_\w])(["'])((?:(?!\1).)*(?:\s|[À-ÿ])(?:(?!\1).)*|[A-ZÀ-Ý](?:(?!\1).)*)\1""")
FORMAT_FILTERS = re.compile(r"\|(date|time|naturaltime|stringformat|floatformat|join|cut|yesno_raw):\s*$")


FRENCH_ONLY_TEMPLATES = ("directory/templates/directory/easy/",)
FRENCH_ONLY_MODULES = ("directory/easyread.py",)


def template_files(root=ROOT):
    for path in sorted(root.rglob("templates/**/*")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(FRENCH_ONLY_TEMPLATES) or SKIP_DIRS & set(path.relative_to(ROOT).parts):
            continue
        if path.is_file() and path.suffix in {".html", ".txt"}:
            yield path


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._raw = 0
        self._open = []  # (tag, French on purpose) of the elements open here

    def handle_starttag(self, tag, attrs):
        if tag in RAW_TAGS:
            self._raw += 1
        attributes = dict(attrs)
        if tag not in VOID_TAGS:
            self._open.append((tag, attributes.get("lang") == "fr" or self._french()))
        if self._french() or attributes.get("lang") == "fr":
            return
        for name, value in attrs:
            readable = name in READ_ATTRIBUTES or (
                tag == "input" and name == "value" and attributes.get("type") in {"submit", "button"}
            )
            readable = readable or (name == "content" and attributes.get("name") == "description")
            if readable and value:
                self.found.append(value)

    def handle_endtag(self, tag):
        if tag in RAW_TAGS and self._raw:
            self._raw -= 1
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not self._raw and not self._french():
            self.found.append(data)

    def _french(self):
        return bool(self._open) and self._open[-1][1]


def _has_words(text):
    return bool(LETTER.search(text.replace(MARK, " ")))


def template_literals(source):
    """The untranslated pieces of text of one template's source."""
    pieces, found, skip_until = [], [], None
    for token in Lexer(source).tokenize():
        contents = token.contents.strip()
        if token.token_type == TokenType.BLOCK:
            word = contents.split(" ", 1)[0]
            if skip_until and word == skip_until:
                skip_until = None
            elif word in {"blocktranslate", "blocktrans", "comment", "verbatim"}:
                skip_until = "end" + word
            if word not in {"url", "static", "load", "extends", "block", "endblock", "translate", "trans"}:
                found += _wordy_arguments(contents)
            pieces.append(MARK)
        elif token.token_type == TokenType.VAR:
            found += _wordy_arguments(contents)
            pieces.append(MARK)
        elif token.token_type == TokenType.COMMENT or skip_until:
            pieces.append(MARK)
        else:
            pieces.append(token.contents)
    collector = _TextCollector()
    collector.feed("".join(pieces))
    collector.close()
    found += [" ".join(text.replace(MARK, " ").split()) for text in collector.found if _has_words(text)]
    return found


# web.french's count/plural filters take French words: a sentence with a count goes through blocktranslate count.
FRENCH_WORD_FILTERS = re.compile(r"""\|(?:count|plural):(["'])(.*?)\1""")


def _wordy_arguments(contents):
    found = [match.group(2) for match in FRENCH_WORD_FILTERS.finditer(contents)]
    for match in WORDY_ARGUMENT.finditer(contents):
        before = contents[: match.start()]
        if (
            before.endswith("_(")
            or FORMAT_FILTERS.search(before)
            or FRENCH_WORD_FILTERS.search(before + match.group(0))
            or match.group(2).endswith((".html", ".txt"))
        ):
            continue
        found.append(match.group(2))
    return found


# Python: the places where French text reaches a person, and must be wrapped in gettext / gettext_lazy.
GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
}
MESSAGE_CALLS = {"success", "error", "info", "warning", "add_message", "debug"}
TEXT_KEYWORDS = {"label", "help_text", "empty_label", "verbose_name", "verbose_name_plural", "message", "placeholder"}
CHOICE_BASES = {"TextChoices", "IntegerChoices", "Choices"}


def python_files(root=ROOT):
    for path in sorted(root.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts)
        if (
            not SKIP_DIRS & parts
            and "management" not in parts
            and path.relative_to(ROOT).as_posix() not in FRENCH_ONLY_MODULES
        ):
            yield path


def _is_text(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _has_words(node.value)
    return isinstance(node, ast.JoinedStr)


def python_literals(source):
    """(line, text) of each French text in a user-facing position of one module that is not wrapped."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in GETTEXT_NAMES:
                continue
            candidates = []
            if name in MESSAGE_CALLS and len(node.args) >= 2:
                candidates.append(node.args[-1])
            if name == "ValidationError" and node.args:
                candidates.append(node.args[0])
            candidates += [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
            for kw in node.keywords:
                if kw.arg in {"error_messages", "attrs"} and isinstance(kw.value, ast.Dict):
                    candidates += [
                        v
                        for k, v in zip(kw.value.keys, kw.value.values, strict=True)
                        if kw.arg == "error_messages" or getattr(k, "value", None) in READ_ATTRIBUTES
                    ]
            found += [(c.lineno, ast.unparse(c)) for c in candidates if _is_text(c)]
        elif (
            isinstance(node, ast.ClassDef)
            and {getattr(b, "attr", getattr(b, "id", "")) for b in node.bases} & CHOICE_BASES
        ):
            for item in node.body:
                value = getattr(item, "value", None)
                if isinstance(item, ast.Assign) and isinstance(value, ast.Tuple) and _is_text(value.elts[-1]):
                    found.append((item.lineno, ast.unparse(value.elts[-1])))
    return found


def report(paths=None):
    lines = []
    paths = [Path(p).resolve() for p in paths] if paths else [ROOT]
    for base in paths:
        for path in template_files(base) if base.is_dir() else [base]:
            if path.suffix in {".html", ".txt"}:
                lines += [f"{path.relative_to(ROOT)}: {text}" for text in template_literals(path.read_text())]
        for path in python_files(base) if base.is_dir() else [base]:
            if path.suffix == ".py":
                lines += [f"{path.relative_to(ROOT)}:{n}: {text}" for n, text in python_literals(path.read_text())]
    return lines


def french_looking_constants(root=ROOT):
    """Every string constant that looks like French prose and is not wrapped: a wider net, for review by eye."""
    prose = re.compile(r"[a-zà-ÿ]{2,} [a-zà-ÿ]|[àâçéèêëîïôûùüÿœ]", re.IGNORECASE)
    for path in python_files(root):
        tree = ast.parse(path.read_text())
        wrapped = {
            id(arg)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in GETTEXT_NAMES
            for arg in node.args
        }
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""
            if prose.search(text) and id(node) not in wrapped | docstrings:
                yield f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:100]!r}"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--wide"]:
        print("\n".join(french_looking_constants(Path(sys.argv[2]).resolve() if sys.argv[2:] else ROOT)))
        sys.exit()
    found = report(sys.argv[1:])
    print("\n".join(found))
    print(f"{len(found)} texte(s) à traduire", file=sys.stderr)
