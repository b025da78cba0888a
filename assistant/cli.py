"""The `assistant` command. Commands parse, call the core, render; errors become one line and an exit code.

Exit codes: 0 answered / done, 1 the corpus has no answer (like grep), 2 errors.
"""

from __future__ import annotations

import json
import sys
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .errors import AssistantError

if TYPE_CHECKING:
    from .config import Settings
    from .models import IndexReport

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Offline, cited answers from your folder of biopharma licensing articles.\n\n"
    "With no command, opens the chat. Every answer sentence is quoted from an article and cited; "
    "a question the articles cannot answer gets 'Not in the corpus'.",
)

CorpusOpt = Annotated[
    Path | None,
    typer.Option("--corpus", help="Folder of articles [env ASSISTANT_CORPUS_DIR; default corpus/]."),
]
IndexOpt = Annotated[
    Path | None, typer.Option("--index", help="Index folder [env ASSISTANT_INDEX_DIR; default index/].")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _settings(corpus: Path | None, index: Path | None, **overrides: Any) -> Settings:
    from pydantic import ValidationError

    from .config import Settings
    from .errors import ConfigError

    values = {k: v for k, v in overrides.items() if v is not None}
    if corpus is not None:
        values["corpus_dir"] = corpus
    if index is not None:
        values["index_dir"] = index
    try:
        return Settings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid setting {where}: {first['msg']}") from None


def _console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _warn(message: str) -> None:
    from .render import inert

    sys.stderr.write(f"warning: {inert(message)}\n")


# --------------------------------------------------------------------------------------------------
# index


def _run_index(settings: Settings, *, full: bool, quiet: bool) -> IndexReport:
    """Run the indexer with a progress bar on stderr (when it is a terminal)."""
    from .indexer import update_index

    console = _console(stderr=True)
    if quiet or not console.is_terminal:
        return update_index(settings, full=full)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]}"),
        TimeRemainingColumn(),
        TextColumn("[dim]{task.fields[note]}"),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, Any] = {}

        def on_progress(p: Any) -> None:
            unit = {"read": "documents", "embed": "passages"}.get(p.phase, "")
            if p.phase not in tasks:
                tasks[p.phase] = bar.add_task(p.phase, total=p.total or None, unit=unit, note="")
            from .render import inert

            bar.update(tasks[p.phase], completed=p.done, total=p.total or None, note=inert(p.message[:40]))

        return update_index(settings, full=full, progress=on_progress)


def _print_report(report: IndexReport, as_json: bool) -> None:
    for warning in report.warnings:
        _warn(warning)
    if as_json:
        data = report.model_dump(exclude={"warnings"})
        data["warnings"] = report.warnings
        print(json.dumps(data))
        return
    print(
        f"{report.documents_total} documents, {report.chunks_total} passages indexed "
        f"(added {report.added}, updated {report.updated}, removed {report.removed}, "
        f"unchanged {report.unchanged}, skipped {report.skipped}; "
        f"{report.chunks_embedded} passages embedded in {report.seconds:.1f} s)"
    )


