"""Evidence for the kind of a name: a score for each kind, and the signals behind them."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.analysis.kinds import EntityKind


@dataclass
class Evidence:
    """What the text around a name (or a group of names) says about its kind.

    The kind scores add up points from the rules that saw a name's context and
    shape; the signals count things the kind rules weigh once every mention is in.
    """

    person: float = 0
    org: float = 0
    place: float = 0
    other: float = 0
    weak: int = 0
    """A lone capitalised word in a language that capitalises every noun ("Regierung"):
    a name only if other evidence says so."""
    speaks: int = 0
    """Times a speech verb follows the name ("Zuckerberg una volta disse")."""
    place_cue: int = 0
    """Times a place preposition comes right before it ("a Roma", "in Italia")."""
    place_in: int = 0
    """Stronger place context: "in", "nel" before it, or "the inhabitants of" before it (2)."""
    capitalised_nouns: int = 0
    """A run of capitalised words in a language that capitalises every noun, with no
    first name, acronym or CamelCase in it ("Deutsche Bundesbank", "Grüne Partei"):
    it may be common nouns, so it is not taken for a person on its shape alone."""

    def score(self, kind: EntityKind) -> float:
        """The score of one kind."""
        return getattr(self, _FIELD[kind])

    def add(self, kind: EntityKind, points: float) -> None:
        """Add points (or take them, when negative) to one kind's score."""
        name = _FIELD[kind]
        setattr(self, name, getattr(self, name) + points)

    def include(self, other: Evidence) -> None:
        """Add everything another name's (or group's) evidence holds to this one."""
        # Field by field, not by reflection: this runs for every candidate.
        self.person += other.person
        self.org += other.org
        self.place += other.place
        self.other += other.other
        self.weak += other.weak
        self.speaks += other.speaks
        self.place_cue += other.place_cue
        self.place_in += other.place_in
        self.capitalised_nouns += other.capitalised_nouns


_FIELD = {EntityKind.PERSON: "person", EntityKind.ORG: "org", EntityKind.PLACE: "place", EntityKind.OTHER: "other"}
