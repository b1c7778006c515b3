"""The rules that make entities of different articles one library entity."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.library import EntityRef, cluster, normalise


def R(article, name, kind="PERSON", aliases=(), mentions=1):
    return EntityRef(article, name, kind, tuple(aliases), mentions)


def together(refs, a, b) -> bool:
    for c in cluster(refs):
        names = {(m.article, m.name) for m in c.members}
        if a in names:
            return b in names
    raise AssertionError(f"{a} not found")


def test_normalise_sets_aside_case_accents_the_possessive_dots_and_hyphens():
    assert normalise("The Globe and Mail") == normalise("globe and mail")
    assert normalise("Wikipédia") == normalise("WIKIPEDIA")
    assert normalise("Meta's") == "meta"
    assert normalise("L.A.") == "la"
    assert normalise("Cheng Chung-tai") == "cheng chung tai"
    assert normalise("l'ONU") == "onu"
    assert normalise("The") == "the"  # a name that is only "The" keeps it


def test_surname_joins_the_one_full_name():
    refs = [R("a", "Yann LeCun"), R("b", "LeCun")]
    assert together(refs, ("a", "Yann LeCun"), ("b", "LeCun"))


def test_an_untyped_surname_joins_too():
    refs = [R("a", "Yann LeCun"), R("b", "LeCun", "OTHER")]
    (person,) = [c for c in cluster(refs) if len(c.members) == 2]
    assert person.kind == "PERSON" and person.name == "Yann LeCun" and person.aliases == ("LeCun",)


def test_a_surname_several_people_share_joins_none():
    refs = [R("a", "Raymond Chan"), R("b", "Gary Chan"), R("c", "Chan"), R("d", "Chan")]
    clusters = cluster(refs)
    assert len(clusters) == 4
    assert not together(refs, ("c", "Chan"), ("a", "Raymond Chan"))


def test_people_sharing_a_surname_with_other_first_names_stay_apart():
    refs = [R("a", "Raymond Chan", aliases=["Chan"]), R("b", "Gary Chan", aliases=["Chan"])]
    assert not together(refs, ("a", "Raymond Chan"), ("b", "Gary Chan"))
    # ...even when an untyped name would bridge them
    refs += [R("c", "Raymond Chan", "OTHER", ["Gary Chan"])]
    assert not together(refs, ("a", "Raymond Chan"), ("b", "Gary Chan"))


def test_an_initial_joins_the_one_first_name_it_can_stand_for():
    refs = [R("a", "John Smith"), R("b", "J. Smith"), R("c", "Smith")]
    assert len(cluster(refs)) == 1
    refs += [R("d", "Jane Smith")]
    assert not together(refs, ("b", "J. Smith"), ("a", "John Smith"))
    assert not together(refs, ("c", "Smith"), ("a", "John Smith"))


def test_two_people_one_article_tells_apart_stay_apart():
    refs = [R("a", "Mario Rossi"), R("a", "Maria Rossi"), R("b", "Mario Rossi", "OTHER", ["Maria Rossi"])]
    assert not together(refs, ("a", "Mario Rossi"), ("a", "Maria Rossi"))


def test_organisation_designators_plurals_and_initials():
    refs = [
        R("a", "Meta", "ORG"), R("b", "Meta Platforms", "ORG"), R("c", "Meta Platforms, Inc.", "ORG"),
        R("d", "Apple Inc.", "ORG"), R("e", "Apple", "ORG"),
        R("f", "European Southern Observatory", "ORG"), R("g", "ESO", "ORG"),
        R("h", "TBD Labs", "ORG"), R("i", "TBD Lab", "ORG"),
        R("j", "Meta Superintelligence Lab", "ORG"),
    ]
    assert together(refs, ("a", "Meta"), ("b", "Meta Platforms"))
    assert together(refs, ("a", "Meta"), ("c", "Meta Platforms, Inc."))
    assert together(refs, ("d", "Apple Inc."), ("e", "Apple"))
    assert together(refs, ("f", "European Southern Observatory"), ("g", "ESO"))
    assert together(refs, ("h", "TBD Labs"), ("i", "TBD Lab"))
    assert not together(refs, ("a", "Meta"), ("j", "Meta Superintelligence Lab"))
    eso = next(c for c in cluster(refs) if c.members[0].article in "fg")
    assert eso.name == "European Southern Observatory"  # the expansion, not the initials


def test_two_letter_initials_are_too_ambiguous():
    refs = [R("a", "European Union", "ORG"), R("b", "EU", "ORG")]
    assert not together(refs, ("a", "European Union"), ("b", "EU"))


def test_kinds_that_conflict_stay_apart_and_other_goes_with_any():
    refs = [R("a", "Georgia", "PLACE"), R("b", "Georgia", "ORG"), R("c", "Scientology", "OTHER"),
            R("d", "Scientology", "ORG")]
    assert not together(refs, ("a", "Georgia"), ("b", "Georgia"))
    assert together(refs, ("c", "Scientology"), ("d", "Scientology"))
    assert next(c for c in cluster(refs) if c.name == "Scientology").kind == "ORG"


def test_counts_and_articles():
    refs = [R("a", "Yann LeCun", mentions=5), R("b", "LeCun", mentions=3), R("b", "Meta", "ORG", mentions=9)]
    person = next(c for c in cluster(refs) if c.kind == "PERSON")
    assert person.mentions == 8 and person.articles == ["a", "b"] and person.mentions_in("b") == 3


NAMES = st.sampled_from(["Yann LeCun", "LeCun", "Meta", "Meta Platforms", "Raymond Chan", "Gary Chan", "Chan",
                         "ESO", "European Southern Observatory", "Georgia", "Scientology", "J. Smith", "John Smith"])
REFS = st.lists(
    st.builds(R, st.sampled_from("abcde"), NAMES, st.sampled_from(["PERSON", "ORG", "PLACE", "OTHER"]),
              st.lists(NAMES, max_size=2), st.integers(1, 5)),
    max_size=14, unique_by=lambda r: (r.article, r.name),
)


def _shape(clusters):
    return sorted(sorted((m.article, m.name) for m in c.members) for c in clusters)


@settings(max_examples=200, deadline=None)
@given(REFS, st.randoms())
def test_clusters_do_not_depend_on_order(refs, random):
    shuffled = list(refs)
    random.shuffle(shuffled)
    assert _shape(cluster(refs)) == _shape(cluster(shuffled))


@settings(max_examples=200, deadline=None)
@given(REFS)
def test_every_entity_once_and_no_cluster_mixes_named_kinds(refs):
    clusters = cluster(refs)
    members = [(m.article, m.name) for c in clusters for m in c.members]
    assert sorted(members) == sorted((r.article, r.name) for r in refs)
    for c in clusters:
        kinds = {m.kind for m in c.members} - {"OTHER"}
        assert len(kinds) <= 1 and (not kinds or c.kind in kinds)
