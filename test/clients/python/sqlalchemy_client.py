"""SQLAlchemy 2 (psycopg 3 dialect) against a server given by PGHOST/PGPORT.

Run by test/integration/orm-sqlalchemy.test.ts:
    PGHOST=127.0.0.1 PGPORT=5432 python3 test/clients/python/sqlalchemy_client.py [scenario ...]

Scenarios run in order and build on each other (create_all, then CRUD through the ORM, then
inspect()); each prints one line, `ok NAME` or `FAIL NAME: what went wrong`, then
"done ok=N failed=M"; the exit status is 0 only when nothing failed.
"""
import os
import sys
import traceback
from typing import List, Optional

from sqlalchemy import ForeignKey, Index, String, create_engine, func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

HOST = os.environ.get("PGHOST", "127.0.0.1")
PORT = int(os.environ.get("PGPORT", "5432"))
engine = create_engine(f"postgresql+psycopg://postgres@{HOST}:{PORT}/postgres", pool_size=2)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "sa_author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    email: Mapped[Optional[str]] = mapped_column(unique=True)
    books: Mapped[List["Book"]] = relationship(back_populates="author", cascade="all, delete-orphan")


class Book(Base):
    __tablename__ = "sa_book"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("sa_author.id", ondelete="CASCADE"))
    title: Mapped[str]
    pages: Mapped[int] = mapped_column(default=0)
    author: Mapped[Author] = relationship(back_populates="books")
    __table_args__ = (Index("sa_book_title_idx", "title"),)


class CheckFailed(Exception):
    pass


def check(what, actual, expected):
    if actual != expected:
        raise CheckFailed(f"{what}: got {actual!r}, expected {expected!r}")


def s_create_all():
    Base.metadata.create_all(engine)
    check("has_table", inspect(engine).has_table("sa_book"), True)
    Base.metadata.create_all(engine)  # checkfirst: nothing to do


def s_crud():
    with Session(engine) as session:
        ada = Author(name="Ada", email="ada@example.com", books=[Book(title="Notes", pages=40), Book(title="Engine", pages=12)])
        session.add(ada)
        session.commit()
        check("author id", isinstance(ada.id, int), True)
        long = session.scalars(select(Book.title).where(Book.pages > 20)).all()
        check("books over 20 pages", long, ["Notes"])
        book = session.scalars(select(Book).where(Book.title == "Engine")).one()
        check("book.author.name (lazy load)", book.author.name, "Ada")
        book.pages = 13
        session.commit()
        check("updated pages", session.scalar(select(Book.pages).where(Book.id == book.id)), 13)
        rows = session.execute(select(Author.name, func.count(Book.id)).join(Author.books).group_by(Author.name)).all()
        check("join + count", [tuple(r) for r in rows], [("Ada", 2)])
        session.delete(book)
        session.commit()
        check("books left", session.scalar(select(func.count()).select_from(Book)), 1)
        check("text() with a bound parameter", session.execute(text("SELECT :n + 1"), {"n": 41}).scalar(), 42)


def s_transaction():
    with Session(engine) as session:
        with session.begin():
            session.add(Author(name="Grace", email=None))
        try:
            with session.begin():
                session.add(Author(name="Gone"))
                session.add(Author(name="Dup", email="ada@example.com"))
            raise CheckFailed("a duplicate email was accepted")
        except IntegrityError as err:
            check("SQLSTATE", err.orig.sqlstate, "23505")
        names = session.scalars(select(Author.name).order_by(Author.id)).all()
        check("authors after rollback", names, ["Ada", "Grace"])


def s_inspect_tables():
    insp = inspect(engine)
    check("get_table_names", sorted(t for t in insp.get_table_names() if t.startswith("sa_")), ["sa_author", "sa_book"])
    columns = insp.get_columns("sa_book")
    check("column names", [c["name"] for c in columns], ["id", "author_id", "title", "pages"])
    check("column types", [str(c["type"]) for c in columns], ["INTEGER", "INTEGER", "VARCHAR", "INTEGER"])
    check("nullable", [c["nullable"] for c in columns], [False, False, False, False])
    author = {c["name"]: c for c in insp.get_columns("sa_author")}
    check("varchar(80)", (str(author["name"]["type"]), author["name"]["type"].length), ("VARCHAR(80)", 80))
    check("email nullable", author["email"]["nullable"], True)


def s_inspect_keys():
    insp = inspect(engine)
    pk = insp.get_pk_constraint("sa_book")
    check("get_pk_constraint", (pk["constrained_columns"], pk["name"], pk["comment"]), (["id"], "sa_book_pkey", None))
    fks = insp.get_foreign_keys("sa_book")
    check("foreign keys", [(fk["name"], fk["constrained_columns"], fk["referred_table"], fk["referred_columns"], fk["options"].get("ondelete")) for fk in fks],
          [("sa_book_author_id_fkey", ["author_id"], "sa_author", ["id"], "CASCADE")])
    indexes = insp.get_indexes("sa_book")
    check("indexes", [(i["name"], i["column_names"], i["unique"]) for i in indexes], [("sa_book_title_idx", ["title"], False)])
    uniques = insp.get_unique_constraints("sa_author")
    check("unique constraints", [(u["name"], u["column_names"]) for u in uniques], [("sa_author_email_key", ["email"])])


def s_inspect_serial():
    columns = {c["name"]: c for c in inspect(engine).get_columns("sa_book")}
    check("id autoincrement", columns["id"].get("autoincrement"), True)
    check("id default", columns["id"]["default"], "nextval('sa_book_id_seq'::regclass)")


def s_drop_all():
    Base.metadata.drop_all(engine)
    check("tables left", [t for t in inspect(engine).get_table_names() if t.startswith("sa_")], [])


SCENARIOS = {
    "create-all": s_create_all, "crud": s_crud, "transaction": s_transaction, "inspect-tables": s_inspect_tables,
    "inspect-keys": s_inspect_keys, "inspect-serial": s_inspect_serial, "drop-all": s_drop_all,
}


def main(names):
    ok = failed = 0
    for name in names or list(SCENARIOS):
        try:
            fn = SCENARIOS.get(name)
            if fn is None:
                raise CheckFailed("no such scenario")
            fn()
            print(f"ok {name}", flush=True)
            ok += 1
        except Exception as err:  # noqa: BLE001 - every failure becomes one FAIL line
            orig = getattr(err, "orig", None)
            sqlstate = getattr(orig, "sqlstate", None)
            detail = type(err).__name__ + (f" [SQLSTATE {sqlstate}]" if sqlstate else "")
            message = " ".join(str(orig or err).split())[:600]
            print(f"FAIL {name}: {detail}: {message}", flush=True)
            traceback.print_exc(file=sys.stderr)
            failed += 1
    engine.dispose()
    print(f"done ok={ok} failed={failed}", flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
