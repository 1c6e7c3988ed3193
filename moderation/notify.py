"""Telling the author of a proposal, an edit or a report what a moderator decided, and why."""

from core import mail


def decision(to: str, *, subject: str, accepted: bool, reason: str = "", url: str = "", partly: bool = False) -> None:
    """One e-mail in French: what was examined (`subject`, e.g. « votre signalement sur « Médiathèque » »), the
    decision (`partly`: some of it kept, the rest undone), the moderator's message (required when refusing: the
    reason), where to look."""
    if not to:
        return
    if not accepted and not reason.strip():
        raise ValueError("Un refus doit dire pourquoi.")
    mail.send(
        "moderation_decision",
        [to],
        {"subject": subject, "accepted": accepted, "partly": partly, "reason": reason, "url": url},
    )
