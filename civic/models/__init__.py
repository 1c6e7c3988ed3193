"""Democratic life: debates and proposals, commitments and their follow-up, councils and votes, citizen juries."""

from civic.models.commitments import Commitment, Follower, Milestone, Update
from civic.models.councils import Council, Councillor, Deliberation, Sitting, Vote
from civic.models.debates import Comment, Debate, Flag, Proposal, Support
from civic.models.juries import Jury, Volunteer

__all__ = [
    "Comment", "Commitment", "Council", "Councillor", "Debate", "Deliberation", "Flag", "Follower", "Jury",
    "Milestone", "Proposal", "Sitting", "Support", "Update", "Volunteer", "Vote",
]  # fmt: skip
