"""Times in the territory's zone, and a clock frozen at one of them (time-machine moves every thread's clock)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

PARIS = ZoneInfo("Europe/Paris")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def frozen(*args):
    return time_machine.travel(at(*args), tick=False)
