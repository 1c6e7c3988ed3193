"""Telling the author of a proposal, an edit or a report what a moderator decided, and why."""

from core import mail


def decision(to: str, *, subject: str, accepted: bool, reason: str = "", url: str = "") -> None:
    """One e-mail in French: what was examined (`subject`, e.g. « votre signalement sur « Médiathèque » »), the
    decision, the moderator's message (required when refusing: the reason), where to look."""
    if not to:
        return
    if not accepted and not reason.strip():
        raise ValueError("Un refus doit dire pourquoi.")
    mail.send("moderation_decision", [to], {"subject": subject, "accepted": accepted, "reason": reason, "url": url})
