"""The kinds of entity, and every label a kind is shown with, in one place."""

from __future__ import annotations

from enum import StrEnum


class EntityKind(StrEnum):
    """What a named entity is. The value is what `analyze --json` writes."""

    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    OTHER = "OTHER"
    """A name the analysis could not type: a product, a work, an event."""

    @property
    def heading(self) -> str:
        """The title of a list of entities of this kind ("People")."""
        return _LABELS[self][0]

    @property
    def noun(self) -> str:
        """One entity of this kind, in a sentence ("person")."""
        return _LABELS[self][1]

    @property
    def slug(self) -> str:
        """The kind in style names (`panel--person`, `article--org`)."""
        return self.value.lower()


_LABELS = {
    EntityKind.PERSON: ("People", "person"),
    EntityKind.ORG: ("Organisations", "organisation"),
    EntityKind.PLACE: ("Places", "place"),
    EntityKind.OTHER: ("Other names", "name"),
}

NAMED_KINDS = (EntityKind.PERSON, EntityKind.ORG, EntityKind.PLACE)
"""The kinds the analysis is sure of (everything but OTHER)."""