@app.command("index")
def index_cmd(
    full: Annotated[bool, typer.Option("--full", help="Rebuild everything instead of only what changed.")] = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Build or update the index from the corpus (only new and changed articles are embedded).

    Example: assistant index --json
    """
    settings = _settings(corpus, index)
    report = _run_index(settings, full=full, quiet=as_json)
    _print_report(report, as_json)


# --------------------------------------------------------------------------------------------------
# add


@app.command("add")
def add_cmd(
    sources: Annotated[
        list[str], typer.Argument(metavar="SOURCE", help="Files (.md .txt .html .pdf) or http(s) URLs.")
    ],
    no_index: Annotated[bool, typer.Option("--no-index", help="Only copy into the corpus.")] = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add articles (files or URLs) to the corpus as Markdown with metadata, then update the index.

    Duplicates (the same or a near-identical article) are reported and not added.
    Example: assistant add report.pdf https://example.com/news/deal.html
    """
    from .importers import add_articles
    from .render import inert

    settings = _settings(corpus, index)
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    results = add_articles(sources, settings.corpus_dir)
    for r in [] if as_json else results:
        if r.status == "added":
            print(f"added {inert(r.origin)} -> {settings.corpus_dir / (r.path or '')}")
        elif r.status == "duplicate":
            print(f"not added {inert(r.origin)}: {inert(r.message)}")
        else:
            sys.stderr.write(f"error: {inert(r.message)}\n")
    report = None
    if any(r.status == "added" for r in results) and not no_index:
        report = _run_index(settings, full=False, quiet=as_json)
        if not as_json:
            _print_report(report, False)
    if as_json:
        print(
            json.dumps(
                {
                    "results": [r.model_dump() for r in results],
                    "index": report.model_dump() if report else None,
                }
            )
        )
    if any(r.status == "failed" for r in results):
        raise typer.Exit(2)


# --------------------------------------------------------------------------------------------------
# status and list


@app.command("status")
def status_cmd(corpus: CorpusOpt = None, index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """Show the index: documents, passages, model, when it was built, and what changed in the corpus since."""
    from .indexer import index_status

    status = index_status(_settings(corpus, index))
    if as_json:
        data = json.loads(status.model_dump_json())
        print(json.dumps(data))
        return
    print(f"corpus   {status.corpus_dir}")
    print(f"index    {status.index_dir}" + ("" if status.exists else " (not built)"))
    if status.exists:
        print(f"         {status.documents} documents, {status.passages} passages, {status.index_type} vectors")
        print(f"model    {status.model} ({status.dimension} dimensions)")
        print(f"built    {status.built_at}")
    ch = status.changes
    print(f"changes  {len(ch.new)} new, {len(ch.changed)} changed, {len(ch.deleted)} deleted since the last build")
    for label, paths in (("new", ch.new), ("changed", ch.changed), ("deleted", ch.deleted)):
        for p in paths[:20]:
            print(f"         {label:<8}{p}")
    if status.problem:
        print(f"problem  {status.problem}")


@app.command("list")
def list_cmd(corpus: CorpusOpt = None, index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """List the indexed articles: title, source, date and passages."""
    from .engine import Engine

    docs = Engine(_settings(corpus, index)).documents()
    if as_json:
        print(json.dumps([json.loads(d.model_dump_json()) for d in docs]))
        return
    from rich.table import Table

    from .render import format_date, inert

    table = Table(box=None, pad_edge=False)
    for col in ("date", "title", "source", "passages", "path"):
        table.add_column(col, justify="right" if col == "passages" else "left", overflow="fold")
    for d in docs:
        table.add_row(
            format_date(d.meta.published, d.meta.published_approximate),
            inert(d.meta.title),
            inert(d.meta.source or ""),
            str(d.passages),
            inert(d.path),
        )
    _console().print(table)


# --------------------------------------------------------------------------------------------------
# ask


def _parse_date(value: str | None, flag: str) -> Date | None:
    if value is None:
        return None
    from .errors import ConfigError

    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{flag} takes a date as YYYY-MM-DD, not '{value}'") from None


@app.command("ask")
def ask_cmd(
    questions: Annotated[
        list[str],
        typer.Argument(metavar="QUESTION", help="One or more questions ('-' reads them from stdin, one per line)."),
    ],
    as_json: JsonOpt = False,
    long: Annotated[bool, typer.Option("--long", help="Allow a longer answer (more sentences).")] = False,
    source: Annotated[
        str | None, typer.Option("--source", help="Only articles whose source or URL contains this.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only articles published on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only articles published on or before YYYY-MM-DD.")
    ] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only this article (corpus path); repeatable.")] = None,
    top_k: Annotated[int | None, typer.Option("--top-k", "-k", help="Passages retrieved per question.")] = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Answer questions from the corpus, each sentence quoted and cited.

    Several questions are one conversation: later ones may follow up on earlier ones.
    Exit status: 0 answered, 1 when the corpus has no answer, 2 on errors.

    Example: assistant ask "What was the biggest deal in 2025?" "And who signed it?"
    """
    from .engine import Conversation, Engine, Filters

    if questions == ["-"]:
        questions = [line.strip() for line in sys.stdin if line.strip()]
    questions = [q.strip() for q in questions if q.strip()]
    if not questions:
        from .errors import ConfigError

        raise ConfigError("no question given")
    settings = _settings(corpus, index, top_k=top_k)
    filters = Filters(
        source=source,
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
        documents=tuple(doc or ()),
    )
    _ensure_index(settings, quiet=as_json)
    engine = Engine(settings)
    conversation = Conversation()
    unanswered = 0
    console = _console()
    for i, question in enumerate(questions):
        answer = engine.ask(question, conversation, filters=filters, long=long)
        unanswered += answer.abstained
        if as_json:
            sys.stdout.write(answer.model_dump_json() + "\n")
            continue
        from .render import answer_plain, answer_rich, inert

        if i:
            print()
        if console.is_terminal:
            if len(questions) > 1:
                console.print(f"Q: {inert(question)}", style="bold", markup=False)
            console.print(answer_rich(answer))
        else:
            if len(questions) > 1:
                print(f"Q: {inert(question)}")
            sys.stdout.write(answer_plain(answer))
    sys.stdout.flush()
    if unanswered:
        raise typer.Exit(1)


def _ensure_index(settings: Settings, *, quiet: bool) -> None:
    """Build a missing index first (with a progress bar); note a stale one, or a missing corpus folder, on
    stderr (the answer still comes from the index)."""
    from .store import current_generation

    if current_generation(settings.index_dir) is None:
        if not settings.corpus_dir.is_dir():
            from .errors import IndexMissingError

            raise IndexMissingError(
                f"no index in {settings.index_dir} and no corpus folder {settings.corpus_dir}: "
                "add articles with `assistant add PATH`, then run `assistant index`"
            )
        _warn(f"no index in {settings.index_dir} yet: building it now")
        report = _run_index(settings, full=False, quiet=quiet)
        for w in report.warnings:
            _warn(w)
        if current_generation(settings.index_dir) is None:
            from .errors import IndexMissingError

            raise IndexMissingError(f"nothing to index in {settings.corpus_dir}: add articles first")
    elif not settings.corpus_dir.is_dir():
        _warn(f"no corpus folder {settings.corpus_dir}: answering from the index in {settings.index_dir}")
    else:
        from .indexer import index_status

        changes = index_status(settings).changes
        behind = len(changes.new) + len(changes.changed) + len(changes.deleted)
        if behind:
            _warn(
                f"{behind} article{'s' if behind > 1 else ''} in {settings.corpus_dir} changed since the index was "
                "built: run `assistant index` to include them"
            )


# --------------------------------------------------------------------------------------------------
# deals and people


def _fact_rows(corpus: Path | None, index: Path | None, kind: str) -> list[Any]:
    from .engine import Engine
    from .fact_tables import deal_rows, people_rows

    engine = Engine(_settings(corpus, index))
    facts = engine.facts()
    texts: dict[str, str] = {}

    def text_of(document: str, start: int, end: int) -> str:
        if document not in texts:
            texts[document] = engine.document(document).text
        return texts[document][start:end]

    return deal_rows(facts, text_of) if kind == "deals" else people_rows(facts, text_of)


@app.command("deals")
def deals_cmd(
    sort: Annotated[str, typer.Option("--sort", help="value, year or deal.")] = "value",
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """The deals named in the corpus: parties, value, year, area, each with the sentence it comes from.

    Example: assistant deals --sort year --csv > deals.csv
    """
    from .errors import ConfigError

    if sort not in {"value", "year", "deal"}:
        raise ConfigError(f"--sort takes value, year or deal, not '{sort}'")
    rows = _fact_rows(corpus, index, "deals")
    key = {
        "value": lambda r: (r.value is None, -(r.value or 0)),
        "year": lambda r: (r.year is None, -(r.year or 0), -(r.value or 0)),
        "deal": lambda r: r.deal.lower(),
    }[sort]
    rows.sort(key=key)
    if as_json:
        print(json.dumps([json.loads(r.model_dump_json()) for r in rows]))
        return
    if as_csv:
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(
            ["deal", "value", "currency", "value_text", "year", "kind", "therapy_area", "modality", "source"]
        )
        for r in rows:
            src = r.sources[0]
            writer.writerow(
                [
                    r.deal,
                    r.value,
                    r.currency,
                    r.value_text,
                    r.year,
                    r.kind,
                    r.therapy_area,
                    r.modality,
                    f"{src.document}:{src.start}-{src.end}",
                ]
            )
        return
    from rich.table import Table

    from .render import inert

    table = Table(box=None, pad_edge=False, title=f"{len(rows)} deals named in the corpus")
    for col in ("deal", "value", "year", "area", "source"):
        table.add_column(col, overflow="fold")
    for r in rows:
        src = r.sources[0]
        year = "" if r.year is None else f"{r.year}{'?' if r.year_inferred else ''}"
        area = ", ".join(x for x in (r.modality, r.therapy_area) if x)
        table.add_row(
            inert(r.deal), inert(r.value_text or "not stated"), year, inert(area), inert(f"{src.document}:{src.start}")
        )
    _console().print(table)


@app.command("people")
def people_cmd(as_json: JsonOpt = False, corpus: CorpusOpt = None, index: IndexOpt = None) -> None:
    """Who is quoted in the corpus, their role, and what they said (each view cited)."""
    rows = _fact_rows(corpus, index, "people")
    if as_json:
        print(json.dumps([json.loads(r.model_dump_json()) for r in rows]))
        return
    from .render import inert

    console = _console()
    for r in rows:
        role = ", ".join(x for x in (r.role, r.organisation) if x)
        console.print(f"{inert(r.name)}" + (f" — {inert(role)}" if role else ""), style="bold", markup=False)
        for view in r.views:
            console.print(f"  “{inert(view.text)}”", markup=False, highlight=False)
            console.print(
                f"     {inert(view.source.document)}:{view.source.start}-{view.source.end}", style="dim", markup=False
            )
        if not r.views:
            console.print("  (no view quoted)", style="dim", markup=False)


# --------------------------------------------------------------------------------------------------
# eval


@app.command("eval")
def eval_cmd(
    path: Annotated[
        Path,
        typer.Argument(
            help="A BEIR folder (corpus.jsonl, queries*.jsonl, qrels/), a question file (.jsonl) or a folder of "
            "question files (scored together and one by one)."
        ),
    ],
    split: Annotated[str, typer.Option("--split", help="BEIR qrels split to score.")] = "test",
    as_json: JsonOpt = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N queries.")] = None,
    show_failures: Annotated[bool, typer.Option("--failures", help="List the questions that missed.")] = False,
) -> None:
    """Measure retrieval (BEIR: nDCG@10, Recall@10/@100, MRR@10) or answers (question file: hit@1/@3,
    keywords, abstention precision and recall).

    A BEIR folder is indexed into its own index (default: <index>/.eval/<folder name>, or --index).
    Examples: assistant eval ../shared/bench/scifact --split test; assistant eval eval/seed_devset.jsonl;
    assistant eval eval/independent
    """
    from .evaluate import evaluate_beir, evaluate_questions

    settings = _settings(corpus, index)
    if path.is_dir() and (path / "corpus.jsonl").exists():
        result = evaluate_beir(path, settings, split=split, index_dir=index, limit=limit, progress=not as_json)
    elif path.is_file() or path.is_dir():
        _ensure_index(settings, quiet=as_json)
        result = evaluate_questions(path, settings, limit=limit)
    else:
        from .errors import ConfigError

        raise ConfigError(f"{path} is neither a BEIR folder nor a question file")
    if as_json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        if key in ("failures", "files"):
            continue
        print(f"{key:<28}{value:.4f}" if isinstance(value, float) else f"{key:<28}{value}")
    if result.get("files"):
        columns = ("questions", "hit@3", "keyword_rate", "answerable_refused", "unanswerable_refused")
        print("\n" + f"{'file':<28}" + "".join(f"{c:>22}" for c in columns))
        for name, figures in result["files"].items():
            cells = "".join(
                f"{figures[c]:>22.4f}" if isinstance(figures[c], float) else f"{figures[c]:>22}" for c in columns
            )
            print(f"{name:<28}{cells}")
    if show_failures:
        for failure in result.get("failures", []):
            print(f"  miss: {failure}")


# --------------------------------------------------------------------------------------------------
# chat


@app.command("chat")
def chat_cmd(corpus: CorpusOpt = None, index: IndexOpt = None) -> None:
    """Open the chat (the default when no command is given)."""
    settings = _settings(corpus, index)
    try:
        from .tui.app import run_chat
    except ImportError as exc:  # pragma: no cover - only when the TUI is not installed
        from .errors import AssistantError as _Err

        raise _Err(f"the chat is not available ({exc}); use `assistant ask`") from None
    run_chat(settings)


@app.callback(invoke_without_command=True)
def _default(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        chat_cmd()


def main() -> None:
    """Entry point: library errors become one line on stderr and exit code 2 (or their own)."""
    try:
        code = app(standalone_mode=False)
    except AssistantError as exc:
        from .render import inert

        sys.stderr.write(f"error: {inert(str(exc))}\n")
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        # Usage errors from click (typer vendors its own copy, so match the interface, not the class).
        show, exit_code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(exit_code, int):
            show()
            sys.exit(exit_code)
        if type(exc).__name__ == "Abort":
            sys.stderr.write("aborted\n")
            sys.exit(130)
        raise
    sys.exit(code if isinstance(code, int) else 0)
