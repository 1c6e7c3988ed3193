"""« Mes outils » on the account page (/compte/): each app registers, from its `ready()`, the links to the
tools a person uses there, each with who sees it. `accounts` imports no other app: they come to it.

    from accounts import tools
    tools.register("Demandes à traiter", "participation:queue", visible=handles_any)
    tools.register("Ma commission", my_commission_url, visible=lambda user: user.commissions.exists())

`url` is a URL name (reversed without arguments), a path, or a function of the user returning one (for a
link that depends on the person, such as their own commission). `visible(user)` is called only for a logged-in
person; without it, every logged-in person sees the link. Links show in registration order (then `order`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Tool:
    label: str | Callable
    url: str | Callable
    visible: Callable | None = None
    order: int = 100
    help: str = ""


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    help: str


_TOOLS: dict[str, Tool] = {}


def register(label, url, *, visible: Callable | None = None, order: int = 100, help: str = "", key: str = "") -> Tool:
    """Add a link to « Mes outils ». `label` may be a function of the user too (« Ma commission » / « Mes
    commissions »); `key` (by default the label) makes registering twice harmless, `ready()` may run twice."""
    tool = Tool(label, url, visible, order, help)
    # A label may be lazy (gettext_lazy): it is not callable, and its text is its key.
    _TOOLS[key or (f"{label.__module__}.{label.__qualname__}" if callable(label) else str(label))] = tool
    return tool


def unregister(key: str) -> None:
    _TOOLS.pop(key, None)


def _resolve(url, user) -> str:
    value = url(user) if callable(url) else url
    if not value or value.startswith("/"):
        return value or ""
    try:
        return reverse(value)
    except NoReverseMatch:
        return value


def for_user(user) -> list[Link]:
    """The links `user` may follow, in order; none for an anonymous visitor."""
    if not (user.is_authenticated and user.is_active):
        return []
    tools = sorted(_TOOLS.values(), key=lambda t: t.order)  # stable: registration order within one order
    links = []
    for tool in tools:
        if tool.visible is None or tool.visible(user):
            url = _resolve(tool.url, user)
            if url:
                label = tool.label(user) if callable(tool.label) else tool.label
                links.append(Link(label, url, tool.help))
    return links
