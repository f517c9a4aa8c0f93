#!/usr/bin/env python3
"""Monthly cutoffs and held-out questions for the expert replay (issue 16), from a Stack Exchange dump's Posts.xml.

  experts-replay.py months DUMP last3|all     one line per cutoff: "CUTOFF NEXT" (ISO dates). last3: the dump's last
                                              three calendar months (the issue's definition); all: every month after
                                              the first that has a question with an accepted answer; last3acc: the
                                              last three of those
  experts-replay.py questions DUMP FROM TO OUT.tsv
                                              questions created in [FROM, TO) with an accepted answer, in se2slack's
                                              heldout.tsv format (question_id, title, text, accepted_answerer, answerers)

Ground truth as the official tools read it (experts_topics.py): the author of the accepted answer; deleted accounts
and the Community user are USLACKBOT.
"""
import datetime as dt, html, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools"))
import experts_topics as ET_  # noqa: E402


def day(stamp):
    return dt.datetime.fromisoformat(stamp[:19]).replace(tzinfo=dt.timezone.utc)


def accepted(dump):
    _, qs, answers = ET_.truth(dump)
    acc = {}
    for a in answers:
        if qs[a["ParentId"]].get("AcceptedAnswerId") == a["Id"]:
            acc[a["ParentId"]] = ET_.uid(a.get("OwnerUserId"))
    return qs, acc


def next_month(d):
    return (d.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def months(dump, mode):
    qs, acc = accepted(dump)
    dates = [day(q["CreationDate"]) for q in qs.values()]
    m, last = min(dates).replace(day=1, hour=0, minute=0, second=0), max(dates)
    starts = []
    while m <= last:
        starts.append(m)
        m = next_month(m)
    if mode == "last3":
        chosen = starts[-3:]
    elif mode in ("all", "last3acc"):
        chosen = [s for s in starts[1:] if any(s <= day(qs[q]["CreationDate"]) < next_month(s) for q in acc)]
        chosen = chosen[-3:] if mode == "last3acc" else chosen
    else:
        raise SystemExit("mode: last3, last3acc or all")
    for s in chosen:
        print(s.date().isoformat(), next_month(s).date().isoformat())


def questions(dump, start, end, out):
    qs, acc = accepted(dump)
    lo = dt.datetime.fromisoformat(start).replace(tzinfo=dt.timezone.utc)
    hi = dt.datetime.fromisoformat(end).replace(tzinfo=dt.timezone.utc)
    rows = sorted((q for q in acc if lo <= day(qs[q]["CreationDate"]) < hi), key=lambda q: qs[q]["CreationDate"])
    with open(out, "w") as f:
        f.write("question_id\ttitle\ttext\taccepted_answerer\tanswerers\n")
        for q in rows:
            title = html.unescape(qs[q].get("Title", "")).replace("\t", " ")
            f.write(f"{q}\t{title}\t\t{acc[q]}\t\n")
    print(len(rows))


if __name__ == "__main__":
    if sys.argv[1] == "months":
        months(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "questions":
        questions(*sys.argv[2:6])
    else:
        raise SystemExit(__doc__)
