"""Fusion and query handling, without the model: fast unit tests of retrieval's pure parts."""

from __future__ import annotations

import pytest

from assistant.retrieval import RetrievalParams, fts_expression, fuse, query_terms


def test_a_passage_found_by_both_sides_outranks_one_found_by_either() -> None:
    dense = [(1, 0.80), (2, 0.78), (3, 0.40)]
    lexical = [(2, 12.0), (4, 11.5), (1, 3.0)]
    for params in (RetrievalParams(), RetrievalParams(normalisation="minmax"), RetrievalParams(fusion="rrf")):
        order = [cid for cid, *_ in fuse(dense, lexical, params)]
        assert order[0] == 2, params
        assert set(order) == {1, 2, 3, 4}


def test_fused_scores_are_relative_to_the_best_and_ranks_are_kept() -> None:
    fused = fuse([(1, 0.9), (2, 0.5)], [(2, 5.0), (3, 1.0)], RetrievalParams())
    assert fused[0][1] == 1.0 and all(0.0 <= score <= 1.0 for _, score, *_ in fused)
    by_id = {cid: (d_rank, l_rank, d_score) for cid, _, d_rank, l_rank, d_score in fused}
    assert by_id[2] == (1, 0, 0.5) and by_id[3] == (None, 1, None)


def test_dense_weight_moves_the_balance() -> None:
    dense = [(1, 0.9), (2, 0.2)]
    lexical = [(2, 9.0), (1, 1.0)]
    assert fuse(dense, lexical, RetrievalParams(dense_weight=0.9))[0][0] == 1
    assert fuse(dense, lexical, RetrievalParams(dense_weight=0.1))[0][0] == 2


def test_query_terms_and_fts_expressions_never_pass_syntax_through() -> None:
    assert query_terms("What did Novartis pay Argo for the $5.36bn deal?") == [
        "novartis",
        "pay",
        "argo",
        "$5.36bn",
        "deal",
    ]
    expression = fts_expression('NEAR(a b) OR "x" AND -y* ^z')
    for token in expression.split(" OR "):
        assert token.startswith('"') and token.endswith('"')
    assert fts_expression("the of and") == ""


def test_a_large_index_leaves_the_commonest_words_out_of_the_full_text_search(seed_index) -> None:  # type: ignore[no-untyped-def]
    from assistant.retrieval import Retriever

    question = "Did China's oncology deals with Novartis and Argo grow?"
    small = Retriever.open(seed_index)
    assert small.full_text_expression(question) == fts_expression(question)  # 12 passages: every word
    shares = small.store.passage_share(["china", "novartis", "argo"])
    assert shares["china"] > 0.5 and 0 < shares["novartis"] < 0.2  # from the index's own vocabulary
    # FTS5 stems "oncology" as "oncolog", PyStemmer's original Porter as "oncologi": both are looked up.
    assert small.store.passage_share(["oncology", "immunology"]) == {
        "oncology": pytest.approx(4 / 12),
        "immunology": pytest.approx(2 / 12),
    }
    large = Retriever.open(seed_index.model_copy(update={"common_words_from": 1, "common_word_share": 0.2}))
    kept = large.full_text_expression(question).split(" OR ")
    assert '"china"' not in kept and '"novartis"' in kept and '"argo"' in kept
    assert len(large.full_text_expression("China China deals").split(" OR ")) == 2  # the rarest kept anyway
