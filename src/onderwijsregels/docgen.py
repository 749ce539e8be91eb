"""The generated rule reference in ``docs/reference/``: one Markdown page per edition.

Writes the pages of :mod:`onderwijsregels.present.markdown` for the installed
editions; ``tests/test_docs.py`` fails when the committed pages differ from
freshly generated ones. Regenerate with::

    python -m onderwijsregels.docgen docs/reference
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from onderwijsregels.present.markdown import (
    GENERATED,
    changes_page,
    edition_page,
    index_page,
    providers_by_edition,
    rule_confidence,
    sources_page,
)
from onderwijsregels.rulebook import Rulebook, load
from onderwijsregels.testing.plugins import shipped_plugins

__all__ = [
    "GENERATED",
    "changes_page",
    "edition_page",
    "index_page",
    "main",
    "rule_confidence",
    "shipped_plugins",
    "sources_page",
    "write_reference",
]


def write_reference(rulebook: Rulebook, directory: Path | str) -> list[Path]:
    """Write ``index.md`` and one ``<edition-id>.md`` per edition into ``directory``.

    Generated pages of editions no longer in ``rulebook`` are removed (only
    files that start with :data:`GENERATED`). Returns the written paths, sorted.
    """
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    providers = providers_by_edition(rulebook)
    editions = [e for family in rulebook.families() for e in rulebook.editions(family)]
    ids = {edition.id for edition in editions}
    pages = {
        "index.md": index_page(rulebook),
        "changes.md": changes_page(rulebook),
        "sources.md": sources_page(rulebook),
    }
    for edition in editions:
        pages[f"{edition.id}.md"] = edition_page(edition, providers.get(edition.id), link_to=ids)
    for stale in sorted(target.glob("*.md")):
        if stale.name not in pages and stale.read_text(encoding="utf-8").startswith(GENERATED):
            stale.unlink()
    written = []
    for name, text in sorted(pages.items()):
        path = target / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m onderwijsregels.docgen DIRECTORY [--all]``.

    By default only the editions shipped with ``onderwijsregels`` itself are
    documented, so an installed third-party plugin does not enter the
    committed reference; ``--all`` documents every installed plugin.
    """
    parser = argparse.ArgumentParser(
        prog="python -m onderwijsregels.docgen",
        description="Write the Markdown rule reference (one page per edition).",
    )
    parser.add_argument("directory", type=Path, help="where to write, e.g. docs/reference")
    parser.add_argument(
        "--all", action="store_true", help="document every installed plugin, not only built-ins"
    )
    args = parser.parse_args(argv)
    rulebook = load() if args.all else load(only=shipped_plugins())
    for path in write_reference(rulebook, args.directory):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
